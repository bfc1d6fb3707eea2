from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from alpr_common.crypto import KeyDestroyed, token
from services.rules.permits import PermitBook, PermitFileError, parse_permits_csv
from tests.unit.rules.builders import EpochKeysInMemory, epoch_keys

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


EPOCH = "20250302T1200Z-24h"


def book_of(csv: str, tz=UTC, keys=None) -> PermitBook:
    return PermitBook(parse_permits_csv(HEADER + csv, tz), keys or EpochKeysInMemory())


def covers(book: PermitBook, plate: str, zone_id: str, when: datetime, epoch_id: str = EPOCH) -> bool:
    """What the rules ask: the plate arrives as its token under the epoch of the sighting."""
    return book.covers(token(epoch_keys(epoch_id), plate), epoch_id, zone_id, when)


def test_permit_covers_its_zone_between_valid_from_and_valid_to_only():
    book = book_of("AB123CD,res-a,2025-01-01T00:00:00+00:00,2025-02-01T00:00:00+00:00\n")
    assert covers(book, "AB123CD", "res-a", at("2025-01-15T10:00:00+00:00"))
    assert covers(book, "ab 123-cd", "res-a", at("2025-01-01T00:00:00+00:00"))
    assert not covers(book, "AB123CD", "res-a", at("2025-02-01T00:00:00+00:00"))  # expired
    assert not covers(book, "AB123CD", "res-a", at("2024-12-31T23:59:59+00:00"))  # not yet valid
    assert not covers(book, "AB123CD", "res-b", at("2025-01-15T10:00:00+00:00"))  # another zone
    assert not covers(book, "XY999ZZ", "res-a", at("2025-01-15T10:00:00+00:00"))
    assert len(book) == 1


def test_a_permit_exempts_look_alike_misreads_of_its_plate():
    book = book_of("SO5ABC,res-a,2025-01-01,2025-12-31\n")
    assert covers(book, "S05A8C", "res-a", at("2025-06-01T10:00:00+00:00"))
    assert covers(book, "SO5ABC", "res-a", at("2025-06-01T10:00:00+00:00"))
    assert not covers(book, "S05A8E", "res-a", at("2025-06-01T10:00:00+00:00"))  # E is no look-alike of C


def test_permit_edges_are_read_in_the_permit_time_zone():
    paris = ZoneInfo("Europe/Paris")
    book = book_of("AB123CD,res-a,2025-03-03,2025-03-04\n", paris)
    assert covers(book, "AB123CD", "res-a", datetime(2025, 3, 3, 0, 0, tzinfo=paris))  # first instant
    assert covers(book, "AB123CD", "res-a", datetime(2025, 3, 4, 23, 59, 59, tzinfo=paris))  # last day, whole
    assert not covers(book, "AB123CD", "res-a", datetime(2025, 3, 5, 0, 0, tzinfo=paris))
    assert not covers(book, "AB123CD", "res-a", datetime(2025, 3, 2, 23, 59, 59, tzinfo=paris))


def test_a_token_of_another_epoch_finds_no_permit():
    book = book_of("AB123CD,res-a,2025-01-01,2025-12-31\n")
    other = token(epoch_keys("20250303T0600Z-24h"), "AB123CD")
    assert not book.covers(other, EPOCH, "res-a", at("2025-03-03T10:00:00+00:00"))
    assert covers(book, "AB123CD", "res-a", at("2025-03-03T10:00:00+00:00"), "20250303T0600Z-24h")


def test_each_question_asks_the_key_store_so_a_destroyed_epoch_is_noticed_even_when_tokenized():
    keys = EpochKeysInMemory()
    book = book_of("AB123CD,res-a,2025-01-01,2025-12-31\n", keys=keys)
    assert covers(book, "AB123CD", "res-a", at("2025-03-03T10:00:00+00:00"))
    keys.destroyed.add("epoch:" + EPOCH)
    with pytest.raises(KeyDestroyed):
        covers(book, "AB123CD", "res-a", at("2025-03-03T10:00:00+00:00"))
    assert keys.asked == ["epoch:" + EPOCH] * 2


def test_a_refresh_keeps_the_book_when_nothing_changed_and_builds_a_new_one_when_it_did():
    book = book_of("AB123CD,res-a,2025-01-01,2025-12-31\n")
    assert book.with_permits(list(book.permits)) is book
    renewed = book.with_permits(parse_permits_csv(HEADER + "XY999ZZ,res-a,2025-01-01,2025-12-31\n"))
    assert covers(renewed, "XY999ZZ", "res-a", at("2025-06-01T10:00:00+00:00"))
    assert not covers(renewed, "AB123CD", "res-a", at("2025-06-01T10:00:00+00:00"))
