"""PostgreSQL access for cases, their sightings, evidence views and decisions (schema `review`)."""
from datetime import datetime

import psycopg

from services.review.domain import CaseNotFound
from services.review.models import Case, CaseSummary, DecisionRecord, ReversalRecord, Sighting

CASE_COLUMNS = ("case_id, plate_text, zone_id, zone_name, kind, rule_summary, limit_minutes, grace_minutes, "
                "opened_at, status")
SIGHTING_COLUMNS = ("n, read_id, frame_id, object_key, captured_at, lat, lon, plate_text, confidence, box")


def insert_case(conn: psycopg.Connection, case: Case) -> bool:
    """Store a new case with its sightings; a case id seen before changes nothing. True if stored."""
    with conn.transaction():
        inserted = conn.execute(
            f"INSERT INTO review.cases ({CASE_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, 'open') "
            "ON CONFLICT (case_id) DO NOTHING",
            (case.case_id, case.plate_text, case.zone_id, case.zone_name, case.kind, case.rule_summary,
             case.limit_minutes, case.grace_minutes, case.opened_at)).rowcount == 1
        if inserted:
            with conn.cursor() as cur:
                cur.executemany(
                    f"INSERT INTO review.sightings (case_id, {SIGHTING_COLUMNS}) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [(case.case_id, s.n, s.read_id, s.frame_id, s.object_key, s.captured_at, s.latitude,
                      s.longitude, s.plate_text, s.confidence, list(s.box)) for s in case.sightings])
    return inserted


def list_cases(conn: psycopg.Connection, status: str, limit: int) -> list[CaseSummary]:
    rows = conn.execute(
        "SELECT c.case_id, c.plate_text, c.zone_id, c.zone_name, c.kind, c.opened_at, c.status, "
        "(SELECT count(*) FROM review.sightings s WHERE s.case_id = c.case_id) AS sighting_count, c.assigned_to "
        "FROM review.cases c WHERE c.status = %s ORDER BY c.opened_at, c.case_id LIMIT %s", (status, limit))
    return [CaseSummary(**row) for row in rows]


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


def _sighting(lat: float, lon: float, box: list[int], **fields) -> Sighting:
    return Sighting(**fields, latitude=lat, longitude=lon, box=tuple(box))


def _decision(conn: psycopg.Connection, case_id: str) -> DecisionRecord | None:
    row = conn.execute("SELECT decision_id, outcome, officer, decided_at, reason, corrected_plate, note, citation_id "
                       "FROM review.decisions WHERE case_id = %s", (case_id,)).fetchone()
    return DecisionRecord(**row) if row else None


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
        "INSERT INTO review.decisions (case_id, decision_id, outcome, reason, corrected_plate, note, officer, "
        "decided_at, citation_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (case_id, record.decision_id, record.outcome, record.reason, record.corrected_plate, record.note,
         record.officer, record.decided_at, record.citation_id))


def open_case_stats(conn: psycopg.Connection) -> tuple[int, datetime | None]:
    """How many cases wait for review, and when the oldest of them was opened."""
    row = conn.execute("SELECT count(*) AS open, min(opened_at) AS oldest FROM review.cases WHERE status = 'open'").fetchone()
    return row["open"], row["oldest"]
