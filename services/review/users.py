"""Local review users: a bearer token (only its SHA-256 is stored, shown once) and an optional password."""
import hashlib
import secrets

import psycopg

from alpr_common.db import connect
from services.review.domain import ROLES
from services.review.models import User
from services.review.passwords import WeakPassword, hash_password, password_matches


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


def set_password(database_url: str, name: str, password: str) -> None:
    """Store the argon2id hash of a new password for an existing user."""
    try:
        hashed = hash_password(password)
    except WeakPassword as exc:
        raise UserError(str(exc)) from None
    with connect(database_url, autocommit=True) as conn:
        if conn.execute("UPDATE review.users SET password_hash = %s WHERE name = %s", (hashed, name)).rowcount == 0:
            raise UserError(f"no user named {name!r}")


def user_with_password(conn: psycopg.Connection, name: str, password: str) -> User | None:
    """The enabled user with this name and password, or None (in about the same time either way)."""
    row = conn.execute("SELECT role, password_hash FROM review.users WHERE name = %s AND NOT disabled",
                       (name,)).fetchone()
    matches = password_matches(row["password_hash"] if row else None, password)
    return User(name, row["role"]) if row and matches else None


def enabled_user(conn: psycopg.Connection, name: str) -> User | None:
    """The user by name with their current role, or None when unknown or disabled."""
    row = conn.execute("SELECT name, role FROM review.users WHERE name = %s AND NOT disabled", (name,)).fetchone()
    return User(**row) if row else None


def may_be_assigned(conn: psycopg.Connection, name: str) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM review.users WHERE name = %s AND NOT disabled "
                        "AND role IN ('officer', 'supervisor')) AS ok", (name,)).fetchone()["ok"]
