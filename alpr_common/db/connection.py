from pathlib import Path

import psycopg
from psycopg.rows import dict_row

_embedded = {}


def embedded_database_url(data_dir: Path) -> str:
    """Start (or reuse) a real PostgreSQL 16 from the pgserver package, kept under data_dir."""
    import pgserver  # imported here: only the embedded default needs it

    pgdata = (Path(data_dir) / "pgdata").resolve()
    pgdata.mkdir(parents=True, exist_ok=True)
    if pgdata not in _embedded:
        _embedded[pgdata] = pgserver.get_server(pgdata, cleanup_mode="stop")
    return _embedded[pgdata].get_uri()


def resolve_database_url(database_url: str | None, data_dir: Path) -> str:
    return database_url or embedded_database_url(data_dir)


def connect(url: str, autocommit: bool = False) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=autocommit, row_factory=dict_row, connect_timeout=5)
