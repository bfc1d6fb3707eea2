import re
from datetime import datetime

from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.topics import AUDIT
from tests.integration.review.support import NOW, all_of_topic


def metric(text: str, name: str, labels: str = "") -> float:
    match = re.search(rf"^{re.escape(name + labels)} (\S+)$", text, re.MULTILINE)
    assert match, f"{name}{labels} not in /metrics"
    return float(match.group(1))


def test_probes_and_metrics_are_public_and_not_audited(review):
    assert review.client.get("/healthz").json() == {"status": "ok"}
    ready = review.client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "checks": {"database": True, "broker": True, "intake": True}}
    metrics = review.client.get("/metrics")
    assert metrics.status_code == 200 and "review_open_cases" in metrics.text
    public_ids = {ready.headers["X-Request-Id"], metrics.headers["X-Request-Id"]}
    assert all_of_topic(review.bootstrap, AUDIT.name, AuditEvent, lambda e: e.request_id in public_ids) == []


def test_metrics_count_requests_and_measure_the_queue(review):
    case_id = review.new_case()
    review.get(f"/v1/cases/{case_id}")
    review.get("/v1/cases/unknown-case")
    open_cases = review.get("/v1/cases?limit=500").json()["cases"]

    text = review.client.get("/metrics").text
    assert metric(text, "review_open_cases") == len(open_cases)
    oldest = min(datetime.fromisoformat(c["opened_at"]) for c in open_cases)
    assert metric(text, "review_oldest_open_case_age_seconds") == (NOW - oldest).total_seconds()
    assert metric(text, "review_http_requests_total", '{method="GET",route="/v1/cases/{case_id}",status="404"}') >= 1
    assert metric(text, "review_http_requests_total", '{method="GET",route="/v1/cases/{case_id}",status="200"}') >= 1
    assert metric(text, "review_http_request_duration_seconds_count", '{method="GET",route="/v1/cases"}') >= 1
