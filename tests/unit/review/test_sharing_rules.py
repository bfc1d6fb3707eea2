from datetime import datetime, timezone

import pytest

from alpr_common.events import sharing_pb2
from services.review import domain
from services.review.sharing_events import sharing_event
from services.review.sharing_rules import (APPROVED, APPROVERS, DENIED, EXPORTED, REQUESTED, REQUESTERS, VIEWERS,
                                           InvalidSharingRequest, NotExportable, SelfApproval, SharingAlreadyDecided,
                                           SharingRequest, check_exportable, check_known_cases, split_retained,
                                           status_after_decision, validated_request)

AT = datetime(2025, 3, 4, 12, tzinfo=timezone.utc)


def test_only_supervisors_approve_or_export_and_vendors_may_nothing():
    assert {r for r in domain.ROLES if domain.may(r, APPROVERS)} == {"supervisor"}
    assert {r for r in domain.ROLES if domain.may(r, REQUESTERS)} == {"officer", "supervisor"}
    assert {r for r in domain.ROLES if domain.may(r, VIEWERS)} == {"supervisor", "auditor"}
    assert not any(domain.may("vendor", roles) for roles in (APPROVERS, REQUESTERS, VIEWERS))


def test_a_request_names_cases_once_under_a_known_legal_basis():
    asked = validated_request([" c-1", "c-2", "c-1"], "subpoena", " SUB-7 ", "County court", "appeal hearing")
    assert (asked.case_ids, asked.reference) == (("c-1", "c-2"), "SUB-7")
    for bad in (([], "subpoena", "r", "x", "p"), (["c"], "curiosity", "r", "x", "p"), (["c"], "statute", " ", "x", "p"),
                (["c"], "statute", "r", "", "p"), ([f"c{i}" for i in range(101)], "statute", "r", "x", "p")):
        with pytest.raises(InvalidSharingRequest):
            validated_request(*bad)
    with pytest.raises(InvalidSharingRequest, match="'nope'"):
        check_known_cases(("c-1", "nope"), {"c-1"})


@pytest.mark.parametrize("decision, status", [("approve", APPROVED), ("deny", DENIED)])
def test_a_pending_request_is_decided_once(decision, status):
    assert status_after_decision(REQUESTED, decision, "alice", "bob") == status
    for decided in (APPROVED, DENIED, EXPORTED):
        with pytest.raises(SharingAlreadyDecided):
            status_after_decision(decided, decision, "alice", "bob")


def test_nobody_approves_their_own_request_but_may_withdraw_it():
    with pytest.raises(SelfApproval):
        status_after_decision(REQUESTED, "approve", "bob", "bob")
    assert status_after_decision(REQUESTED, "deny", "bob", "bob") == DENIED
    with pytest.raises(InvalidSharingRequest):
        status_after_decision(REQUESTED, "maybe", "alice", "bob")


def test_only_an_approved_request_is_exported_and_only_once():
    check_exportable(APPROVED)
    for status in (REQUESTED, DENIED, EXPORTED):
        with pytest.raises(NotExportable):
            check_exportable(status)


def test_only_retained_cases_are_exported_the_rest_named_unavailable():
    assert split_retained(("a", "b", "c"), {"c", "a"}) == (("a", "c"), ("b",))
    assert split_retained(("a",), set()) == ((), ("a",))


def test_the_exported_event_carries_cases_and_people_but_no_free_text():
    r = SharingRequest("req-1", ("a", "b"), "court_order", "CO-1", "DA office", "secret purpose ABC123", EXPORTED,
                       "alice", AT, "bob", AT, "reason XYZ789", "bob", AT, ("a",), ("b",))
    event = sharing_event(r)
    assert (event.status, event.legal_basis, list(event.exported_case_ids), list(event.unavailable_case_ids)) == (
        sharing_pb2.EXPORTED, sharing_pb2.COURT_ORDER, ["a"], ["b"])
    wire = event.SerializeToString()
    assert b"ABC123" not in wire and b"XYZ789" not in wire and b"secret" not in wire
