"""The composition root's view of the services: names and where their migrations live.

The key store's schema (`keys`, alpr_common/keys_migrations) comes first: every service uses it.
"""
from pathlib import Path

from alpr_common.db import Migration, service_migrations

SERVICES = ("ingest", "ocr", "rules", "review", "retention", "reporting")
ROOT = Path(__file__).resolve().parent.parent


def all_migrations() -> list[Migration]:
    migrations = service_migrations("keys", ROOT / "alpr_common" / "keys_migrations")
    for service in SERVICES:
        migrations += service_migrations(service, ROOT / "services" / service / "migrations")
    return migrations
