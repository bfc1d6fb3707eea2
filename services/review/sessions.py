"""Signed sessions for local users (HS256 JWTs), and verification of an OpenID Connect issuer's JWTs.

Token lifetimes use the wall clock, not the service clock: the service clock is the simulated time of
the evidence (moved by the demo and tests), while PyJWT checks `exp` against real time.
"""
import secrets
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jwt

from services.review.domain import ROLES
from services.review.models import User

LOCAL_ISSUER = "alpr-review"
ASYMMETRIC = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384"]


class InvalidToken(Exception):
    """A token that is not well formed, not signed by a trusted key, expired, or for someone else."""


def is_jwt(token: str) -> bool:
    return token.count(".") == 2


def issuer_of(token: str) -> str:
    """The `iss` claim, read before verification only to choose the verifier."""
    try:
        return str(jwt.decode(token, options={"verify_signature": False}).get("iss", ""))
    except jwt.PyJWTError as exc:
        raise InvalidToken(str(exc)) from None


def role_from_claim(value) -> str:
    """The first review role in a role claim (a string or a list); "" (no permission) when none."""
    listed = [value] if isinstance(value, str) else list(value or [])
    return next((r for r in listed if r in ROLES), "")


class SessionSigner:
    """Issues and checks the session tokens of users who signed in with a password."""

    def __init__(self, secret: str | None, minutes: int):
        self.key = secret or secrets.token_urlsafe(32)  # unset: sessions end when the process does
        self.lifetime = timedelta(minutes=minutes)

    def issue(self, name: str) -> tuple[str, datetime]:
        now = datetime.now(timezone.utc)
        claims = {"iss": LOCAL_ISSUER, "aud": LOCAL_ISSUER, "sub": name, "iat": now, "exp": now + self.lifetime}
        return jwt.encode(claims, self.key, algorithm="HS256"), now + self.lifetime

    def subject(self, token: str) -> str:
        """The user name the token was issued to; raises InvalidToken."""
        try:
            claims = jwt.decode(token, self.key, algorithms=["HS256"], audience=LOCAL_ISSUER, issuer=LOCAL_ISSUER,
                                options={"require": ["exp", "sub"]})
        except jwt.PyJWTError as exc:
            raise InvalidToken(str(exc)) from None
        return claims["sub"]


class OidcVerifier:
    """Checks JWTs from the city's identity provider: signature (JWKS), issuer, audience, expiry."""

    def __init__(self, issuer: str, audience: str, jwks_path: str | None = None, jwks_url: str | None = None,
                 role_claim: str = "roles", name_claim: str = "preferred_username"):
        self.issuer, self.audience, self.role_claim, self.name_claim = issuer, audience, role_claim, name_claim
        self.keys = jwt.PyJWKSet.from_json(Path(jwks_path).read_text()) if jwks_path else None
        self.client = jwt.PyJWKClient(jwks_url, cache_keys=True) if jwks_url else None

    def user(self, token: str) -> User:
        """The user named by a valid token, with the role from its role claim; raises InvalidToken."""
        try:
            key = self._key(token)
            claims = jwt.decode(token, key, algorithms=ASYMMETRIC, audience=self.audience,
                                issuer=self.issuer, options={"require": ["exp", "iss", "aud", "sub"]})
        except jwt.PyJWTError as exc:
            raise InvalidToken(str(exc)) from None
        return User(name=str(claims.get(self.name_claim) or claims["sub"]), role=role_from_claim(claims.get(self.role_claim)))

    def _key(self, token: str):
        if self.client:
            return self.client.get_signing_key_from_jwt(token).key
        kid = jwt.get_unverified_header(token).get("kid")
        for key in self.keys.keys:
            if kid is None or key.key_id == kid:
                return key.key
        raise InvalidToken(f"no key {kid!r} in the issuer's key set")
