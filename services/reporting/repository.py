"""The aggregate tables in PostgreSQL (schema `reporting`): count each event once, read totals back."""
from datetime import date

from alpr_common.db import connect
from services.reporting.aggregation import TABLE_KEYS, Increment, tally

REMEMBER = """
INSERT INTO reporting.counted_events (source, event_id) SELECT * FROM unnest(%s::text[], %s::text[])
ON CONFLICT DO NOTHING RETURNING source, event_id
"""


def _upsert(table: str) -> str:
    keys = TABLE_KEYS[table]  # table and column names come from this fixed catalog only
    columns = ", ".join(keys)
    return (f"INSERT INTO reporting.{table} ({columns}, count) VALUES ({', '.join(['%s'] * (len(keys) + 1))}) "
            f"ON CONFLICT ({columns}) DO UPDATE SET count = {table}.count + EXCLUDED.count")


class AggregateRepository:
    def __init__(self, database_url: str):
        self.url = database_url

    def count(self, increments: list[Increment]) -> int:
        """Add the events not counted before, in one transaction; returns how many were new."""
        if not increments:
            return 0
        with connect(self.url) as conn, conn.transaction():
            rows = conn.execute(REMEMBER, ([i.table for i in increments], [i.event_id for i in increments])).fetchall()
            fresh = {(r["source"], r["event_id"]) for r in rows}
            new = _first_of_each([i for i in increments if (i.table, i.event_id) in fresh])
            with conn.cursor() as cur:
                for (table, key), n in tally(new).items():
                    cur.execute(_upsert(table), (*key, n))
        return len(new)

    def totals(self, table: str, by: tuple[str, ...], first: date, last: date) -> list[dict]:
        """Sum of counts per `by` columns for days in [first, last]."""
        if not set(by) <= set(TABLE_KEYS[table]):
            raise ValueError(f"{table} has no column among {by}")
        columns = ", ".join(by)
        sql = (f"SELECT {columns}{', ' if by else ''}sum(count)::bigint AS count FROM reporting.{table} "
               f"WHERE day BETWEEN %s AND %s {'GROUP BY ' + columns if by else ''} ORDER BY count DESC{', ' + columns if by else ''}")
        with connect(self.url) as conn:
            return [r for r in conn.execute(sql, (first, last)) if r["count"] is not None]


def _first_of_each(increments: list[Increment]) -> list[Increment]:
    seen, out = set(), []
    for i in increments:
        if (i.table, i.event_id) not in seen:
            seen.add((i.table, i.event_id))
            out.append(i)
    return out
