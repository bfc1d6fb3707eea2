"""Camera devices and their bearer tokens; only a SHA-256 hash of each token is stored."""
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

import psycopg

from alpr_common.db import connect
from alpr_common.errors import ConfigError
from services.ingest import repository
from services.ingest.metadata import DEVICE_ID_PATTERN

MIGRATE_HINT = "the ingest tables do not exist in this database; run `alpr db migrate` first"


class DeviceExists(Exception):
    """A device with that id is already registered."""


@dataclass(frozen=True)
class Device:
    device_id: str
    created_at: datetime
    disabled: bool


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_device_id(device_id: str) -> str:
    if not re.fullmatch(DEVICE_ID_PATTERN, device_id):
        raise ValueError(f"device id {device_id!r}: use 1-64 characters of A-Z a-z 0-9 . _ - starting with a letter or digit")
    return device_id


def register_device(database_url: str, device_id: str) -> str:
    """Register a device and return its new token (shown once; only its hash is kept)."""
    token = secrets.token_urlsafe(32)
    try:
        with _connect(database_url) as conn:
            repository.insert_device(conn, check_device_id(device_id), token_hash(token))
    except psycopg.errors.UniqueViolation:
        raise DeviceExists(f"device {device_id!r} is already registered") from None
    return token


def authenticate(database_url: str, token: str) -> str | None:
    """The id of the enabled device holding this token, or None (database errors propagate)."""
    with connect(database_url) as conn:
        return repository.device_for_token(conn, token_hash(token))


def list_devices(database_url: str) -> list[Device]:
    with _connect(database_url) as conn:
        return [Device(**row) for row in repository.all_devices(conn)]


def set_disabled(database_url: str, device_id: str, disabled: bool = True) -> bool:
    """Disable (or enable again) a device; False when there is no such device."""
    with _connect(database_url) as conn:
        return repository.set_device_disabled(conn, device_id, disabled)


def check_schema(database_url: str) -> None:
    with _connect(database_url) as conn:
        repository.check_schema(conn)


def _connect(database_url: str) -> psycopg.Connection:
    try:
        conn = connect(database_url)
    except psycopg.OperationalError as exc:
        raise ConfigError(f"cannot reach the database: {exc}") from exc
    return _SchemaHint(conn)


class _SchemaHint:
    """Turns 'relation ingest.devices does not exist' into a message saying how to fix it."""

    def __init__(self, conn: psycopg.Connection):
        self.conn = conn

    def __enter__(self) -> psycopg.Connection:
        return self.conn.__enter__()

    def __exit__(self, exc_type, exc, tb):
        self.conn.__exit__(exc_type, exc, tb)
        if isinstance(exc, psycopg.errors.UndefinedTable):
            raise ConfigError(MIGRATE_HINT) from exc
        return False
