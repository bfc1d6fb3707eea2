"""PostgreSQL: the server named by DATABASE_URL, else an embedded one from pgserver."""
from alpr_common.db.connection import connect, resolve_database_url
from alpr_common.db.migrations import Migration, apply_migrations, service_migrations
from alpr_common.db.scratch import scratch_database

__all__ = ["connect", "resolve_database_url", "Migration", "apply_migrations", "service_migrations", "scratch_database"]
