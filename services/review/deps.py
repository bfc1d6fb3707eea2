"""FastAPI dependencies: the runtime, a database connection, the current user, and permissions."""
from typing import Annotated, Iterator

import psycopg
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.review import domain, sharing_rules
from services.review.models import User
from services.review.identity import SESSION_COOKIE
from services.review.runtime import Runtime

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
bearer = HTTPBearer(auto_error=False, description="A review token (`alpr review add-user`), a session token "
                                                 "(`POST /v1/session`) or a JWT from the OpenID Connect issuer.")
PAGE_HEADER = "X-Requested-With"  # the page's scripts send it; a cross-site form cannot (CSRF guard)


class NotAuthenticated(Exception):
    """No bearer token, or one that belongs to no enabled user."""


class Forbidden(Exception):
    """The user's role may not do this."""


def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def get_db(runtime: RuntimeDep) -> Iterator[psycopg.Connection]:
    with runtime.pool.connection() as conn:
        yield conn


DbConn = Annotated[psycopg.Connection, Depends(get_db)]


def current_user(request: Request, conn: DbConn, runtime: RuntimeDep,
                 credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> User:
    """The user behind the bearer token or session cookie; kept on the request so the audit trail can name the actor."""
    token = credentials.credentials if credentials else request.cookies.get(SESSION_COOKIE)
    if token and not credentials and request.method not in SAFE_METHODS and PAGE_HEADER not in request.headers:
        raise NotAuthenticated(f"a request signed in by cookie that changes data must carry {PAGE_HEADER}")
    user = runtime.auth.user(conn, token) if token else None
    if user is None:
        raise NotAuthenticated("sign in (POST /v1/session) or send `Authorization: Bearer <token>` with a valid token")
    request.state.user = user
    return user


CurrentUser = Annotated[User, Depends(current_user)]


class Permission:
    """One predicate on the current user, declared on each route that needs it."""

    def __init__(self, what: str, roles: frozenset[str]):
        self.what, self.roles = what, roles

    def __call__(self, user: CurrentUser) -> None:
        if not domain.may(user.role, self.roles):
            raise Forbidden(f"role {user.role!r} may not {self.what}")


CanReadCases = Depends(Permission("read cases", domain.CASE_READERS))
CanViewEvidence = Depends(Permission("view evidence", domain.EVIDENCE_VIEWERS))
CanDecide = Depends(Permission("decide cases", domain.DECIDERS))
CanAssignCases = Depends(Permission("assign cases", domain.SUPERVISORS))
CanReverseDecisions = Depends(Permission("reverse decisions", domain.SUPERVISORS))
CanOverseeDecisions = Depends(Permission("see decisions by officer", domain.OVERSEERS))

CanRequestSharing = Depends(Permission("request data sharing", sharing_rules.REQUESTERS))
CanDecideSharing = Depends(Permission("decide sharing requests", sharing_rules.APPROVERS))
CanSeeSharing = Depends(Permission("see sharing requests", sharing_rules.VIEWERS))
CanExportSharing = Depends(Permission("export shared data", sharing_rules.APPROVERS))


def declares_permission(route) -> bool:
    return any(isinstance(dep.call, Permission) for dep in route.dependant.dependencies)
