"""POST /v1/frames against the real database, broker and a local-folder store."""
from datetime import datetime

import pytest

from alpr_common.crypto import open_blob, open_keystore
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.topics import AUDIT

from services.ingest.devices import register_device
from tests.support.kafka_read import read_until
from tests.integration.ingest.support import as_json, frame_rows, frames_on_topic, metadata
from tests.unit.ingest.sample_images import GIF, jpeg, noise_png, png

pytestmark = pytest.mark.integration


def post(client, token: str | None, meta, image: bytes, filename: str = "frame.jpg"):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post("/v1/frames", headers=headers, data={"metadata": as_json(meta)},
                       files={"image": (filename, image, "application/octet-stream")})


def test_an_accepted_frame_is_stored_recorded_and_produced_exactly_once(client, device, store, database_url, kafka_bootstrap):
    device_id, token = device
    meta = metadata(device_id)
    image = jpeg(200, 150)
    first = post(client, token, meta, image)
    again = post(client, token, meta, image)
    assert (first.status_code, first.json()) == (202, {"frame_id": meta["frame_id"], "status": "accepted"})
    assert (again.status_code, again.json()) == (200, {"frame_id": meta["frame_id"], "status": "duplicate"})
    key = f"frames/{device_id}/{meta['frame_id']}.jpg"
    stored = store.get(key)
    assert image[200:264] not in stored  # sealed, never the image in clear
    assert [r["frame_id"] for r in frame_rows(database_url, device_id)] == [meta["frame_id"]]
    [event] = frames_on_topic(kafka_bootstrap, {meta["frame_id"]})
    assert (event.device_id, event.object_key, event.width, event.height) == (device_id, key, 200, 150)
    assert (event.content_type, event.heading_deg, event.camera) == ("image/jpeg", 180.0, "rear")
    assert event.image_key_id.startswith("epoch:")
    assert open_blob(open_keystore(database_url), stored, key) == image


def test_a_png_is_stored_under_png(client, device, store):
    device_id, token = device
    meta = metadata(device_id)
    assert post(client, token, meta, png(), "x.png").status_code == 202
    assert store.exists(f"frames/{device_id}/{meta['frame_id']}.png")


def test_the_same_frame_id_with_another_image_is_a_conflict_and_keeps_the_first(client, device, store, database_url):
    device_id, token = device
    meta = metadata(device_id)
    assert post(client, token, meta, jpeg(seed=1)).status_code == 202
    response = post(client, token, meta, jpeg(seed=2))
    assert response.status_code == 409 and response.json()["error"] == "frame_id_conflict"
    key = f"frames/{device_id}/{meta['frame_id']}.jpg"
    assert open_blob(open_keystore(database_url), store.get(key), key) == jpeg(seed=1)


