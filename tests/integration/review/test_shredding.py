"""Crypto-shredding through the review app: evidence moves onto the case key at intake, outlives its epoch,
is never at rest in clear, and is gone (410) once the case key is destroyed."""
from datetime import timedelta

import psycopg
import pytest

from alpr_common.crypto import KeyDestroyed, open_blob, split_key_id
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.topics import AUDIT
from tests.integration.review.support import NOW, PNG, case_event, image_of, poll_until, publish, read_topic


def epochs_of(event) -> set[str]:
    return {split_key_id(s.image_key_id)[1] for s in event.sightings}


def at_rest(database_url: str) -> str:
    """Every row of every table review and the key store write, as text (bytea as hex)."""
    with psycopg.connect(database_url) as conn:
        tables = conn.execute("SELECT table_schema, table_name FROM information_schema.tables "
                              "WHERE table_schema IN ('review', 'keys')").fetchall()
        return "\n".join(row[0] or "" for schema, name in tables for row in conn.execute(
            f'SELECT string_agg(t::text, E\'\\n\') FROM "{schema}"."{name}" t'))


def audits_of(review, responses) -> dict[str, AuditEvent]:
    ids = {r.headers["X-Request-Id"] for r in responses}
    return {e.request_id: e for e in read_topic(review.bootstrap, AUDIT.name, AuditEvent, lambda e: e.request_id in ids,
                                                want=len(ids))}


def test_after_intake_the_epoch_can_be_destroyed_and_the_case_stays_fully_readable_to_an_officer(review):
    event = case_event(review.store, review.keystore, plate="KEP777")
    case_id = review.publish(event)
    for epoch_id in epochs_of(event):
        assert review.keystore.destroy_epoch(epoch_id, NOW) is True
    frame = event.sightings[0].object_key
    with pytest.raises(KeyDestroyed):  # the frame as ingest stored it is noise from now on
        open_blob(review.keystore, review.store.get(frame), frame)

    case = review.get(f"/v1/cases/{case_id}").json()
    assert case["plate_text"] == "KEP777" and [s["plate_text"] for s in case["sightings"]] == ["KEP777", "KEP777"]
    for n, s in enumerate(event.sightings):
        image = review.get(f"/v1/cases/{case_id}/evidence/{n}")
        assert (image.status_code, image.content) == (200, image_of(s.object_key))
    assert "KEP777" in review.get(f"/cases/{case_id}").text
    confirmed = review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "confirm", "corrected_plate": "KEP771"})
    assert confirmed.json()["status"] == "confirmed"
    sheet = review.get(f"/v1/cases/{case_id}/evidence-sheet")
    assert sheet.status_code == 200 and "KEP771" in sheet.text and sheet.text.count("data:image/png") == 2
    assert review.get(f"/v1/cases/{case_id}").json()["decision"]["corrected_plate"] == "KEP771"


def test_the_database_and_the_stored_evidence_hold_neither_the_plate_nor_the_image(review, database_url):
    case_id = review.new_case(plate="SEC987")
    review.get(f"/v1/cases/{case_id}/evidence/0")
    review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "confirm", "corrected_plate": "SEC988"})

    rows = at_rest(database_url)
    assert case_id in rows and f"case:{case_id}" in rows  # the dump holds this case's rows
    for plate in ("SEC987", "SEC988"):
        assert plate not in rows and plate.encode().hex() not in rows
    images = [image_of(f"frames/dev-1/{case_id}-{n}.png") for n in range(2)]
    objects = {key: review.store.get(key) for key in review.store.keys() if case_id in key}
    assert sorted(objects) == sorted([f"cases/{case_id}/{case_id}-0", f"cases/{case_id}/{case_id}-1",
                                      f"frames/dev-1/{case_id}-0.png", f"frames/dev-1/{case_id}-1.png"])
    for key, data in objects.items():
        assert data.startswith(b"ALPRSEAL1"), key
        assert b"SEC98" not in data and PNG[:8] not in data and not any(image in data for image in images), key


