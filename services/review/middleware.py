"""Once per request: a request id, metrics, and an audit event for every route that touches data."""
import logging
import time

from fastapi import Request
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import Response

from alpr_common.logs import REQUEST_ID_HEADER, bind_request_id
from services.review.errors import error_response
from services.review.metrics import observe_request

log = logging.getLogger(__name__)
PUBLIC = "public"  # the tag that marks a route as open to anyone (probes and metrics)
RESOURCE_PARAMS = ("case_id", "sharing_id")  # the path parameter that names what was accessed, if any
DEFAULT_PURPOSE = "parking enforcement"


def is_audited(route) -> bool:
    return isinstance(route, APIRoute) and PUBLIC not in route.tags


def audit_outcome(status: int) -> str:
    if status in (401, 403):
        return "denied"
    if status in (404, 410):
        return "not_found"
    if status < 400:
        return "allowed"
    return "invalid" if status < 500 else "failed"


class RequestContext(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next) -> Response:
        request_id = bind_request_id(request.headers.get(REQUEST_ID_HEADER))
        request.state.request_id = request_id
        started = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception:
            log.exception("unhandled error", extra={"fields": {"request_id": request_id}})
            response = error_response(500, "internal_error", f"unexpected error; request id {request_id}")
        route = request.scope.get("route")
        if is_audited(route):
            response = await run_in_threadpool(_audited, request, route, response)
        observe_request(getattr(route, "path", "unmatched"), request.method, response.status_code,
                        time.perf_counter() - started)
        response.headers[REQUEST_ID_HEADER] = request_id
        return response


def _audited(request: Request, route: APIRoute, response: Response) -> Response:
    """Record the access; if the audit trail cannot take it, the caller gets a 503 instead of the data."""
    runtime, user = request.app.state.runtime, getattr(request.state, "user", None)
    details = {k: str(v) for k, v in request.path_params.items() if k not in RESOURCE_PARAMS}
    details |= getattr(request.state, "audit_details", None) or {}  # what a route adds, e.g. the cases exported
    resource = next((request.path_params[p] for p in RESOURCE_PARAMS if p in request.path_params), route.tags[0])
    outcome = getattr(request.state, "audit_outcome", None) or audit_outcome(response.status_code)
    purpose = getattr(request.state, "audit_purpose", None) or DEFAULT_PURPOSE
    try:
        runtime.audit.record(
            actor=user.name if user else "anonymous", role=user.role if user else "", action=route.name,
            actor_kind="vendor" if user and user.role == "vendor" else "person",
            resource=resource, outcome=outcome, purpose=purpose,
            request_id=request.state.request_id, details={**details, "status": str(response.status_code)},
            at=runtime.clock.now())
    except Exception as exc:  # whatever the cause, an unrecorded access must not return data
        log.error("audit event not recorded: %s", exc, extra={"fields": {"request_id": request.state.request_id}})
        if response.status_code < 400:
            return error_response(503, "audit_unavailable", "the access could not be recorded on the audit trail; try again")
    return response