BAD_INPUTS = {
    "not an image": (lambda d: (metadata(d), b"just some text"), 415, "unsupported_image_type", "image"),
    "truncated jpeg": (lambda d: (metadata(d), jpeg()[:900]), 422, "invalid_image", "image"),
    "gif": (lambda d: (metadata(d), GIF), 415, "unsupported_image_type", "image"),
    "too large": (lambda d: (metadata(d), noise_png(250, 250)), 413, "image_too_large", "image"),
    "too many pixels": (lambda d: (metadata(d), jpeg(700, 600)), 422, "too_many_pixels", "image"),
    "too few pixels": (lambda d: (metadata(d), png(40, 40)), 422, "image_too_small", "image"),
    "future time": (lambda d: (metadata(d, captured_at="2999-01-01T00:00:00Z"), jpeg()), 422, "captured_at_in_future", "captured_at"),
    "too old": (lambda d: (metadata(d, captured_at="2020-01-01T00:00:00+01:00"), jpeg()), 422, "captured_at_too_old", "captured_at"),
    "no timezone": (lambda d: (metadata(d, captured_at="2024-01-01T00:00:00"), jpeg()), 422, "invalid_metadata", "captured_at"),
    "latitude out of range": (lambda d: (metadata(d, latitude=91.0), jpeg()), 422, "invalid_metadata", "latitude"),
    "null island": (lambda d: (metadata(d, latitude=0.0, longitude=0.0), jpeg()), 422, "invalid_location", "latitude/longitude"),
    "missing field": (lambda d: (metadata(d, longitude=...), jpeg()), 422, "invalid_metadata", "longitude"),
    "malformed json": (lambda d: ('{"frame_id": "x", ', jpeg()), 400, "malformed_metadata", "metadata"),
    "bad frame id": (lambda d: (metadata(d, frame_id="../../etc"), jpeg()), 422, "invalid_metadata", "frame_id"),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_gets_a_4xx_naming_the_field_and_nothing_is_kept(case, client, device, store, database_url):
    make, status, code, field = BAD_INPUTS[case]
    device_id, token = device
    meta, image = make(device_id)
    response = post(client, token, meta, image)
    assert response.status_code == status, response.text
    assert response.json()["error"] == code and response.json()["detail"].startswith(f"{field}:")
    assert list(store.keys("frames/")) == [] and frame_rows(database_url, device_id) == []


def test_a_frame_whose_epoch_is_already_shredded_is_refused_and_nothing_is_kept(client, device, store, database_url):
    device_id, token = device
    meta = metadata(device_id)
    keystore = open_keystore(database_url)
    captured = datetime.fromisoformat(meta["captured_at"])
    keystore.destroy_epoch(keystore.epoch_for(captured).epoch_id, captured)
    response = post(client, token, meta, jpeg())
    assert response.status_code == 422 and response.json()["error"] == "window_passed"
    assert response.json()["detail"].startswith("captured_at:")
    assert list(store.keys("frames/")) == [] and frame_rows(database_url, device_id) == []


@pytest.mark.parametrize("part", ["image", "metadata"])
def test_a_missing_multipart_part_is_a_json_422_naming_it(client, device, part):
    device_id, token = device
    parts = {"data": {"metadata": as_json(metadata(device_id))}, "files": {"image": ("f.jpg", jpeg(), "image/jpeg")}}
    parts["data" if part == "metadata" else "files"] = {}
    if not parts["data"]:
        parts["data"]["dummy"] = "x"  # keeps the body multipart
    response = client.post("/v1/frames", headers={"Authorization": f"Bearer {token}"}, **parts)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_request" and response.json()["detail"].startswith(f"{part}:")


@pytest.mark.parametrize("authorization", [None, "Bearer not-a-real-token", "Basic dXNlcjpwYXNz"])
def test_no_or_an_unknown_token_is_401(client, device, store, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    response = client.post("/v1/frames", headers=headers, data={"metadata": as_json(metadata(device[0]))},
                           files={"image": ("f.jpg", jpeg(), "image/jpeg")})
    assert response.status_code == 401 and response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json()["error"] == "unauthorized" and "token" in response.json()["detail"]
    assert list(store.keys()) == []


def test_the_token_of_another_device_is_403(client, device, store, database_url):
    other_token = register_device(database_url, f"{device[0]}-other")
    response = post(client, other_token, metadata(device[0]), jpeg())
    assert response.status_code == 403
    assert response.json()["error"] == "wrong_device" and response.json()["detail"].startswith("device_id:")
    assert list(store.keys()) == [] and frame_rows(database_url, device[0]) == []


def test_each_accepted_frame_is_audited_as_an_upload_by_the_device(client, device, kafka_bootstrap):
    device_id, token = device
    meta = metadata(device_id)
    assert post(client, token, meta, jpeg()).status_code == 202
    found = read_until(kafka_bootstrap, [AUDIT.name],
                       lambda msgs: any(AuditEvent.FromString(m.value()).resource == meta["frame_id"] for m in msgs))
    [event] = [e for e in map(lambda m: AuditEvent.FromString(m.value()), found) if e.resource == meta["frame_id"]]
    assert (event.actor, event.actor_kind, event.role, event.action, event.outcome) == (
        device_id, "service", "device", "frame.upload", "accepted")
