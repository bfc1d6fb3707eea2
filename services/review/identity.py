"""Who is calling: a bearer token (opaque, a session JWT, or an OpenID Connect JWT) or the page's session cookie."""
from dataclasses import dataclass

import psycopg

from services.review.models import User
from services.review.sessions import LOCAL_ISSUER, InvalidToken, OidcVerifier, SessionSigner, is_jwt, issuer_of
from services.review.users import enabled_user, user_for_token

SESSION_COOKIE = "alpr_review_session"


@dataclass
class Authenticator:
    sessions: SessionSigner
    oidc: OidcVerifier | None = None

    def user(self, conn: psycopg.Connection, token: str) -> User | None:
        """The user a token stands for, or None when it stands for no one (now)."""
        if not is_jwt(token):
            return user_for_token(conn, token)
        try:
            issuer = issuer_of(token)
            if issuer == LOCAL_ISSUER:
                return enabled_user(conn, self.sessions.subject(token))  # disabling a user ends their sessions
            if self.oidc and issuer == self.oidc.issuer:
                return self.oidc.user(token)
        except InvalidToken:
            return None
        return None
