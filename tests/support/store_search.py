"""Searching every store the pipeline wrote for given byte strings: topics, tables, files.

Each haystack is (where, bytes); `find` returns every (where, needle name) hit. Tables are read
value by value (text as UTF-8, bytea as raw bytes), topics message by message (key, value and
headers), files whole.
"""
from pathlib import Path
from typing import Iterable, Iterator

import confluent_kafka
import psycopg
from psycopg import sql

from alpr_common.topic_reader import read_to_end

Haystack = tuple[str, bytes]

TABLES = """SELECT table_schema, table_name FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"""


def topic_haystacks(bootstrap: str) -> Iterator[Haystack]:
    admin = confluent_kafka.Consumer({"bootstrap.servers": bootstrap, "group.id": "store-search"})
    try:
        topics = sorted(admin.list_topics(timeout=10).topics)
    finally:
        admin.close()
    for topic in topics:
        for msg in read_to_end(bootstrap, topic):
            headers = b"".join(k.encode() + (v or b"") for k, v in msg.headers() or [])
            yield f"topic {topic}[{msg.partition()}]@{msg.offset()}", (msg.key() or b"") + b"\0" + (msg.value() or b"") + headers


def table_haystacks(database_url: str) -> Iterator[Haystack]:
    with psycopg.connect(database_url) as conn:
        for schema, table in conn.execute(TABLES).fetchall():
            query = sql.SQL("SELECT * FROM {}.{}").format(sql.Identifier(schema), sql.Identifier(table))
            for n, row in enumerate(conn.execute(query)):
                yield f"table {schema}.{table} row {n}", b"\0".join(_as_bytes(v) for v in row)


def file_haystacks(root: Path, skip: Iterable[Path] = ()) -> Iterator[Haystack]:
    skipped = [Path(p).resolve() for p in skip]
    for path in sorted(Path(root).rglob("*")):
        if path.is_file() and not any(path.resolve().is_relative_to(s) for s in skipped):
            yield f"file {path}", path.read_bytes()


def find(needles: dict[str, bytes], haystacks: Iterable[Haystack]) -> list[tuple[str, str]]:
    return [(where, name) for where, data in haystacks for name, needle in needles.items() if needle in data]


def _as_bytes(value) -> bytes:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    return str(value).encode()
