"""Permits in PostgreSQL (schema `rules`): import the city's CSV, load the book the app looks up."""
from datetime import datetime, timezone, tzinfo
from pathlib import Path

import psycopg

from alpr_common.db import connect
from alpr_common.errors import ConfigError
from services.rules.permits import EpochKeySource, Permit, PermitBook, parse_permits_csv

NOT_MIGRATED = "the table rules.permits does not exist in this database: run `alpr db migrate` first"
UPSERT = """
INSERT INTO rules.permits (plate, zone_id, valid_from, valid_to) VALUES (%s, %s, %s, %s)
ON CONFLICT (plate, zone_id, valid_from) DO UPDATE SET valid_to = EXCLUDED.valid_to, imported_at = now()
"""


def import_permits_csv(database_url: str, path: Path, tz: tzinfo = timezone.utc) -> int:
    """Validate every row, then store them all in one transaction; returns the number of permit rows.

    A bad row raises PermitFileError (line and field) and nothing is imported. Importing the same
    file again updates the same rows instead of adding new ones.
    """
    permits = parse_permits_csv(Path(path).read_text(encoding="utf-8-sig"), tz)
    with connect(database_url) as conn, conn.transaction(), conn.cursor() as cur:
        try:
            cur.executemany(UPSERT, [(p.plate, p.zone_id, p.valid_from, p.valid_to) for p in permits])
        except psycopg.errors.UndefinedTable:
            raise ConfigError(NOT_MIGRATED) from None
    return len(permits)


def list_permits(database_url: str, valid_at: datetime | None = None) -> list[Permit]:
    """Every stored permit (or only those valid at `valid_at`), by plate and start."""
    sql = "SELECT plate, zone_id, valid_from, valid_to FROM rules.permits"
    params: tuple = ()
    if valid_at is not None:
        sql, params = sql + " WHERE valid_from <= %s AND %s < valid_to", (valid_at, valid_at)
    with connect(database_url) as conn:
        try:
            rows = conn.execute(sql + " ORDER BY plate, valid_from, zone_id", params).fetchall()
        except psycopg.errors.UndefinedTable:
            raise ConfigError(NOT_MIGRATED) from None
    return [Permit(**row) for row in rows]


def load_permits(database_url: str, keys: EpochKeySource) -> PermitBook:
    """Every stored permit as an in-memory book that tokenizes them per epoch with `keys` (all of them:
    rules judge reads by capture time, which may lie in the past when reads are replayed)."""
    return PermitBook(list_permits(database_url), keys)
