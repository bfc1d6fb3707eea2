"""Sharing requests through the review app, the real database and the real broker."""
from alpr_common.events import sharing_pb2
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.storage.layout import case_evidence_key
from alpr_common.topics import AUDIT, SHARING
from services.review.users import add_user
from tests.integration.review.support import NOW, read_topic

BODY = {"legal_basis": "court_order", "reference": "CO-2025-17", "recipient": "County District Attorney",
        "purpose": "appeal of a parking citation"}


def ask(review, case_ids, role="officer"):
    return review.post("/v1/sharing-requests", role=role, json={"case_ids": case_ids, **BODY})


def events_of(review, request_id, want):
    return read_topic(review.bootstrap, SHARING.name, sharing_pb2.SharingEvent, lambda e: e.request_id == request_id,
                      want=want)


def test_a_denied_request_is_recorded_on_the_topic_and_cannot_be_exported(review):
    case_id = review.new_case()
    asked = ask(review, [case_id])
    assert asked.status_code == 201, asked.json()
    sharing_id = asked.json()["request_id"]
    assert (asked.json()["status"], asked.json()["requested_by"]) == ("requested", "officer")
    denied = review.post(f"/v1/sharing-requests/{sharing_id}/decision", role="supervisor",
                         json={"decision": "deny", "reason": "the order does not name this case"})
    assert (denied.status_code, denied.json()["status"], denied.json()["decided_by"]) == (200, "denied", "supervisor")
    refused = review.get(f"/v1/sharing-requests/{sharing_id}/export", role="supervisor")
    assert (refused.status_code, refused.json()["error"]) == (409, "not_exportable")
    again = review.post(f"/v1/sharing-requests/{sharing_id}/decision", role="supervisor",
                        json={"decision": "approve", "reason": "changed my mind"})
    assert (again.status_code, again.json()["error"]) == (409, "sharing_already_decided")
    events = events_of(review, sharing_id, 2)
    assert [(e.status, e.decided_by) for e in events] == [(sharing_pb2.REQUESTED, ""), (sharing_pb2.DENIED, "supervisor")]
    assert all(e.legal_basis == sharing_pb2.COURT_ORDER and list(e.case_ids) == [case_id] for e in events)
    assert all(b"ABC123" not in e.SerializeToString() and b"appeal" not in e.SerializeToString() for e in events)


def test_an_approved_request_exports_retained_cases_once_and_names_destroyed_ones(review, database_url):
    kept, destroyed, shredded = review.new_case(plate="KEP123"), review.new_case(), review.new_case(plate="SHR404")
    review.store.delete(case_evidence_key(destroyed, f"{destroyed}-1"))  # retention destroyed part of its evidence
    sharing_id = ask(review, [kept, destroyed, shredded], role="supervisor").json()["request_id"]
    review.keystore.destroy_case_key(shredded, NOW)  # and crypto-shredded another after the request
    own = review.post(f"/v1/sharing-requests/{sharing_id}/decision", role="supervisor",
                      json={"decision": "approve", "reason": "valid order"})
    assert (own.status_code, own.json()["error"]) == (403, "self_approval")
    early = review.get(f"/v1/sharing-requests/{sharing_id}/export", role="supervisor")
    assert (early.status_code, early.json()["error"]) == (409, "not_exportable")

    other = {"Authorization": f"Bearer {add_user(database_url, 'supervisor-2', 'supervisor')}"}
    approved = review.client.post(f"/v1/sharing-requests/{sharing_id}/decision", headers=other,
                                  json={"decision": "approve", "reason": "valid order"})
    assert approved.json()["status"] == "approved"
    bundle = review.get(f"/v1/sharing-requests/{sharing_id}/export", role="supervisor")
    assert bundle.status_code == 200 and bundle.headers["Cache-Control"] == "no-store, private"
    body = bundle.json()
    assert [c["case_id"] for c in body["cases"]] == [kept] and len(body["cases"][0]["sightings"]) == 2
    assert body["cases"][0]["plate_text"] == "KEP123" and "SHR404" not in bundle.text
    assert [u["case_id"] for u in body["unavailable"]] == [destroyed, shredded]
    assert body["sharing_request"]["status"] == "exported"
    twice = review.get(f"/v1/sharing-requests/{sharing_id}/export", role="supervisor")
    assert (twice.status_code, twice.json()["error"]) == (409, "not_exportable")

    events = events_of(review, sharing_id, 3)
    assert [e.status for e in events] == [sharing_pb2.REQUESTED, sharing_pb2.APPROVED, sharing_pb2.EXPORTED]
    exported = events[-1]
    assert (list(exported.exported_case_ids), list(exported.unavailable_case_ids)) == ([kept], [destroyed, shredded])
    assert (exported.decided_by, exported.exported_by, exported.recipient) == ("supervisor-2", "supervisor", BODY["recipient"])

    listed = review.get("/v1/sharing-requests?status=exported", role="auditor").json()["sharing_requests"]
    assert sharing_id in [r["request_id"] for r in listed]
    (audit,) = read_topic(review.bootstrap, AUDIT.name, AuditEvent,
                          lambda e: e.request_id == bundle.headers["X-Request-Id"])
    assert (audit.actor, audit.action, audit.resource, audit.outcome) == ("supervisor", "sharing.export", sharing_id, "allowed")
    assert (audit.details["cases"], audit.details["unavailable"]) == (kept, f"{destroyed},{shredded}")
    assert audit.purpose == "data sharing under a recorded legal basis"


