from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from prometheus_client import REGISTRY

from alpr_common.crypto import token
from services.rules.chalking import ChalkPolicy
from services.rules.judging import judge_copy
from services.rules.permits import PermitFileError
from services.rules.permits_repository import import_permits_csv, list_permits, load_permits
from services.rules.sighting import Sighting
from services.rules.zones import ZoneIndex
from tests.unit.rules.builders import SPOT, permit_zone, sealed

pytestmark = pytest.mark.integration
CSV = ("plate,zone_ids,valid_from,valid_to\n"
       "AB123CD,res-a;res-b,2025-01-01,2025-12-31\n"
       "XY999ZZ,res-a,2025-06-01T00:00:00+02:00,2025-07-01T00:00:00+02:00\n")
MONDAY_10AM = datetime(2025, 3, 3, 10, tzinfo=ZoneInfo("Europe/Paris"))  # 09:00Z: only in epoch 20250303T0500Z-8h


def imported(database_url, tmp_path, text: str = CSV) -> None:
    path = tmp_path / "permits.csv"
    path.write_text(text)
    import_permits_csv(database_url, path)


def asked(book, keystore, plate: str, zone_id: str, at: datetime) -> bool:
    """The question the rules ask: the plate's token under the epoch of `at`, as ocr made it."""
    keys = keystore.epoch_for(at)
    return book.covers(token(keys, plate), keys.epoch_id, zone_id, at)


def test_import_then_load_answers_permit_questions_by_token(database_url, keystore, tmp_path):
    imported(database_url, tmp_path)
    book = load_permits(database_url, keystore)
    assert len(book) == 3
    assert asked(book, keystore, "AB123CD", "res-b", datetime.fromisoformat("2025-12-31T23:00:00+00:00"))
    assert asked(book, keystore, "A8-123 CD", "res-a", MONDAY_10AM)  # a look-alike misread
    assert not asked(book, keystore, "XY999ZZ", "res-a", datetime.fromisoformat("2025-07-01T09:00:00+02:00"))


def sighting(keystore, plate: str, at: datetime) -> tuple[Sighting, str]:
    keys = keystore.epoch_for(at)
    return Sighting(token(keys, plate), "r1", "f1", "frames/car-7/f1.jpg", at, *SPOT, 0.9,
                    sealed(plate, "r1", keys), keys.key_id), keys.epoch_id


def judged(book, keystore, plate: str, chalks: dict):
    s, epoch_id = sighting(keystore, plate, MONDAY_10AM)
    return judge_copy(s, epoch_id, True, ZoneIndex([permit_zone(limit=None)]), book, chalks, {}, ChalkPolicy())


def test_a_permit_holder_is_honoured_in_a_permit_zone_and_a_stranger_is_not(database_url, keystore, tmp_path):
    imported(database_url, tmp_path)
    book = load_permits(database_url, keystore)
    assert judged(book, keystore, "AB123CD", {}) is None
    assert judged(book, keystore, "ZZ111AA", {}).violation.kind.value == "NO_PERMIT"


def test_a_read_whose_epoch_key_was_destroyed_is_skipped_and_counted(database_url, keystore, tmp_path):
    imported(database_url, tmp_path)
    book = load_permits(database_url, keystore)
    s, epoch_id = sighting(keystore, "ZZ111AA", MONDAY_10AM)
    assert keystore.destroy_epoch(epoch_id, datetime.fromisoformat("2025-03-04T00:00:00+00:00"))
    before = REGISTRY.get_sample_value("alpr_rules_sightings_skipped_total", {"reason": "destroyed"}) or 0
    chalks = {}
    assert judge_copy(s, epoch_id, True, ZoneIndex([permit_zone(limit=30)]), book, chalks, {}, ChalkPolicy()) is None
    assert chalks == {}  # not even chalked
    assert REGISTRY.get_sample_value("alpr_rules_sightings_skipped_total", {"reason": "destroyed"}) == before + 1


def test_importing_the_same_file_twice_does_not_duplicate(database_url, tmp_path):
    path = tmp_path / "permits.csv"
    path.write_text(CSV)
    import_permits_csv(database_url, path)
    import_permits_csv(database_url, path)
    assert len(list_permits(database_url)) == 3


def test_a_file_with_one_bad_row_imports_nothing(database_url, tmp_path):
    path = tmp_path / "permits.csv"
    path.write_text(CSV + "BAD!,res-a,2025-01-01,2025-12-31\n")
    with pytest.raises(PermitFileError, match="line 4: field 'plate'"):
        import_permits_csv(database_url, path)
    assert list_permits(database_url) == []


def test_list_can_filter_on_validity(database_url, tmp_path):
    imported(database_url, tmp_path)
    valid_in_june = list_permits(database_url, datetime.fromisoformat("2025-06-15T12:00:00+00:00"))
    valid_in_march = list_permits(database_url, datetime.fromisoformat("2025-03-15T12:00:00+00:00"))
    assert {p.plate for p in valid_in_june} == {"AB123CD", "XY999ZZ"}
    assert {(p.plate, p.zone_id) for p in valid_in_march} == {("AB123CD", "res-a"), ("AB123CD", "res-b")}
