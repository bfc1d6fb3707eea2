"""PostgreSQL access for sharing requests (table review.sharing_requests)."""
import psycopg

from services.review.sharing_rules import SharingNotFound, SharingRequest

COLUMNS = ("request_id, case_ids, legal_basis, reference, recipient, purpose, status, requested_by, requested_at, "
           "decided_by, decided_at, decision_reason, exported_by, exported_at, exported_case_ids, unavailable_case_ids")
TUPLES = ("case_ids", "exported_case_ids", "unavailable_case_ids")


def _request(row: dict) -> SharingRequest:
    return SharingRequest(**{k: tuple(v) if k in TUPLES else v for k, v in row.items()})


def insert(conn: psycopg.Connection, r: SharingRequest) -> None:
    conn.execute(f"INSERT INTO review.sharing_requests ({COLUMNS}) VALUES ({', '.join(['%s'] * 16)})",
                 (r.request_id, list(r.case_ids), r.legal_basis, r.reference, r.recipient, r.purpose, r.status,
                  r.requested_by, r.requested_at, r.decided_by, r.decided_at, r.decision_reason, r.exported_by,
                  r.exported_at, list(r.exported_case_ids), list(r.unavailable_case_ids)))


def get(conn: psycopg.Connection, request_id: str, for_update: bool = False) -> SharingRequest:
    row = conn.execute(f"SELECT {COLUMNS} FROM review.sharing_requests WHERE request_id = %s"
                       + (" FOR UPDATE" if for_update else ""), (request_id,)).fetchone()
    if row is None:
        raise SharingNotFound(f"no sharing request {request_id!r}")
    return _request(row)


def listed(conn: psycopg.Connection, status: str | None, limit: int) -> list[SharingRequest]:
    rows = conn.execute(f"SELECT {COLUMNS} FROM review.sharing_requests WHERE %(s)s::text IS NULL OR status = %(s)s "
                        "ORDER BY requested_at DESC, request_id LIMIT %(n)s", {"s": status, "n": limit})
    return [_request(row) for row in rows]


def save_decision(conn: psycopg.Connection, r: SharingRequest) -> None:
    conn.execute("UPDATE review.sharing_requests SET status = %s, decided_by = %s, decided_at = %s, "
                 "decision_reason = %s WHERE request_id = %s",
                 (r.status, r.decided_by, r.decided_at, r.decision_reason, r.request_id))


def save_export(conn: psycopg.Connection, r: SharingRequest) -> None:
    conn.execute("UPDATE review.sharing_requests SET status = %s, exported_by = %s, exported_at = %s, "
                 "exported_case_ids = %s, unavailable_case_ids = %s WHERE request_id = %s",
                 (r.status, r.exported_by, r.exported_at, list(r.exported_case_ids), list(r.unavailable_case_ids),
                  r.request_id))


def existing_cases(conn: psycopg.Connection, case_ids: tuple[str, ...]) -> set[str]:
    rows = conn.execute("SELECT case_id FROM review.cases WHERE case_id = ANY(%s)", (list(case_ids),))
    return {row["case_id"] for row in rows}