def test_once_the_case_key_is_destroyed_the_case_is_gone_with_410_and_each_attempt_is_audited(review):
    case_id = review.new_case(plate="SHR123")
    review.get(f"/v1/cases/{case_id}/evidence/0")
    review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "confirm"})
    assert review.keystore.destroy_case_key(case_id, NOW) is True

    gone = [review.get(f"/v1/cases/{case_id}"), review.get(f"/v1/cases/{case_id}/evidence/1"),
            review.get(f"/v1/cases/{case_id}/evidence-sheet", role="supervisor"), review.get(f"/cases/{case_id}")]
    for response in gone:
        assert response.status_code == 410, response.request.url
        assert response.json()["error"] == "case_shredded" and "crypto-shredded" in response.json()["detail"]
        assert "SHR123" not in response.text
    (listed,) = [c for c in review.get("/v1/cases?status=confirmed").json()["cases"] if c["case_id"] == case_id]
    assert (listed["plate_text"], listed["status"]) == (None, "confirmed")
    voided = review.post(f"/v1/cases/{case_id}/reversal", role="supervisor", json={"reason": "wrong zone"})
    assert voided.json()["status"] == "rejected"  # a shredded citation can still be voided: that needs no plate
    audits = audits_of(review, gone)
    assert {(e.action, e.resource, e.outcome, e.details["status"]) for e in audits.values()} == {
        (action, case_id, "not_found", "410") for action in ("case.view", "evidence.view", "evidence_sheet.view", "page.case")}


def test_a_case_arriving_after_its_epoch_was_destroyed_is_recorded_as_expired_and_intake_goes_on(review, database_url):
    late = case_event(review.store, review.keystore, plate="LAT999", first=NOW - timedelta(days=3))
    shredded_epoch = split_key_id(late.sightings[0].image_key_id)[1]
    assert review.keystore.destroy_epoch(shredded_epoch, NOW) is True
    marker = case_event(review.store, review.keystore)
    # Same message key, so the same partition: once the marker is stored, the late case was handled.
    publish(review.bootstrap, (late.case_id, late.SerializeToString()), (late.case_id, marker.SerializeToString()))
    poll_until(lambda: review.get(f"/v1/cases/{marker.case_id}").status_code == 200)

    expired = review.get(f"/v1/cases/{late.case_id}")
    assert (expired.status_code, expired.json()["error"]) == (410, "case_expired")
    assert "shredded before review could keep it" in expired.json()["detail"]
    assert f"key epoch:{shredded_epoch} has been destroyed" in expired.json()["detail"]
    (listed,) = [c for c in review.get("/v1/cases?status=expired").json()["cases"] if c["case_id"] == late.case_id]
    assert (listed["plate_text"], listed["sighting_count"]) == (None, 0)
    assert listed["expired_reason"] == expired.json()["detail"].split("can never be reviewed: ")[1]
    assert late.case_id not in [c["case_id"] for c in review.get("/v1/cases?limit=500").json()["cases"]]
    decided = review.post(f"/v1/cases/{late.case_id}/decision", json={"outcome": "reject", "reason": "other"})
    assert (decided.status_code, decided.json()["error"]) == (409, "case_already_decided")
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT count(*) FROM keys.case_keys WHERE case_id = %s", (late.case_id,)).fetchone()[0] == 0
    assert list(review.store.keys(f"cases/{late.case_id}/")) == []

    intake = read_topic(review.bootstrap, AUDIT.name, AuditEvent,
                        lambda e: e.action == "case.intake" and e.resource in (late.case_id, marker.case_id), want=2)
    by_case = {e.resource: e for e in intake}
    assert (by_case[late.case_id].outcome, by_case[late.case_id].details["reason"]) == ("not_found", listed["expired_reason"])
    assert (by_case[marker.case_id].outcome, by_case[marker.case_id].details["sealed_under"]) == ("allowed", f"case:{marker.case_id}")
    assert {(e.actor, e.actor_kind, e.role) for e in intake} == {("review", "service", "service")}
    assert review.client.get("/readyz").json()["checks"]["intake"] is True


def test_roles_that_may_not_see_evidence_still_get_403_without_a_plate_and_it_is_audited(review):
    case_id = review.new_case(plate="VEN123")
    image = image_of(f"frames/dev-1/{case_id}-0.png")
    refused = [review.get(path, role=role) for role in ("vendor", "admin") for path in (
        "/v1/cases", f"/v1/cases/{case_id}", f"/v1/cases/{case_id}/evidence/0", f"/v1/cases/{case_id}/evidence-sheet",
        f"/cases/{case_id}")] + [review.get(f"/v1/cases/{case_id}/evidence/0", role="auditor")]
    for response in refused:
        assert response.status_code == 403, response.request.url
        assert "VEN123" not in response.text and image not in response.content
    audits = audits_of(review, refused)
    assert len(audits) == len(refused)
    assert {(e.actor, e.outcome) for e in audits.values()} == {("vendor", "denied"), ("admin", "denied"), ("auditor", "denied")}
