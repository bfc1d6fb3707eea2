"""PostgreSQL access for cases, their sightings, evidence views and decisions (schema `review`).

Plates are stored only sealed: three columns per value (key id, nonce, ciphertext), see migration 0004.
"""
from datetime import datetime

import psycopg

from alpr_common.crypto import Sealed
from services.review.domain import CaseNotFound
from services.review.models import Case, CaseSummary, DecisionRecord, ReversalRecord, Sighting

CASE_COLUMNS = ("case_id, zone_id, zone_name, kind, rule_summary, limit_minutes, grace_minutes, opened_at, status, "
                "expired_reason")
SIGHTING_COLUMNS = ("n, read_id, frame_id, object_key, captured_at, lat, lon, confidence, box, plate_key_id, plate_nonce, "
                    "plate_ciphertext, evidence_key")
# The most confident sighting's sealed plate: the case's plate in a list.
SHOWN_PLATE = ("LEFT JOIN LATERAL (SELECT s.read_id AS plate_read_id, s.plate_key_id, s.plate_nonce, s.plate_ciphertext "
               "FROM review.sightings s WHERE s.case_id = c.case_id ORDER BY s.confidence DESC, s.n LIMIT 1) p ON true")


def case_exists(conn: psycopg.Connection, case_id: str) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM review.cases WHERE case_id = %s) AS known", (case_id,)).fetchone()["known"]


def insert_case(conn: psycopg.Connection, case: Case) -> bool:
    """Store a new case with its sealed sightings; a case id seen before changes nothing. True if stored."""
    with conn.transaction():
        inserted = conn.execute(
            f"INSERT INTO review.cases ({CASE_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (case_id) DO NOTHING",
            (case.case_id, case.zone_id, case.zone_name, case.kind, case.rule_summary, case.limit_minutes,
             case.grace_minutes, case.opened_at, case.status, case.expired_reason)).rowcount == 1
        if inserted and case.sightings:
            with conn.cursor() as cur:
                cur.executemany(
                    f"INSERT INTO review.sightings (case_id, {SIGHTING_COLUMNS}) "
                    f"VALUES (%s, {', '.join(['%s'] * 13)})", [(case.case_id, *_sighting_row(s)) for s in case.sightings])
    return inserted


def _sighting_row(s: Sighting) -> tuple:
    return (s.n, s.read_id, s.frame_id, s.object_key, s.captured_at, s.latitude, s.longitude, s.confidence,
            list(s.box), *_sealed_columns(s.sealed_plate), s.evidence_key)


def _sealed_columns(sealed: Sealed | None) -> tuple:
    return (sealed.key_id, sealed.nonce, sealed.ciphertext) if sealed else (None, None, None)


def sealed_value(key_id: str | None, nonce: bytes | None, ciphertext: bytes | None) -> Sealed | None:
    return Sealed(key_id, bytes(nonce), bytes(ciphertext)) if key_id else None


def list_cases(conn: psycopg.Connection, status: str, limit: int) -> list[CaseSummary]:
    rows = conn.execute(
        "SELECT c.case_id, c.zone_id, c.zone_name, c.kind, c.opened_at, c.status, c.assigned_to, c.expired_reason, "
        "(SELECT count(*) FROM review.sightings s WHERE s.case_id = c.case_id) AS sighting_count, "
        f"p.plate_read_id, p.plate_key_id, p.plate_nonce, p.plate_ciphertext FROM review.cases c {SHOWN_PLATE} "
        "WHERE c.status = %s ORDER BY c.opened_at, c.case_id LIMIT %s", (status, limit))
    return [_summary(**row) for row in rows]


def _summary(plate_key_id: str | None, plate_nonce: bytes | None, plate_ciphertext: bytes | None, **fields) -> CaseSummary:
    return CaseSummary(**fields, sealed_plate=sealed_value(plate_key_id, plate_nonce, plate_ciphertext))


def get_case(conn: psycopg.Connection, case_id: str, for_update: bool = False) -> Case:
    """The case with its sightings and decision; raises CaseNotFound. for_update locks its row."""
    row = conn.execute(f"SELECT {CASE_COLUMNS}, assigned_to FROM review.cases WHERE case_id = %s"
                       + (" FOR UPDATE" if for_update else ""), (case_id,)).fetchone()
    if row is None:
        raise CaseNotFound(f"no case {case_id!r}")
    return Case(**row, sightings=_sightings(conn, case_id), decision=_decision(conn, case_id),
                reversal=_reversal(conn, case_id))


