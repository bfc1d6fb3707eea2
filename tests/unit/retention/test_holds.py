from datetime import datetime, timedelta, timezone

import pytest

from services.retention.holds import HoldRequest, Refused, actor, check_closable, hold_request, parse_instant
from services.retention.schedule import CaseState

NOW = datetime(2026, 9, 1, 12, 0, tzinfo=timezone.utc)


def test_a_hold_request_names_the_case_the_reference_and_the_supervisor_trimmed():
    assert hold_request(" c-1 ", "Court order 2026-117 ", "sup.jones") == HoldRequest("c-1", "Court order 2026-117", "sup.jones")


@pytest.mark.parametrize("case_id, reference, by, message", [
    ("", "CO-1", "sup", "case id is empty"),
    ("c-1", "  ", "sup", "--reference is empty"),
    ("c-1", "CO-1", "", "--by is empty"),
    ("c-1", "x" * 201, "sup", "--reference must be printable text of at most 200"),
    ("c-1", "CO-1\n", "sup\x00", "--by must be printable"),
])
def test_an_incomplete_hold_request_is_refused_naming_what_is_missing(case_id, reference, by, message):
    with pytest.raises(Refused, match=message):
        hold_request(case_id, reference, by)
    with pytest.raises(Refused, match="--by is empty"):
        actor(" ")


def test_times_must_be_iso_with_an_offset():
    assert parse_instant("2026-05-01T12:00:00+02:00") == datetime(2026, 5, 1, 10, 0, tzinfo=timezone.utc)
    with pytest.raises(Refused, match="has no UTC offset; add one, e.g. 2026-05-01T12:00:00\\+00:00"):
        parse_instant("2026-05-01T12:00:00")
    with pytest.raises(Refused, match="'yesterday' is not an ISO-8601 time"):
        parse_instant("yesterday")


def test_only_a_confirmed_case_closes_once_and_not_in_the_future():
    check_closable("c-1", CaseState.CONFIRMED, None, NOW, NOW)
    with pytest.raises(Refused, match="case c-1 is rejected; only a confirmed case has a citation to close"):
        check_closable("c-1", CaseState.REJECTED, None, NOW, NOW)
    with pytest.raises(Refused, match="case c-1 is open"):
        check_closable("c-1", CaseState.OPEN, None, NOW, NOW)
    with pytest.raises(Refused, match="already closed at 2026-09-01T12:00:00"):
        check_closable("c-1", CaseState.CONFIRMED, NOW, NOW, NOW)
    with pytest.raises(Refused, match="is in the future"):
        check_closable("c-1", CaseState.CONFIRMED, None, NOW + timedelta(seconds=1), NOW)
