import pytest

from services.review.domain import (CaseAlreadyDecided, CaseAssignedElsewhere, EvidenceNotViewed, InvalidDecision,
                                    NotReversible, check_assignable, check_assignee, reversal_outcome,
                                    validated_reversal_reason)


def test_an_assigned_case_is_decided_by_its_officer_or_a_supervisor():
    check_assignee(None, "bob", "officer")
    check_assignee("bob", "bob", "officer")
    check_assignee("bob", "sue", "supervisor")
    with pytest.raises(CaseAssignedElsewhere, match="assigned to bob"):
        check_assignee("bob", "amy", "officer")


def test_only_open_cases_are_assigned():
    check_assignable("open")
    with pytest.raises(CaseAlreadyDecided, match="only open cases can be assigned"):
        check_assignable("confirmed")


@pytest.mark.parametrize("status, outcome", [("confirmed", "reject"), ("rejected", "confirm")])
def test_a_reversal_takes_the_opposite_outcome(status, outcome):
    assert reversal_outcome(status, already_reversed=False, viewed_evidence=True) == outcome


def test_a_reversal_is_final_and_needs_a_decided_case():
    with pytest.raises(NotReversible, match="still open"):
        reversal_outcome("open", False, True)
    with pytest.raises(NotReversible, match="already reversed"):
        reversal_outcome("confirmed", True, True)
    with pytest.raises(NotReversible, match="this one is expired"):
        reversal_outcome("expired", False, True)


def test_reversing_into_a_confirmation_needs_the_evidence_seen_but_voiding_does_not():
    with pytest.raises(EvidenceNotViewed):
        reversal_outcome("rejected", False, viewed_evidence=False)
    assert reversal_outcome("confirmed", False, viewed_evidence=False) == "reject"


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_a_reversal_needs_a_reason_of_sensible_length(reason):
    with pytest.raises(InvalidDecision, match="reversal needs a reason"):
        validated_reversal_reason(reason)
    assert validated_reversal_reason("  wrong zone sign  ") == "wrong zone sign"