def _sightings(conn: psycopg.Connection, case_id: str) -> tuple[Sighting, ...]:
    rows = conn.execute(f"SELECT {SIGHTING_COLUMNS} FROM review.sightings WHERE case_id = %s ORDER BY n", (case_id,))
    return tuple(_sighting(**row) for row in rows)


def _sighting(lat: float, lon: float, box: list[int], plate_key_id: str | None, plate_nonce: bytes | None,
              plate_ciphertext: bytes | None, **fields) -> Sighting:
    return Sighting(**fields, latitude=lat, longitude=lon, box=tuple(box),
                    sealed_plate=sealed_value(plate_key_id, plate_nonce, plate_ciphertext))


def _decision(conn: psycopg.Connection, case_id: str) -> DecisionRecord | None:
    row = conn.execute("SELECT decision_id, outcome, officer, decided_at, reason, note, citation_id, corrected_key_id, "
                       "corrected_nonce, corrected_ciphertext FROM review.decisions WHERE case_id = %s", (case_id,)).fetchone()
    return _decision_record(**row) if row else None


def _decision_record(corrected_key_id: str | None, corrected_nonce: bytes | None, corrected_ciphertext: bytes | None,
                    **fields) -> DecisionRecord:
    return DecisionRecord(**fields, sealed_corrected_plate=sealed_value(corrected_key_id, corrected_nonce, corrected_ciphertext))


def _reversal(conn: psycopg.Connection, case_id: str) -> ReversalRecord | None:
    row = conn.execute("SELECT decision_id, reverses, outcome, reason, supervisor, reversed_at, citation_id "
                       "FROM review.reversals WHERE case_id = %s", (case_id,)).fetchone()
    return ReversalRecord(**row) if row else None


def queue_neighbours(conn: psycopg.Connection, case: Case) -> tuple[str | None, str | None]:
    """The open cases just before and just after this one in the queue (oldest first)."""
    key = (case.opened_at, case.case_id)
    before = conn.execute("SELECT case_id FROM review.cases WHERE status = 'open' AND (opened_at, case_id) < (%s, %s) "
                          "ORDER BY opened_at DESC, case_id DESC LIMIT 1", key).fetchone()
    after = conn.execute("SELECT case_id FROM review.cases WHERE status = 'open' AND (opened_at, case_id) > (%s, %s) "
                         "ORDER BY opened_at, case_id LIMIT 1", key).fetchone()
    return (before or {}).get("case_id"), (after or {}).get("case_id")


def record_evidence_view(conn: psycopg.Connection, case_id: str, user_name: str, n: int, at: datetime) -> None:
    conn.execute("INSERT INTO review.evidence_views (case_id, user_name, n, viewed_at) VALUES (%s, %s, %s, %s) "
                 "ON CONFLICT DO NOTHING", (case_id, user_name, n, at))


def has_viewed_evidence(conn: psycopg.Connection, case_id: str, user_name: str) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM review.evidence_views WHERE case_id = %s AND user_name = %s) AS seen",
                        (case_id, user_name)).fetchone()["seen"]


def save_decision(conn: psycopg.Connection, case_id: str, status: str, record: DecisionRecord) -> None:
    conn.execute("UPDATE review.cases SET status = %s WHERE case_id = %s", (status, case_id))
    conn.execute(
        "INSERT INTO review.decisions (case_id, decision_id, outcome, reason, note, officer, decided_at, citation_id, "
        "corrected_key_id, corrected_nonce, corrected_ciphertext) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (case_id, record.decision_id, record.outcome, record.reason, record.note, record.officer, record.decided_at,
         record.citation_id, *_sealed_columns(record.sealed_corrected_plate)))


def open_case_stats(conn: psycopg.Connection) -> tuple[int, datetime | None]:
    """How many cases wait for review, and when the oldest of them was opened."""
    row = conn.execute("SELECT count(*) AS open, min(opened_at) AS oldest FROM review.cases WHERE status = 'open'").fetchone()
    return row["open"], row["oldest"]
