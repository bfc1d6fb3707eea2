"""503 with Retry-After and nothing half-written when the broker or storage is down; health and metrics."""
import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY

from services.ingest.app import create_app
from tests.integration.ingest.support import as_json, frame_rows, metadata, settings
from tests.support.components import free_port
from tests.unit.ingest.sample_images import jpeg

pytestmark = pytest.mark.integration


def upload(client, device, meta=None):
    device_id, token = device
    return client.post("/v1/frames", headers={"Authorization": f"Bearer {token}"},
                       data={"metadata": as_json(meta or metadata(device_id))}, files={"image": ("f.jpg", jpeg(), "image/jpeg")})


@pytest.fixture
def broker_down_client(database_url, tmp_path):
    closed = f"127.0.0.1:{free_port()}"
    with TestClient(create_app(settings(database_url, closed, tmp_path, broker_timeout_s=1.5))) as c:
        yield c


def test_broker_down_is_503_with_retry_after_and_leaves_no_object_or_row(broker_down_client, device, store, database_url):
    response = upload(broker_down_client, device)
    assert response.status_code == 503 and response.headers["Retry-After"] == "2"
    assert response.json()["error"] == "broker_unavailable" and "retry later" in response.json()["detail"]
    assert list(store.keys()) == [] and frame_rows(database_url, device[0]) == []


def test_storage_down_is_503_and_leaves_no_row(client, device, store, database_url):
    (store.root / "frames").write_text("a file where the frames folder should be")
    meta = metadata(device[0])
    response = upload(client, device, meta)
    assert response.status_code == 503 and response.headers["Retry-After"] == "2"
    assert response.json()["error"] == "storage_unavailable"
    assert frame_rows(database_url, device[0]) == []
    (store.root / "frames").unlink()
    assert upload(client, device, meta).status_code == 202  # nothing left that makes the retry a duplicate


def test_readiness_names_the_component_that_is_down(client, broker_down_client):
    assert client.get("/readyz").json() == {"status": "ready"}
    down = broker_down_client.get("/readyz")
    assert down.status_code == 503 and down.json()["error"] == "not_ready"
    assert down.json()["detail"].startswith("broker:") and "Retry-After" in down.headers


def test_liveness_is_public_and_unknown_routes_are_json_errors(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    missing = client.get("/v1/nothing-here")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"


def test_metrics_count_uploads_by_outcome_with_latency_and_image_bytes(client, device):
    def count(outcome):
        return REGISTRY.get_sample_value("ingest_uploads_total", {"outcome": outcome}) or 0.0

    before = {o: count(o) for o in ("accepted", "duplicate", "rejected")}
    meta = metadata(device[0])
    upload(client, device, meta), upload(client, device, meta), upload(client, device, {**meta, "latitude": 100})
    assert {o: count(o) - before[o] for o in before} == {"accepted": 1, "duplicate": 1, "rejected": 1}
    text = client.get("/metrics").text
    assert "ingest_upload_duration_seconds_bucket" in text and "ingest_image_bytes_sum" in text
    assert 'ingest_rejections_total{code="invalid_metadata"}' in text


def test_an_oversized_request_is_refused_before_it_is_read(client, device):
    response = client.post("/v1/frames", headers={"Authorization": f"Bearer {device[1]}", "Content-Length": "99999999"},
                           content=b"x" * 10)
    assert response.status_code == 413 and response.json()["error"] == "image_too_large"
