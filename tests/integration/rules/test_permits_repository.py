from datetime import datetime

import pytest

from services.rules.permits import PermitFileError
from services.rules.permits_repository import import_permits_csv, list_permits, load_permits

pytestmark = pytest.mark.integration
CSV = ("plate,zone_ids,valid_from,valid_to\n"
       "AB123CD,res-a;res-b,2025-01-01,2025-12-31\n"
       "XY999ZZ,res-a,2025-06-01T00:00:00+02:00,2025-07-01T00:00:00+02:00\n")


def test_import_then_load_answers_permit_questions(database_url, tmp_path):
    path = tmp_path / "permits.csv"
    path.write_text(CSV)
    assert import_permits_csv(database_url, path) == 3
    book = load_permits(database_url)
    assert book.covers("AB123CD", "res-b", datetime.fromisoformat("2025-12-31T23:00:00+00:00"))
    assert not book.covers("XY999ZZ", "res-a", datetime.fromisoformat("2025-07-01T09:00:00+02:00"))


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
    path = tmp_path / "permits.csv"
    path.write_text(CSV)
    import_permits_csv(database_url, path)
    valid_in_june = list_permits(database_url, datetime.fromisoformat("2025-06-15T12:00:00+00:00"))
    valid_in_march = list_permits(database_url, datetime.fromisoformat("2025-03-15T12:00:00+00:00"))
    assert {p.plate for p in valid_in_june} == {"AB123CD", "XY999ZZ"}
    assert {(p.plate, p.zone_id) for p in valid_in_march} == {("AB123CD", "res-a"), ("AB123CD", "res-b")}
