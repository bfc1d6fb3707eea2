"""Every error as JSON `{"error": code, "detail": message}`, mapped from exceptions in one table."""
import logging
from urllib.parse import quote

import psycopg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from alpr_common.crypto import SealBroken
from alpr_common.errors import BrokerUnavailable, StorageUnavailable
from services.review import domain, sharing_rules
from services.review.deps import Forbidden, NotAuthenticated
from services.review.templating import refused_page
from services.review.users import UserError

log = logging.getLogger(__name__)
RETRY_AFTER_S = "5"
ERRORS: dict[type[Exception], tuple[int, str]] = {
    NotAuthenticated: (401, "not_authenticated"),
    Forbidden: (403, "forbidden"),
    domain.CaseNotFound: (404, "case_not_found"),
    domain.EvidenceNotFound: (404, "evidence_not_found"),
    domain.EvidenceDestroyed: (410, "evidence_destroyed"),
    domain.CaseShredded: (410, "case_shredded"),
    domain.CaseExpired: (410, "case_expired"),
    domain.CaseAlreadyDecided: (409, "case_already_decided"),
    domain.EvidenceNotViewed: (409, "evidence_not_viewed"),
    domain.InvalidDecision: (422, "invalid_decision"),
    domain.CaseAssignedElsewhere: (409, "case_assigned_elsewhere"),
    domain.NotReversible: (409, "not_reversible"),
    domain.CaseNotCited: (409, "case_not_cited"),
    sharing_rules.SharingNotFound: (404, "sharing_request_not_found"),
    sharing_rules.InvalidSharingRequest: (422, "invalid_sharing_request"),
    sharing_rules.SelfApproval: (403, "self_approval"),
    sharing_rules.SharingAlreadyDecided: (409, "sharing_already_decided"),
    sharing_rules.NotExportable: (409, "not_exportable"),
    UserError: (422, "invalid_user"),
    BrokerUnavailable: (503, "broker_unavailable"),
    StorageUnavailable: (503, "storage_unavailable"),
    SealBroken: (500, "evidence_integrity"),  # a sealed value that does not open: tampered, or the wrong master key
}
HEADERS = {401: {"WWW-Authenticate": "Bearer"}, 503: {"Retry-After": RETRY_AFTER_S}}


def error_response(status: int, code: str, detail: str) -> JSONResponse:
    return JSONResponse({"error": code, "detail": detail}, status_code=status, headers=HEADERS.get(status))


def is_page(request: Request) -> bool:
    """The officers' web page (HTML), as opposed to the JSON API under /v1/."""
    return request.method == "GET" and not request.url.path.startswith("/v1/")


async def mapped_error(request: Request, exc: Exception) -> Response:
    if is_page(request) and isinstance(exc, NotAuthenticated):
        request.state.audit_outcome = "denied"  # a redirect to sign in, not an allowed access
        return RedirectResponse(f"/signin?next={quote(request.url.path)}", status_code=303)
    if is_page(request) and isinstance(exc, Forbidden):
        return refused_page(request, str(exc))
    status, code = ERRORS[type(exc)]
    if status == 500:
        log.error("%s: %s", code, exc)
    return error_response(status, code, str(exc))


async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return error_response(exc.status_code, code, str(exc.detail))


async def database_error(request: Request, exc: psycopg.OperationalError) -> JSONResponse:
    log.error("database unavailable: %s", exc)
    return error_response(503, "database_unavailable", "the case database cannot be reached; try again")


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
    return error_response(422, "invalid_request", problems)


def install_error_handlers(app: FastAPI) -> None:
    for exc_type in ERRORS:
        app.add_exception_handler(exc_type, mapped_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(psycopg.OperationalError, database_error)
