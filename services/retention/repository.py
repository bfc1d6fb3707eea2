"""The retention inventory in PostgreSQL (schema `retention`). Every write is an idempotent upsert."""
from contextlib import contextmanager
from datetime import datetime
from typing import Iterator

import psycopg

from alpr_common.db import connect
from services.retention.inventory import CaseDecided, CaseOpened, CitationClosure, CitationIssued, Fact, FrameSeen
from services.retention.schedule import FRAME_IMAGE, CaseFacts, CaseState, InventoryItem, frame_state

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
# A case keeps its evidence (no clock runs) while open, or cited and not yet closed.
CASE_KEEPS = "(c.state = 'open' OR (c.state = 'confirmed' AND c.closed_at IS NULL))"
ACTIVE_HOLD = "SELECT 1 FROM retention.legal_holds h WHERE h.case_id = e.case_id AND h.released_at IS NULL"
# Frames kept by a case are left out here; the schedule keeps them anyway. Held frames stay in, marked.
LIVE_FRAMES = f"""
SELECT f.object_key, f.captured_at,
       coalesce(array_agg(c.state) FILTER (WHERE c.case_id IS NOT NULL), '{{}}') AS states,
       coalesce(array_agg(c.decided_at) FILTER (WHERE c.case_id IS NOT NULL), '{{}}') AS decided,
       coalesce(array_agg(c.closed_at) FILTER (WHERE c.case_id IS NOT NULL), '{{}}') AS closed,
       coalesce(bool_or(EXISTS ({ACTIVE_HOLD})), false) AS held
FROM retention.frames f
LEFT JOIN retention.case_evidence e ON e.frame_id = f.frame_id
LEFT JOIN retention.cases c ON c.case_id = e.case_id
WHERE f.destroyed_at IS NULL AND NOT EXISTS (
    SELECT 1 FROM retention.case_evidence e2 JOIN retention.cases c ON c.case_id = e2.case_id
    WHERE e2.frame_id = f.frame_id AND {CASE_KEEPS})
GROUP BY f.frame_id
"""
# Claiming locks the frame rows, so a case or a hold committing for one of them either finishes first
# (and KEPT, run after the lock, sees it) or waits until the destruction is committed.
LOCK = "SELECT object_key FROM retention.frames WHERE object_key = ANY(%s) AND destroyed_at IS NULL FOR UPDATE"
KEPT = f"""
SELECT DISTINCT f.object_key FROM retention.frames f
JOIN retention.case_evidence e ON e.frame_id = f.frame_id JOIN retention.cases c ON c.case_id = e.case_id
WHERE f.object_key = ANY(%s) AND ({CASE_KEEPS} OR EXISTS ({ACTIVE_HOLD}))
"""
# The first closure counts; a case not yet seen is created open, to be filled in by its own events.
CLOSE_CASE = """
INSERT INTO retention.cases (case_id, state, closed_at) VALUES (%s, 'open', %s)
ON CONFLICT (case_id) DO UPDATE SET closed_at = COALESCE(cases.closed_at, EXCLUDED.closed_at)
"""
ADD_CITATION = "INSERT INTO retention.citations (citation_id, case_id) VALUES (%s, %s) ON CONFLICT DO NOTHING"
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
            kept = {r["object_key"] for r in conn.execute(KEPT, (list(locked),))}
            yield Claim(conn, locked - kept)

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
    elif isinstance(fact, CitationIssued):
        conn.execute(ADD_CITATION, (fact.citation_id, fact.case_id))
    elif isinstance(fact, CitationClosure):
        conn.execute(CLOSE_CASE, (fact.case_id, fact.closed_at))


def _item(row: dict) -> InventoryItem:
    cases = [CaseFacts(CaseState(s), decided, closed) for s, decided, closed in zip(row["states"], row["decided"], row["closed"])]
    state, since = frame_state(cases)
    return InventoryItem(FRAME_IMAGE, row["object_key"], row["captured_at"], state, since, row["held"])
