"""The aggregate tables in PostgreSQL (schema `reporting`): count each event once, read totals back."""
from datetime import date

from alpr_common.db import connect
from services.reporting.aggregation import SET_TABLES, TABLE_KEYS, Increment, tally
from services.reporting.figures import YearFigures

# Reads grouped five ways in one scan of the table; the names are the YearFigures fields.
READ_SETS = {"reads_by_tract": "tract_id", "reads_by_zone": "zone_id", "reads_by_hour": "hour",
             "reads_by_month": "extract(month FROM day)::int"}
READS_SQL = (
    "SELECT {exprs}, GROUPING({exprs}) AS g, sum(count)::bigint AS count FROM reporting.reads_daily "
    "WHERE day BETWEEN %s AND %s GROUP BY GROUPING SETS ({sets})"
).format(exprs=", ".join(READ_SETS.values()), sets=", ".join(f"({e})" for e in READ_SETS.values()))
ACCESSORS_SQL = ("SELECT actor_kind, role, count(*)::bigint AS count FROM reporting.accessors_yearly "
                 "WHERE year = %s GROUP BY actor_kind, role")

REMEMBER = """
INSERT INTO reporting.counted_events (source, event_id) SELECT * FROM unnest(%s::text[], %s::text[])
ON CONFLICT DO NOTHING RETURNING source, event_id
"""


def _upsert(table: str) -> str:
    keys = TABLE_KEYS[table]  # table and column names come from this fixed catalog only
    columns = ", ".join(keys)
    if table in SET_TABLES:
        return f"INSERT INTO reporting.{table} ({columns}) VALUES ({', '.join(['%s'] * len(keys))}) ON CONFLICT DO NOTHING"
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
                    cur.execute(_upsert(table), key if table in SET_TABLES else (*key, n))
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


    def year_figures(self, year: int) -> YearFigures:
        """Every count of a calendar year that the report and the transparency page show."""
        first, last = date(year, 1, 1), date(year, 12, 31)
        with connect(self.url) as conn:
            reads = _grouping_sets(conn.execute(READS_SQL, (first, last)).fetchall())
            accessors = conn.execute(ACCESSORS_SQL, (year,)).fetchall()
        lifetimes: dict = {}
        for row in self.totals("destroyed_daily", ("rule", "item_kind", "lived_minutes"), first, last):
            lifetimes.setdefault((row["rule"], row["item_kind"]), {})[row["lived_minutes"]] = row["count"]
        return YearFigures(
            year=year, **reads,
            cases_by_kind=_keyed(self.totals("cases_daily", ("kind",), first, last)),
            decisions=_keyed(self.totals("decisions_daily", ("outcome", "reason"), first, last)),
            citations_by_tract=_keyed(self.totals("citations_daily", ("tract_id",), first, last)),
            accesses=_keyed(self.totals("accesses_daily", ("actor_kind", "role", "outcome"), first, last)),
            accessors=_keyed(accessors), lifetimes=lifetimes,
            sharing=_keyed(self.totals("sharing_daily", ("legal_basis", "status"), first, last)))


def _keyed(rows: list[dict]) -> dict:
    """Rows of (key columns..., count) to {key: count}, a one-column key unwrapped."""
    out = {}
    for row in rows:
        key = tuple(v for k, v in row.items() if k != "count")
        out[key[0] if len(key) == 1 else key] = row["count"]
    return out


def _grouping_sets(rows: list[dict]) -> dict[str, dict]:
    """Split GROUPING SETS rows by which column they were grouped on (its bit in `g` is 0)."""
    names, out = list(READ_SETS), {name: {} for name in READ_SETS}
    width = len(names)
    for row in rows:
        index = next(i for i in range(width) if not row["g"] & (1 << (width - 1 - i)))
        out[names[index]][list(row.values())[index]] = row["count"]
    return out


def _first_of_each(increments: list[Increment]) -> list[Increment]:
    seen, out = set(), []
    for i in increments:
        if (i.table, i.event_id) not in seen:
            seen.add((i.table, i.event_id))
            out.append(i)
    return out
