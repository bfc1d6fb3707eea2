from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.topics import AUDIT
from tests.integration.review.support import read_topic


def test_pages_need_a_signed_in_user_who_may_read_cases(review):
    case_id = review.new_case(plate="PAG123")
    anonymous = review.client.get(f"/cases/{case_id}", follow_redirects=False)
    assert (anonymous.status_code, anonymous.headers["location"]) == (303, f"/signin?next=/cases/{case_id}")
    assert 'name="password"' in review.client.get("/signin").text

    queue = review.get("/")
    assert queue.status_code == 200 and f'href="/cases/{case_id}"' in queue.text and "PAG123" in queue.text
    page = review.get(f"/cases/{case_id}")
    assert page.status_code == 200
    for shown in ("PAG123", "2h limit + 10 min grace", "3 h 00 min", "<svg", f"/v1/cases/{case_id}/evidence/1",
                  "Keyboard shortcuts", '<label for="reject-reason">', "Vehicle not parked", "90% confidence"):
        assert shown in page.text, shown
    auditor = review.get(f"/cases/{case_id}", role="auditor")
    assert "Your role does not see evidence photos" in auditor.text and 'id="confirm-form"' not in auditor.text

    refused = review.get("/", role="vendor")
    assert refused.status_code == 403 and "role &#39;vendor&#39; may not read cases" in refused.text

    ids = {r.headers["X-Request-Id"]: r for r in (anonymous, queue, page, refused)}
    events = read_topic(review.bootstrap, AUDIT.name, AuditEvent, lambda e: e.request_id in ids, want=4)
    assert sorted((e.actor, e.action, e.resource, e.outcome) for e in events) == sorted([
        ("anonymous", "page.case", case_id, "denied"), ("officer", "page.queue", "page", "allowed"),
        ("officer", "page.case", case_id, "allowed"), ("vendor", "page.queue", "page", "denied")])
