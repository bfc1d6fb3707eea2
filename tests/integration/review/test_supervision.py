from alpr_common.events import decisions_pb2
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.topics import AUDIT, CITATIONS, DECISIONS
from services.review.users import add_user
from tests.integration.review.support import read_topic


def test_an_assigned_case_is_decided_by_its_officer_and_only_supervisors_assign(review, database_url):
    other = {"Authorization": f"Bearer {add_user(database_url, 'officer-2', 'officer')}"}
    case_id = review.new_case()
    assert review.post(f"/v1/cases/{case_id}/assignment", json={"officer": "officer-2"}).status_code == 403
    unknown = review.post(f"/v1/cases/{case_id}/assignment", role="supervisor", json={"officer": "auditor"})
    assert (unknown.status_code, unknown.json()["error"]) == (422, "invalid_user")
    assigned = review.post(f"/v1/cases/{case_id}/assignment", role="supervisor", json={"officer": "officer-2"})
    assert assigned.json() == {"case_id": case_id, "assigned_to": "officer-2"}
    assert review.get(f"/v1/cases/{case_id}").json()["assigned_to"] == "officer-2"

    taken = review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "reject", "reason": "moved"})
    assert (taken.status_code, taken.json()["error"]) == (409, "case_assigned_elsewhere")
    mine = review.client.post(f"/v1/cases/{case_id}/decision", headers=other, json={"outcome": "reject", "reason": "moved"})
    assert mine.json()["status"] == "rejected"
    late = review.post(f"/v1/cases/{case_id}/assignment", role="supervisor", json={"officer": "officer"})
    assert (late.status_code, late.json()["error"]) == (409, "case_already_decided")


def test_reversing_a_confirmation_voids_it_downstream_and_is_final(review):
    case_id = review.new_case()
    review.get(f"/v1/cases/{case_id}/evidence/0")
    confirmed = review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "confirm"}).json()
    assert review.post(f"/v1/cases/{case_id}/reversal", json={"reason": "x"}).status_code == 403
    assert review.post(f"/v1/cases/{case_id}/reversal", role="supervisor", json={"reason": " "}).status_code == 422

    reversed_ = review.post(f"/v1/cases/{case_id}/reversal", role="supervisor", json={"reason": "sign was covered"})
    assert reversed_.json()["status"] == "rejected" and "citation_id" not in reversed_.json()
    decisions = read_topic(review.bootstrap, DECISIONS.name, decisions_pb2.Decision, lambda d: d.case_id == case_id, want=2)
    assert [(d.outcome, d.reason, d.officer) for d in decisions] == [
        (decisions_pb2.CONFIRMED, "", "officer"), (decisions_pb2.REJECTED, "reversed", "supervisor")]
    case = review.get(f"/v1/cases/{case_id}").json()
    assert case["status"] == "rejected" and case["decision"]["citation_id"] == confirmed["citation_id"]
    assert case["reversal"] | {"reason": "sign was covered", "supervisor": "supervisor", "outcome": "reject",
                               "reverses": case["decision"]["decision_id"]} == case["reversal"]
    again = review.post(f"/v1/cases/{case_id}/reversal", role="supervisor", json={"reason": "changed my mind"})
    assert (again.status_code, again.json()["error"]) == (409, "not_reversible")


def test_reversing_a_rejection_needs_the_evidence_and_issues_a_citation(review):
    case_id = review.new_case()
    review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "reject", "reason": "misread"})
    unseen = review.post(f"/v1/cases/{case_id}/reversal", role="supervisor", json={"reason": "read is right"})
    assert (unseen.status_code, unseen.json()["error"]) == (409, "evidence_not_viewed")
    review.get(f"/v1/cases/{case_id}/evidence/1", role="supervisor")
    result = review.post(f"/v1/cases/{case_id}/reversal", role="supervisor", json={"reason": "read is right"}).json()
    assert result["status"] == "confirmed"
    (citation,) = read_topic(review.bootstrap, CITATIONS.name, decisions_pb2.Citation, lambda c: c.case_id == case_id)
    assert (citation.citation_id, citation.officer) == (result["citation_id"], "supervisor")


def test_supervisors_and_auditors_see_decisions_by_officer_and_each_look_is_audited(review):
    first, second = review.new_case(), review.new_case()
    review.get(f"/v1/cases/{first}/evidence/0")
    review.post(f"/v1/cases/{first}/decision", json={"outcome": "confirm"})
    review.post(f"/v1/cases/{second}/decision", json={"outcome": "reject", "reason": "valid_permit"})
    review.post(f"/v1/cases/{first}/reversal", role="supervisor", json={"reason": "wrong zone"})

    counts = review.get("/v1/decisions/by-officer", role="supervisor")
    assert counts.json()["officers"] == [{"officer": "officer", "confirmed": 1, "rejected": 1, "reversed": 1, "total": 2}]
    assert review.get("/v1/decisions/by-officer", role="officer").status_code == 403
    listed = review.get("/v1/officers/officer/decisions", role="auditor")
    rows = {d["case_id"]: d for d in listed.json()["decisions"]}
    assert (rows[first]["outcome"], rows[first]["reversed_by"], rows[first]["reversal_reason"]) == ("confirm", "supervisor", "wrong zone")
    assert (rows[second]["reason"], rows[second]["reversed_by"]) == ("valid_permit", None)

    ids = {counts.headers["X-Request-Id"], listed.headers["X-Request-Id"]}
    events = read_topic(review.bootstrap, AUDIT.name, AuditEvent, lambda e: e.request_id in ids, want=2)
    assert sorted((e.actor, e.action, e.resource, e.details.get("officer", "")) for e in events) == [
        ("auditor", "decisions.of_officer", "supervision", "officer"),
        ("supervisor", "decisions.by_officer", "supervision", "")]
