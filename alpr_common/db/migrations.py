"""Plain versioned SQL migrations, one folder per service, each service in its own schema.

Files are named `NNNN_what_it_does.sql` and applied once, in order, inside a transaction each;
`public.alpr_schema_migrations` records what was applied. Plain SQL keeps the schema readable
by anyone who knows PostgreSQL, with no ORM between the services and their tables.
"""
from dataclasses import dataclass
from pathlib import Path

import psycopg

from alpr_common.db.connection import connect

LEDGER = """
CREATE TABLE IF NOT EXISTS public.alpr_schema_migrations (
    service text NOT NULL,
    version text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service, version)
)
"""


@dataclass(frozen=True)
class Migration:
    service: str
    version: str
    sql: str


def service_migrations(service: str, folder: Path) -> list[Migration]:
    return [Migration(service, path.stem, path.read_text()) for path in sorted(Path(folder).glob("[0-9]*.sql"))]


def apply_migrations(url: str, migrations: list[Migration]) -> list[Migration]:
    """Apply the migrations not yet applied; returns those it applied."""
    applied: list[Migration] = []
    with connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(4242)")
        try:
            conn.execute(LEDGER)
            done = {(r["service"], r["version"]) for r in conn.execute("SELECT service, version FROM public.alpr_schema_migrations")}
            for m in migrations:
                if (m.service, m.version) not in done:
                    _apply_one(conn, m)
                    applied.append(m)
        finally:
            conn.execute("SELECT pg_advisory_unlock(4242)")
    return applied


def _apply_one(conn: psycopg.Connection, m: Migration) -> None:
    with conn.transaction():
        conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{m.service}"')
        conn.execute(f'SET LOCAL search_path TO "{m.service}", public')
        conn.execute(m.sql)
        conn.execute("INSERT INTO public.alpr_schema_migrations (service, version) VALUES (%s, %s)", (m.service, m.version))
