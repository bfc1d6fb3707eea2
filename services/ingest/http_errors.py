"""Every error leaves as JSON {"error": "<short_code>", "detail": "<message naming the field>"}."""
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from services.ingest.accept import Unavailable
from services.ingest.metrics import REJECTIONS
from services.ingest.rejection import FrameRejected

log = logging.getLogger(__name__)
STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type"}


def error_response(status: int, code: str, detail: str, headers: dict | None = None) -> JSONResponse:
    if 400 <= status < 500:
        REJECTIONS.labels(code).inc()
    return JSONResponse({"error": code, "detail": detail}, status_code=status, headers=headers)


def describe_validation_error(exc: RequestValidationError) -> str:
    """'image: Field required' for FastAPI's own errors on the request's parts."""
    parts = []
    for error in exc.errors():
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "header", "path")]
        parts.append(f"{'.'.join(loc) or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts)


def install_error_handlers(app: FastAPI, retry_after_s: int) -> None:
    @app.exception_handler(FrameRejected)
    async def rejected(_: Request, exc: FrameRejected):
        return error_response(exc.status, exc.code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError):
        return error_response(422, "invalid_request", describe_validation_error(exc))

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException):
        code = STATUS_CODES.get(exc.status_code, f"http_{exc.status_code}")
        return error_response(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Unavailable)
    async def unavailable(_: Request, exc: Unavailable):
        log.warning("upload refused for now: %s", exc)
        return error_response(503, f"{exc.component}_unavailable", f"{exc}; retry later",
                              {"Retry-After": str(retry_after_s)})

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception):
        log.error("unexpected error", exc_info=exc)
        return error_response(500, "internal_error", "an unexpected error occurred; it has been logged")
