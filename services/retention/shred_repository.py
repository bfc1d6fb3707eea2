"""What crypto-shredding keeps in PostgreSQL (schema `retention`): which cases still have a key to destroy,
and which epoch destructions have been recorded."""
from contextlib import contextmanager
from datetime import datetime
from typing import Iterator

import psycopg

from alpr_common.db import connect
from services.retention.repository import CASE_KEEPS
from services.retention.schedule import CaseFacts, CaseState, InventoryItem, case_item

# Cases whose clock runs (rejected, or cited and closed) and whose key is not yet destroyed; held ones marked.
CASES = f"""
SELECT c.case_id, c.state, c.decided_at, c.closed_at,
       EXISTS (SELECT 1 FROM retention.legal_holds h WHERE h.case_id = c.case_id AND h.released_at IS NULL) AS held,
       (SELECT min(f.captured_at) FROM retention.case_evidence e JOIN retention.frames f ON f.frame_id = e.frame_id
        WHERE e.case_id = c.case_id) AS first_seen
FROM retention.cases c WHERE c.shredded_at IS NULL AND NOT {CASE_KEEPS}
"""
# Locks the case rows: a hold, a decision or a closure committing meanwhile waits, or finishes first and is seen.
LOCK = "SELECT case_id FROM retention.cases WHERE case_id = ANY(%s) AND shredded_at IS NULL FOR UPDATE"
MARK_SHREDDED = "UPDATE retention.cases SET shredded_at = %s, shredded_by = %s WHERE case_id = %s AND shredded_at IS NULL"
RECORDED = "SELECT epoch_id FROM retention.recorded_epochs"
MARK_RECORDED = """
INSERT INTO retention.recorded_epochs (epoch_id, destroyed_at, recorded_at) VALUES (%s, %s, %s)
ON CONFLICT (epoch_id) DO NOTHING
"""


class ShredRepository:
    def __init__(self, database_url: str):
        self.url = database_url

    def shreddable_cases(self) -> list[InventoryItem]:
        with connect(self.url) as conn:
            return [_item(row) for row in conn.execute(CASES)]

    @contextmanager
    def claim(self, case_ids: list[str]) -> Iterator["CaseClaim"]:
        """Lock these cases and read them again: the claim's items are what they are now."""
        with connect(self.url) as conn, conn.transaction():
            locked = [r["case_id"] for r in conn.execute(LOCK, (case_ids,))]
            rows = conn.execute(CASES + " AND c.case_id = ANY(%s)", (locked,))
            yield CaseClaim(conn, [_item(row) for row in rows])

    def recorded_epochs(self) -> set[str]:
        with connect(self.url) as conn:
            return {r["epoch_id"] for r in conn.execute(RECORDED)}

    def mark_recorded(self, epochs: list[tuple[str, datetime]], at: datetime) -> None:
        """(epoch id, when its keys were destroyed) pairs whose records are acknowledged."""
        with connect(self.url) as conn, conn.transaction(), conn.cursor() as cur:
            cur.executemany(MARK_RECORDED, [(epoch_id, destroyed_at, at) for epoch_id, destroyed_at in epochs])


class CaseClaim:
    def __init__(self, conn: psycopg.Connection, items: list[InventoryItem]):
        self.conn, self.items = conn, items

    def mark_shredded(self, shredded: list[tuple[str, str]], at: datetime) -> None:
        """(case id, rule) pairs; committed when the claim ends."""
        with self.conn.cursor() as cur:
            cur.executemany(MARK_SHREDDED, [(at, rule, case_id) for case_id, rule in shredded])


def _item(row: dict) -> InventoryItem:
    facts = CaseFacts(CaseState(row["state"]), row["decided_at"], row["closed_at"])
    return case_item(row["case_id"], facts, row["first_seen"], row["held"])
