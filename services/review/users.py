"""Review users and their bearer tokens. Only a token's SHA-256 is stored; the token is shown once."""
import hashlib
import secrets

import psycopg

from alpr_common.db import connect
from services.review.domain import ROLES
from services.review.models import User


class UserError(ValueError):
    """A user cannot be created or changed as asked; the message says why."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(database_url: str, name: str, role: str) -> str:
    """Create a user with a new random token and return the token (it cannot be recovered later)."""
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if not name.strip():
        raise UserError("a user needs a name")
    token = secrets.token_urlsafe(32)
    with connect(database_url, autocommit=True) as conn:
        try:
            conn.execute("INSERT INTO review.users (name, role, token_sha256) VALUES (%s, %s, %s)",
                         (name, role, hash_token(token)))
        except psycopg.errors.UniqueViolation:
            raise UserError(f"a user named {name!r} already exists") from None
    return token


def list_users(database_url: str) -> list[dict]:
    with connect(database_url) as conn:
        return conn.execute("SELECT name, role, disabled, created_at FROM review.users ORDER BY name").fetchall()


def disable_user(database_url: str, name: str) -> None:
    with connect(database_url, autocommit=True) as conn:
        if conn.execute("UPDATE review.users SET disabled = true WHERE name = %s", (name,)).rowcount == 0:
            raise UserError(f"no user named {name!r}")


def user_for_token(conn: psycopg.Connection, token: str) -> User | None:
    """The enabled user holding this token, or None."""
    row = conn.execute("SELECT name, role FROM review.users WHERE token_sha256 = %s AND NOT disabled",
                       (hash_token(token),)).fetchone()
    return User(**row) if row else None
