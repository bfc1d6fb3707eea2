from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool


def open_pool(url: str, max_size: int = 16) -> ConnectionPool:
    """Connections as `connect` makes them (autocommit, rows as dicts), kept open between requests."""
    return ConnectionPool(url, min_size=1, max_size=max_size, open=True, timeout=10,
                          kwargs={"autocommit": True, "row_factory": dict_row, "connect_timeout": 5})
