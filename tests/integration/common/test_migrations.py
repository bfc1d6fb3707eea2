import pytest

from alpr_cli.wiring import all_migrations
from alpr_common.db import Migration, apply_migrations, connect
from tests.support.components import fresh_database


@pytest.fixture
def empty_database(postgres_admin_url):
    with fresh_database(postgres_admin_url) as url:
        yield url


def test_every_service_migration_applies_once(empty_database):
    migrations = all_migrations()
    assert {m.service for m in migrations} >= {"ingest", "rules", "review", "retention", "reporting"}
    assert apply_migrations(empty_database, migrations) == migrations
    assert apply_migrations(empty_database, migrations) == []


def test_each_service_gets_its_own_schema(empty_database):
    apply_migrations(empty_database, [Migration("svc_a", "0001_t", "CREATE TABLE t (x int)"),
                                      Migration("svc_b", "0001_t", "CREATE TABLE t (y int)")])
    with connect(empty_database) as conn:
        rows = conn.execute("SELECT table_schema FROM information_schema.tables WHERE table_name = 't' ORDER BY 1").fetchall()
    assert [r["table_schema"] for r in rows] == ["svc_a", "svc_b"]


def test_a_failing_migration_leaves_nothing_behind(empty_database):
    bad = Migration("svc_c", "0001_bad", "CREATE TABLE ok (x int); CREATE TABLE broken (x nosuchtype)")
    with pytest.raises(Exception, match="nosuchtype"):
        apply_migrations(empty_database, [bad])
    with connect(empty_database) as conn:
        assert conn.execute("SELECT to_regclass('svc_c.ok') AS t").fetchone()["t"] is None
        assert conn.execute("SELECT count(*) AS n FROM public.alpr_schema_migrations WHERE service = 'svc_c'").fetchone()["n"] == 0
