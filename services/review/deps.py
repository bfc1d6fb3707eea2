"""FastAPI dependencies: the runtime, a database connection, the current user, and permissions."""
from typing import Annotated, Iterator

import psycopg
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from alpr_common.db import connect
from services.review import domain
from services.review.models import User
from services.review.runtime import Runtime
from services.review.users import user_for_token

bearer = HTTPBearer(auto_error=False, description="A review user's token (`alpr review add-user`).")


class NotAuthenticated(Exception):
    """No bearer token, or one that belongs to no enabled user."""


class Forbidden(Exception):
    """The user's role may not do this."""


def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def get_db(runtime: RuntimeDep) -> Iterator[psycopg.Connection]:
    with connect(runtime.database_url, autocommit=True) as conn:
        yield conn


DbConn = Annotated[psycopg.Connection, Depends(get_db)]


def current_user(request: Request, conn: DbConn,
                 credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> User:
    """The user behind the bearer token; kept on the request so the audit trail can name the actor."""
    user = user_for_token(conn, credentials.credentials) if credentials else None
    if user is None:
        raise NotAuthenticated("send `Authorization: Bearer <token>` with a valid review token")
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


def declares_permission(route) -> bool:
    return any(isinstance(dep.call, Permission) for dep in route.dependant.dependencies)
