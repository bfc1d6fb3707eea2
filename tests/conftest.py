"""Fixtures for the real components; each starts once per test session and is shared."""
import base64
import os

import pytest

from alpr_cli.wiring import all_migrations
from alpr_common.db import apply_migrations
from tests.support import components


@pytest.fixture(scope="session", autouse=True)
def audit_key_registry(tmp_path_factory):
    """Audit writers register their public keys here rather than in the working tree's .alpr/."""
    os.environ["ALPR_AUDIT_KEY_REGISTRY"] = str(tmp_path_factory.mktemp("audit") / "audit-keys.jsonl")
    yield os.environ["ALPR_AUDIT_KEY_REGISTRY"]


@pytest.fixture(scope="session", autouse=True)
def master_key():
    """One master key for the session's services (never the working tree's .alpr/master.key)."""
    os.environ.setdefault("ALPR_MASTER_KEY", base64.b64encode(os.urandom(32)).decode())
    yield os.environ["ALPR_MASTER_KEY"]


@pytest.fixture(scope="session")
def kafka_bootstrap():
    with components.kafka_broker() as bootstrap:
        yield bootstrap


@pytest.fixture(scope="session")
def postgres_admin_url():
    with components.postgres_server() as url:
        yield url


@pytest.fixture
def database_url(postgres_admin_url):
    """A fresh database with every service's migrations applied."""
    with components.fresh_database(postgres_admin_url) as url:
        apply_migrations(url, all_migrations())
        yield url


@pytest.fixture(scope="session")
def s3_endpoint():
    with components.s3_server() as (endpoint, access_key, secret_key):
        os.environ["S3_ACCESS_KEY"], os.environ["S3_SECRET_KEY"] = access_key, secret_key
        yield endpoint
