"""Citation closures and legal holds in PostgreSQL (schema `retention`)."""
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Iterator

import psycopg

from alpr_common.db import connect
from services.retention.holds import HoldRequest
from services.retention.schedule import CaseState

CASE_BY_ID = """
SELECT case_id, state, closed_at FROM retention.cases
WHERE case_id = %(id)s OR case_id = (SELECT case_id FROM retention.citations WHERE citation_id = %(id)s)
ORDER BY case_id = %(id)s DESC LIMIT 1 FOR UPDATE
"""
CLOSE = "UPDATE retention.cases SET closed_at = %s WHERE case_id = %s"
# Locking the case's frames makes a sweep that has claimed one of them finish first (or wait for the hold).
LOCK_EVIDENCE = """
SELECT f.frame_id, f.destroyed_at IS NULL AS live FROM retention.frames f
JOIN retention.case_evidence e ON e.frame_id = f.frame_id WHERE e.case_id = %s FOR UPDATE OF f
"""
ACTIVE = "SELECT hold_id FROM retention.legal_holds WHERE case_id = %s AND reference = %s AND released_at IS NULL"
PLACE = "INSERT INTO retention.legal_holds (case_id, reference, placed_by, placed_at) VALUES (%s, %s, %s, %s)"
RELEASE = "UPDATE retention.legal_holds SET released_by = %s, released_at = %s WHERE hold_id = %s"
ACTIVE_HOLDS = """
SELECT case_id, reference, placed_by, placed_at FROM retention.legal_holds
WHERE released_at IS NULL ORDER BY placed_at, case_id
"""


@dataclass(frozen=True)
class CaseRow:
    case_id: str
    state: CaseState
    closed_at: datetime | None


@dataclass(frozen=True)
class ActiveHold:
    case_id: str
    reference: str
    placed_by: str
    placed_at: datetime


class CaseRepository:
    def __init__(self, database_url: str):
        self.url = database_url

    @contextmanager
    def transaction(self) -> Iterator["CaseTransaction"]:
        """Everything done through it commits together when the block ends, or not at all."""
        with connect(self.url) as conn, conn.transaction():
            yield CaseTransaction(conn)

    def active_holds(self) -> list[ActiveHold]:
        with connect(self.url) as conn:
            return [ActiveHold(**row) for row in conn.execute(ACTIVE_HOLDS)]


class CaseTransaction:
    def __init__(self, conn: psycopg.Connection):
        self.conn = conn

    def case(self, case_or_citation_id: str) -> CaseRow | None:
        row = self.conn.execute(CASE_BY_ID, {"id": case_or_citation_id}).fetchone()
        return CaseRow(row["case_id"], CaseState(row["state"]), row["closed_at"]) if row else None

    def close(self, case_id: str, at: datetime) -> None:
        self.conn.execute(CLOSE, (at, case_id))

    def lock_evidence(self, case_id: str) -> tuple[int, int]:
        """(live, destroyed) frames of the case, locked until the transaction ends."""
        rows = self.conn.execute(LOCK_EVIDENCE, (case_id,)).fetchall()
        live = sum(1 for r in rows if r["live"])
        return live, len(rows) - live

    def active_hold(self, hold: HoldRequest) -> int | None:
        row = self.conn.execute(ACTIVE, (hold.case_id, hold.reference)).fetchone()
        return row["hold_id"] if row else None

    def place(self, hold: HoldRequest, at: datetime) -> None:
        self.conn.execute(PLACE, (hold.case_id, hold.reference, hold.by, at))

    def release(self, hold_id: int, by: str, at: datetime) -> None:
        self.conn.execute(RELEASE, (by, at, hold_id))
