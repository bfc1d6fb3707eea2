from datetime import datetime, timezone

import pytest

from alpr_common.storage.layout import case_evidence_key
from services.review import domain
from services.review.domain import (CaseAlreadyDecided, EvidenceNotViewed, InvalidDecision, image_type,
                                    normalized_plate, shown_sighting, status_after_decision, validated_decision)
from services.review.models import Sighting


@pytest.mark.parametrize("outcome, status", [("confirm", "confirmed"), ("reject", "rejected")])
def test_an_open_case_moves_to_the_outcomes_status(outcome, status):
    assert status_after_decision("open", outcome, viewed_evidence=True) == status


@pytest.mark.parametrize("status", ["confirmed", "rejected"])
@pytest.mark.parametrize("outcome", ["confirm", "reject"])
def test_a_decided_case_cannot_be_decided_again(status, outcome):
    with pytest.raises(CaseAlreadyDecided, match=f"already {status}"):
        status_after_decision(status, outcome, viewed_evidence=True)


def test_confirming_needs_evidence_seen_but_rejecting_does_not():
    with pytest.raises(EvidenceNotViewed, match="evidence image"):
        status_after_decision("open", "confirm", viewed_evidence=False)
    assert status_after_decision("open", "reject", viewed_evidence=False) == "rejected"


@pytest.mark.parametrize("reason", domain.REJECT_REASONS)
def test_every_listed_reason_rejects(reason):
    assert validated_decision("reject", reason=reason).reason == reason


@pytest.mark.parametrize("reason", [None, "", "looked fine", "MISREAD"])
def test_a_rejection_without_a_known_reason_is_invalid(reason):
    with pytest.raises(InvalidDecision, match="needs a reason"):
        validated_decision("reject", reason=reason)


def test_reasons_and_corrections_belong_to_their_own_outcome():
    with pytest.raises(InvalidDecision, match="only when rejecting"):
        validated_decision("confirm", reason="misread")
    with pytest.raises(InvalidDecision, match="only when confirming"):
        validated_decision("reject", reason="misread", corrected_plate="ABC123")


def test_an_unknown_outcome_is_invalid():
    with pytest.raises(InvalidDecision, match="outcome"):
        validated_decision("maybe")


@pytest.mark.parametrize("typed, plate", [("ABC123", "ABC123"), (" abc123 ", "ABC123"), ("AB", "AB"), ("12345678", "12345678")])
def test_a_corrected_plate_is_normalized_to_upper_case(typed, plate):
    assert normalized_plate(typed) == plate
    assert validated_decision("confirm", corrected_plate=typed).corrected_plate == plate


@pytest.mark.parametrize("typed", ["A", "ABCDEFGH9", "AB-123", "AB 123", "ÄBC123", ""])
def test_a_corrected_plate_outside_the_format_is_invalid(typed):
    with pytest.raises(InvalidDecision, match="2 to 8 letters"):
        validated_decision("confirm", corrected_plate=typed)


def test_an_empty_note_is_dropped_and_a_long_one_refused():
    assert validated_decision("confirm", note="").note is None
    with pytest.raises(InvalidDecision, match="note"):
        validated_decision("confirm", note="x" * (domain.MAX_NOTE + 1))


@pytest.mark.parametrize("role, reads, views, decides", [
    ("officer", True, True, True), ("supervisor", True, True, True), ("auditor", True, False, False),
    ("vendor", False, False, False), ("admin", False, False, False), ("stranger", False, False, False),
])
def test_roles_may_only_what_they_are_listed_for(role, reads, views, decides):
    assert domain.may(role, domain.CASE_READERS) is reads
    assert domain.may(role, domain.EVIDENCE_VIEWERS) is views
    assert domain.may(role, domain.DECIDERS) is decides


def sighting(n: int, confidence: float) -> Sighting:
    return Sighting(n, f"r{n}", f"f{n}", f"frames/d/f{n}.jpg", datetime(2025, 3, 4, tzinfo=timezone.utc), 45.5, -73.6,
                    confidence, (0, 0, 1, 1), None)


def test_the_case_shows_its_most_confident_read_and_the_first_of_equals():
    assert shown_sighting((sighting(0, 0.71), sighting(1, 0.93), sighting(2, 0.8))).n == 1
    assert shown_sighting((sighting(0, 0.9), sighting(1, 0.9))).n == 0


def test_an_expired_case_can_be_neither_decided_nor_assigned():
    with pytest.raises(CaseAlreadyDecided, match="already expired"):
        status_after_decision("expired", "reject", viewed_evidence=True)
    with pytest.raises(CaseAlreadyDecided, match="already expired"):
        domain.check_assignable("expired")


def test_review_keeps_its_copy_of_an_image_under_the_case_and_tells_its_type_from_its_bytes():
    assert case_evidence_key("case-1", "f-9") == "cases/case-1/f-9"
    assert image_type(b"\x89PNG\r\n\x1a\n...") == "image/png"
    assert image_type(b"\xff\xd8\xff\xe0...") == "image/jpeg"
    assert image_type(b"ALPRSEAL1...") == "application/octet-stream"
