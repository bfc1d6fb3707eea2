"""The retention inventory in PostgreSQL (schema `retention`). Every write is an idempotent upsert."""
from contextlib import contextmanager
from datetime import datetime
from typing import Iterator

import psycopg

from alpr_common.db import connect
from services.retention.inventory import CaseDecided, CaseOpened, Fact, FrameSeen
from services.retention.schedule import FRAME_IMAGE, CaseState, InventoryItem, frame_state

UPSERT_FRAME = """
INSERT INTO retention.frames (frame_id, object_key, captured_at, ocr_done) VALUES (%s, %s, %s, %s)
ON CONFLICT (frame_id) DO UPDATE SET ocr_done = frames.ocr_done OR EXCLUDED.ocr_done
"""
OPEN_CASE = "INSERT INTO retention.cases (case_id, state) VALUES (%s, 'open') ON CONFLICT (case_id) DO NOTHING"
ADD_EVIDENCE = "INSERT INTO retention.case_evidence (case_id, frame_id) VALUES (%s, %s) ON CONFLICT DO NOTHING"
# The latest decision wins, whatever order the case and its decisions arrive in.
DECIDE_CASE = """
INSERT INTO retention.cases (case_id, state, decided_at) VALUES (%s, %s, %s)
ON CONFLICT (case_id) DO UPDATE SET state = EXCLUDED.state, decided_at = EXCLUDED.decided_at
WHERE cases.decided_at IS NULL OR cases.decided_at <= EXCLUDED.decided_at
"""
# Frames still held by an open or confirmed case are left out here; the schedule keeps them anyway.
LIVE_FRAMES = """
SELECT f.object_key, f.captured_at,
       coalesce(array_agg(c.state) FILTER (WHERE c.case_id IS NOT NULL), '{}') AS states,
       coalesce(array_agg(c.decided_at) FILTER (WHERE c.case_id IS NOT NULL), '{}') AS decided
FROM retention.frames f
LEFT JOIN retention.case_evidence e ON e.frame_id = f.frame_id
LEFT JOIN retention.cases c ON c.case_id = e.case_id
WHERE f.destroyed_at IS NULL AND NOT EXISTS (
    SELECT 1 FROM retention.case_evidence e2 JOIN retention.cases c2 ON c2.case_id = e2.case_id
    WHERE e2.frame_id = f.frame_id AND c2.state <> 'rejected')
GROUP BY f.frame_id
"""
# Claiming locks the frame rows, so a case committing evidence for one of them either finishes first
# (and HELD, run after the lock, sees it) or waits until the destruction is committed.
LOCK = "SELECT object_key FROM retention.frames WHERE object_key = ANY(%s) AND destroyed_at IS NULL FOR UPDATE"
HELD = """
SELECT DISTINCT f.object_key FROM retention.frames f
JOIN retention.case_evidence e ON e.frame_id = f.frame_id JOIN retention.cases c ON c.case_id = e.case_id
WHERE f.object_key = ANY(%s) AND c.state <> 'rejected'
"""
MARK_DESTROYED = """
UPDATE retention.frames SET destroyed_at = %s, destroyed_by = %s WHERE object_key = %s AND destroyed_at IS NULL
"""


class InventoryRepository:
    def __init__(self, database_url: str):
        self.url = database_url

    def apply(self, facts: list[Fact]) -> None:
        with connect(self.url) as conn, conn.transaction():
            for fact in facts:
                _apply_one(conn, fact)

    def destroyable_frames(self) -> list[InventoryItem]:
        with connect(self.url) as conn:
            return [_item(row) for row in conn.execute(LIVE_FRAMES)]

    @contextmanager
    def claim(self, keys: list[str]) -> Iterator["Claim"]:
        """Lock these frames for destruction; the claim holds those still free to destroy."""
        with connect(self.url) as conn, conn.transaction():
            locked = {r["object_key"] for r in conn.execute(LOCK, (keys,))}
            held = {r["object_key"] for r in conn.execute(HELD, (list(locked),))}
            yield Claim(conn, locked - held)

    def mark_destroyed(self, destroyed: list[tuple[str, str]], at: datetime) -> None:
        with self.claim([key for key, _ in destroyed]) as claim:
            claim.mark_destroyed(destroyed, at)

    def counts(self) -> dict[str, int]:
        with connect(self.url) as conn:
            return conn.execute("""
                SELECT count(*) FILTER (WHERE destroyed_at IS NULL) AS live,
                       count(*) FILTER (WHERE destroyed_at IS NOT NULL) AS destroyed
                FROM retention.frames""").fetchone()


class Claim:
    def __init__(self, conn: psycopg.Connection, keys: set[str]):
        self.conn, self.keys = conn, keys

    def mark_destroyed(self, destroyed: list[tuple[str, str]], at: datetime) -> None:
        """(object_key, rule) pairs, destroyed at `at`; committed when the claim ends."""
        with self.conn.cursor() as cur:
            cur.executemany(MARK_DESTROYED, [(at, rule, key) for key, rule in destroyed])


def _apply_one(conn: psycopg.Connection, fact: Fact) -> None:
    if isinstance(fact, FrameSeen):
        conn.execute(UPSERT_FRAME, (fact.frame_id, fact.object_key, fact.captured_at, fact.ocr_done))
    elif isinstance(fact, CaseOpened):
        conn.execute(OPEN_CASE, (fact.case_id,))
        for frame in fact.frames:
            conn.execute(UPSERT_FRAME, (frame.frame_id, frame.object_key, frame.captured_at, frame.ocr_done))
            conn.execute(ADD_EVIDENCE, (fact.case_id, frame.frame_id))
    elif isinstance(fact, CaseDecided):
        conn.execute(DECIDE_CASE, (fact.case_id, fact.state.value, fact.decided_at))


def _item(row: dict) -> InventoryItem:
    state, since = frame_state([(CaseState(s), at) for s, at in zip(row["states"], row["decided"])])
    return InventoryItem(FRAME_IMAGE, row["object_key"], row["captured_at"], state, since)
