"""Sign-in: a name and password (a form from the page, or JSON) for a signed session; and sign-out."""
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field, ValidationError

from services.review.deps import DbConn, NotAuthenticated, RuntimeDep
from services.review.identity import SESSION_COOKIE
from services.review.middleware import PUBLIC
from services.review.present import iso
from services.review.templating import sign_in_page
from services.review.users import user_with_password

router = APIRouter(tags=["session"])  # public but audited: every sign-in attempt is recorded
signout_router = APIRouter(tags=[PUBLIC])


class SignIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=1000)
    next: str = "/"


def is_form(request: Request) -> bool:
    return not request.headers.get("content-type", "").startswith("application/json")


async def sign_in_body(request: Request) -> SignIn:
    data = dict(await request.form()) if is_form(request) else await request.json()
    try:
        return SignIn.model_validate(data)
    except ValidationError as exc:
        raise RequestValidationError([e | {"loc": ("body", *e["loc"])} for e in exc.errors()]) from None


def local_path(target: str) -> str:
    """Only a path on this site is a place to go after signing in (no open redirect)."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


@router.post("/v1/session", name="session.create")
def create_session(request: Request, body: Annotated[SignIn, Depends(sign_in_body)], conn: DbConn,
                   runtime: RuntimeDep) -> Response:
    """Sign in with a name and password: a session token, and the page's session cookie."""
    user = user_with_password(conn, body.name, body.password)
    if user is None:
        if is_form(request):
            return sign_in_page(request, local_path(body.next), failed=True)
        raise NotAuthenticated("unknown name or wrong password (or the user is disabled)")
    request.state.user = user
    token, expires = runtime.auth.sessions.issue(user.name)
    response = (RedirectResponse(local_path(body.next), status_code=303) if is_form(request) else
                JSONResponse({"token": token, "token_type": "bearer", "expires_at": iso(expires),
                              "name": user.name, "role": user.role}))
    response.set_cookie(SESSION_COOKIE, token, max_age=int(runtime.auth.sessions.lifetime.total_seconds()),
                        httponly=True, samesite="strict", secure=request.url.scheme == "https", path="/")
    return response


@signout_router.post("/signout", name="session.end")
def sign_out() -> RedirectResponse:
    """Forget the page's session cookie."""
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
