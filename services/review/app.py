"""Assembles the review service: public probes and sign-in, and everything else behind authentication."""
from fastapi import APIRouter, Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from services.review import health, pages, session_views, sharing_views, supervision_views, views
from services.review.deps import current_user, declares_permission
from services.review.errors import install_error_handlers
from services.review.middleware import RequestContext
from services.review.runtime import Runtime
from services.review.settings import ReviewSettings
from services.review.templating import STATIC

# Every route in these needs a signed-in user, and declares which roles may use it.
PROTECTED = (views.router, supervision_views.router, pages.router, sharing_views.router)
# Open to anyone: probes, metrics, the sign-in form and sign-out (tagged "public", not audited),
# and sign-in itself (audited: every attempt is recorded).
OPEN = (health.router, pages.public_router, session_views.signout_router, session_views.router)


def create_app(settings: ReviewSettings | None = None) -> FastAPI:
    """Raises ConfigError when a required setting (KAFKA_BOOTSTRAP_SERVERS) is missing or OIDC is half set."""
    runtime = Runtime.from_settings(settings or ReviewSettings())
    app = FastAPI(title="alpr review", summary="Officers review violation cases before any citation exists.",
                  lifespan=runtime.lifespan)
    app.state.runtime = runtime
    install_error_handlers(app)
    app.add_middleware(RequestContext)
    for router in OPEN:
        app.include_router(router)
    for router in PROTECTED:
        _deny_by_default(router)
        app.include_router(router, dependencies=[Depends(current_user)])
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _deny_by_default(router: APIRouter) -> None:
    """Refuse to start if a protected route forgot to say which roles may use it."""
    unguarded = [r.path for r in router.routes if not declares_permission(r)]
    if unguarded:
        raise RuntimeError(f"routes without a permission check: {', '.join(unguarded)}")
