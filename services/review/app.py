"""Assembles the review API: public probes, and the officers' routes behind authentication."""
from fastapi import APIRouter, Depends, FastAPI

from services.review import health, views
from services.review.deps import current_user, declares_permission
from services.review.errors import install_error_handlers
from services.review.middleware import RequestContext
from services.review.runtime import Runtime
from services.review.settings import ReviewSettings

PROTECTED = (views.router,)  # every route in these needs a user, and declares which roles may use it


def create_app(settings: ReviewSettings | None = None) -> FastAPI:
    """Raises ConfigError when a required setting (KAFKA_BOOTSTRAP_SERVERS) is missing."""
    runtime = Runtime.from_settings(settings or ReviewSettings())
    app = FastAPI(title="alpr review", summary="Officers review violation cases before any citation exists.",
                  lifespan=runtime.lifespan)
    app.state.runtime = runtime
    install_error_handlers(app)
    app.add_middleware(RequestContext)
    app.include_router(health.router)  # public: every route there is tagged "public"
    for router in PROTECTED:
        _deny_by_default(router)
        app.include_router(router, dependencies=[Depends(current_user)])
    return app


def _deny_by_default(router: APIRouter) -> None:
    """Refuse to start if a protected route forgot to say which roles may use it."""
    unguarded = [r.path for r in router.routes if not declares_permission(r)]
    if unguarded:
        raise RuntimeError(f"routes without a permission check: {', '.join(unguarded)}")
