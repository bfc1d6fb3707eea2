from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from services.rules.permits import PermitBook, PermitFileError, parse_permits_csv

HEADER = "plate,zone_ids,valid_from,valid_to\n"
UTC = timezone.utc


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_one_row_with_several_zones_gives_one_permit_per_zone():
    permits = parse_permits_csv(HEADER + "ab-123 cd,res-a;res-b,2025-01-01,2025-12-31\n")
    assert [(p.plate, p.zone_id) for p in permits] == [("AB123CD", "res-a"), ("AB123CD", "res-b")]
    assert permits[0].valid_from == datetime(2025, 1, 1, tzinfo=UTC)
    assert permits[0].valid_to == datetime(2026, 1, 1, tzinfo=UTC)  # the whole last day is covered


def test_bare_dates_are_read_in_the_given_time_zone_and_datetimes_keep_their_offset():
    paris = ZoneInfo("Europe/Paris")
    permit, = parse_permits_csv(HEADER + "AB123CD,res-a,2025-01-01,2025-06-01T12:00:00+00:00\n", paris)
    assert permit.valid_from == datetime(2025, 1, 1, tzinfo=paris)
    assert permit.valid_to == at("2025-06-01T12:00:00+00:00")


@pytest.mark.parametrize("row, field", [
    ("AB 12!,res-a,2025-01-01,2025-12-31", "plate"),
    (",res-a,2025-01-01,2025-12-31", "plate"),
    ("AB123CD, ; ,2025-01-01,2025-12-31", "zone_ids"),
    ("AB123CD,res-a,01/01/2025,2025-12-31", "valid_from"),
    ("AB123CD,res-a,2025-01-01,someday", "valid_to"),
    ("AB123CD,res-a,2025-12-31,2025-01-01", "valid_to"),
])
def test_a_bad_row_is_reported_with_its_line_and_field(row, field):
    good = "XY999ZZ,res-a,2025-01-01,2025-12-31\n"
    with pytest.raises(PermitFileError, match=rf"^line 3: field '{field}'"):
        parse_permits_csv(HEADER + good + row + "\n")


def test_short_rows_and_wrong_headers_are_refused():
    with pytest.raises(PermitFileError, match="line 2: expected 4 fields"):
        parse_permits_csv(HEADER + "AB123CD,res-a,2025-01-01\n")
    with pytest.raises(PermitFileError, match="line 1: the header"):
        parse_permits_csv("plate,zones,from,to\n")


def test_permit_covers_its_zone_between_valid_from_and_valid_to_only():
    book = PermitBook(parse_permits_csv(HEADER + "AB123CD,res-a,2025-01-01T00:00:00+00:00,2025-02-01T00:00:00+00:00\n"))
    assert book.covers("AB123CD", "res-a", at("2025-01-15T10:00:00+00:00"))
    assert book.covers("ab 123-cd", "res-a", at("2025-01-01T00:00:00+00:00"))
    assert not book.covers("AB123CD", "res-a", at("2025-02-01T00:00:00+00:00"))  # expired
    assert not book.covers("AB123CD", "res-a", at("2024-12-31T23:59:59+00:00"))  # not yet valid
    assert not book.covers("AB123CD", "res-b", at("2025-01-15T10:00:00+00:00"))  # another zone
    assert not book.covers("XY999ZZ", "res-a", at("2025-01-15T10:00:00+00:00"))
    assert len(book) == 1


def test_a_permit_exempts_look_alike_misreads_of_its_plate():
    book = PermitBook(parse_permits_csv(HEADER + "SO5ABC,res-a,2025-01-01,2025-12-31\n"))
    assert book.covers("S05A8C", "res-a", at("2025-06-01T10:00:00+00:00"))
    assert book.covers("SO5ABC", "res-a", at("2025-06-01T10:00:00+00:00"))
    assert not book.covers("S05A8E", "res-a", at("2025-06-01T10:00:00+00:00"))  # E is no look-alike of C


def test_permit_edges_are_read_in_the_permit_time_zone():
    paris = ZoneInfo("Europe/Paris")
    book = PermitBook(parse_permits_csv(HEADER + "AB123CD,res-a,2025-03-03,2025-03-04\n", paris))
    assert book.covers("AB123CD", "res-a", datetime(2025, 3, 3, 0, 0, tzinfo=paris))  # first instant
    assert book.covers("AB123CD", "res-a", datetime(2025, 3, 4, 23, 59, 59, tzinfo=paris))  # last day, whole
    assert not book.covers("AB123CD", "res-a", datetime(2025, 3, 5, 0, 0, tzinfo=paris))
    assert not book.covers("AB123CD", "res-a", datetime(2025, 3, 2, 23, 59, 59, tzinfo=paris))
