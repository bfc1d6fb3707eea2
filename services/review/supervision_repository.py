"""PostgreSQL access for what supervisors do: assignments, reversals, and decisions by officer."""
from datetime import datetime

import psycopg

from alpr_common.crypto import Sealed
from services.review.models import ReversalRecord
from services.review.repository import sealed_value

SEALED_CORRECTION = ("corrected_key_id", "corrected_nonce", "corrected_ciphertext")


def assign(conn: psycopg.Connection, case_id: str, officer: str, by: str, at: datetime) -> None:
    conn.execute("UPDATE review.cases SET assigned_to = %s, assigned_by = %s, assigned_at = %s WHERE case_id = %s",
                 (officer, by, at, case_id))


def save_reversal(conn: psycopg.Connection, case_id: str, status: str, record: ReversalRecord) -> None:
    conn.execute("UPDATE review.cases SET status = %s WHERE case_id = %s", (status, case_id))
    conn.execute(
        "INSERT INTO review.reversals (case_id, decision_id, reverses, outcome, reason, supervisor, reversed_at, "
        "citation_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
        (case_id, record.decision_id, record.reverses, record.outcome, record.reason, record.supervisor,
         record.reversed_at, record.citation_id))


def decision_counts(conn: psycopg.Connection, since: datetime | None) -> list[dict]:
    """Per officer: how many cases they confirmed and rejected, and how many of those were reversed."""
    return conn.execute(
        "SELECT d.officer, count(*) FILTER (WHERE d.outcome = 'confirm') AS confirmed, "
        "count(*) FILTER (WHERE d.outcome = 'reject') AS rejected, count(r.case_id) AS reversed, count(*) AS total "
        "FROM review.decisions d LEFT JOIN review.reversals r ON r.reverses = d.decision_id "
        "WHERE %(since)s::timestamptz IS NULL OR d.decided_at >= %(since)s "
        "GROUP BY d.officer ORDER BY d.officer", {"since": since}).fetchall()


def officer_decisions(conn: psycopg.Connection, officer: str, limit: int) -> list[tuple[dict, Sealed | None]]:
    """One officer's decisions, newest first, each with its reversal if any, and its correction (sealed)."""
    rows = conn.execute(
        "SELECT d.case_id, d.decision_id, d.outcome, d.reason, d.corrected_key_id, d.corrected_nonce, "
        "d.corrected_ciphertext, d.decided_at, d.citation_id, "
        "r.supervisor AS reversed_by, r.reason AS reversal_reason, r.reversed_at "
        "FROM review.decisions d LEFT JOIN review.reversals r ON r.reverses = d.decision_id "
        "WHERE d.officer = %s ORDER BY d.decided_at DESC, d.case_id LIMIT %s", (officer, limit)).fetchall()
    return [(row, sealed_value(*(row.pop(k) for k in SEALED_CORRECTION))) for row in rows]
