"""Migration 0004 on a database that already holds cases with plaintext plates."""
from pathlib import Path

import pytest

from alpr_common.db import apply_migrations, connect, service_migrations
from services.review import evidence, repository
from services.review.domain import CaseShredded
from tests.support.components import fresh_database

pytestmark = pytest.mark.integration
MIGRATIONS = service_migrations("review", Path(repository.__file__).parent / "migrations")
CASE = ("INSERT INTO review.cases (case_id, plate_text, zone_id, zone_name, kind, rule_summary, limit_minutes, "
        "grace_minutes, opened_at, status) VALUES (%s, 'OLD123', 'z', 'Elm', 'OVERSTAY', '2h', 120, 10, now(), %s)")
SIGHTING = ("INSERT INTO review.sightings (case_id, n, read_id, frame_id, object_key, captured_at, lat, lon, plate_text, "
            "confidence, box) VALUES (%s, 0, 'r', 'f', 'frames/d/f.jpg', now(), 45.5, -73.6, 'OLD123', 0.9, '{1,2,3,4}')")


def test_plaintext_plates_are_dropped_open_cases_expire_and_decided_ones_answer_gone(postgres_admin_url):
    with fresh_database(postgres_admin_url) as url:
        apply_migrations(url, [m for m in MIGRATIONS if m.version < "0004"])
        with connect(url, autocommit=True) as conn:
            conn.execute("INSERT INTO review.users (name, role, token_sha256) VALUES ('lee', 'officer', 'x')")
            for case_id, status in (("legacy-open", "open"), ("legacy-cited", "confirmed")):
                conn.execute(CASE, (case_id, status))
                conn.execute(SIGHTING, (case_id,))
            conn.execute("INSERT INTO review.decisions (case_id, decision_id, outcome, corrected_plate, officer, decided_at, "
                         "citation_id) VALUES ('legacy-cited', 'd-1', 'confirm', 'OLD128', 'lee', now(), 'c-1')")

        assert [m.version for m in apply_migrations(url, MIGRATIONS)] == ["0004_sealed_evidence"]
        with connect(url) as conn:
            rows = "\n".join(r["row"] for t in ("cases", "sightings", "decisions")
                             for r in conn.execute(f"SELECT t::text AS row FROM review.{t} t"))
            opened, cited = repository.get_case(conn, "legacy-open"), repository.get_case(conn, "legacy-cited")
        assert "legacy-cited" in rows and "OLD12" not in rows
        assert (opened.status, cited.status) == ("expired", "confirmed")
        assert "removed by migration 0004" in opened.expired_reason
        with pytest.raises(CaseShredded, match="recorded before evidence was sealed"):
            evidence.opened_plates(keystore=None, case=cited)  # refused before any key is asked for