def test_wrong_roles_are_refused_and_the_refusals_are_audited(review):
    case_id = review.new_case()
    sharing_id = ask(review, [case_id]).json()["request_id"]
    decision = {"decision": "approve", "reason": "ok"}
    calls = {
        "officer approves": review.post(f"/v1/sharing-requests/{sharing_id}/decision", json=decision),
        "officer exports": review.get(f"/v1/sharing-requests/{sharing_id}/export"),
        "officer lists": review.get("/v1/sharing-requests"),
        "auditor requests": ask(review, [case_id], role="auditor"),
        "auditor approves": review.post(f"/v1/sharing-requests/{sharing_id}/decision", role="auditor", json=decision),
        **{f"{role} {what}": call for role in ("vendor", "admin") for what, call in (
            ("requests", ask(review, [case_id], role=role)), ("lists", review.get("/v1/sharing-requests", role=role)),
            ("approves", review.post(f"/v1/sharing-requests/{sharing_id}/decision", role=role, json=decision)),
            ("exports", review.get(f"/v1/sharing-requests/{sharing_id}/export", role=role)))},
        "anonymous": review.get("/v1/sharing-requests", role=None),
    }
    assert {name: r.status_code for name, r in calls.items()} == {
        name: 401 if name == "anonymous" else 403 for name in calls}
    ids = {r.headers["X-Request-Id"] for r in calls.values()}
    audits = read_topic(review.bootstrap, AUDIT.name, AuditEvent, lambda e: e.request_id in ids, want=len(ids))
    assert {e.outcome for e in audits} == {"denied"} and len(audits) == len(ids)
    listed = review.get("/v1/sharing-requests", role="supervisor").json()["sharing_requests"]
    assert [r["status"] for r in listed if r["request_id"] == sharing_id] == ["requested"]


def test_a_request_names_existing_cases_only_and_never_a_plate(review):
    case_id = review.new_case()
    unknown = ask(review, [case_id, "no-such-case"])
    assert (unknown.status_code, unknown.json()["error"]) == (422, "invalid_sharing_request")
    by_plate = review.post("/v1/sharing-requests", json={"case_ids": [case_id], "plate_text": "ABC123", **BODY})
    assert (by_plate.status_code, by_plate.json()["error"]) == (422, "invalid_request")
    missing = review.get("/v1/sharing-requests/nope/export", role="supervisor")
    assert (missing.status_code, missing.json()["error"]) == (404, "sharing_request_not_found")
