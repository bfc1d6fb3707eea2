"""Password hashing for local users: argon2id (argon2-cffi), salted, memory-hard, parameters in the hash."""
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHER = PasswordHasher()  # argon2id, RFC 9106 low-memory profile: 64 MiB, 3 passes
MIN_LENGTH = 12
# Verified when the user does not exist, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = HASHER.hash(secrets.token_urlsafe(16))


class WeakPassword(ValueError):
    pass


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"a password needs at least {MIN_LENGTH} characters")
    return HASHER.hash(password)


def generated_password() -> str:
    return secrets.token_urlsafe(15)  # 20 characters, 120 bits


def password_matches(stored_hash: str | None, password: str) -> bool:
    """True only when the password matches; a missing hash still costs one verification."""
    try:
        return HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False
