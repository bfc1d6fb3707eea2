"""Calling every data route of an app once and finding the audit event each call left (by request id)."""
import uuid

from fastapi import FastAPI
from fastapi.routing import APIRoute

from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.logs import REQUEST_ID_HEADER
from alpr_common.topics import AUDIT
from tests.support.kafka_read import read_until

try:  # FastAPI >= 0.16x keeps included routers as branches
    from fastapi.routing import iter_route_contexts
except ImportError:
    def iter_route_contexts(routes):
        return iter(routes)


def api_routes(app: FastAPI) -> list[APIRoute]:
    return [r for r in (getattr(c, "original_route", c) for c in iter_route_contexts(app.routes)) if isinstance(r, APIRoute)]


def path_with_dummies(route: APIRoute) -> str:
    """The route's path with every parameter filled by an id that names nothing (answers 404 or 4xx)."""
    path = route.path
    for param in route.dependant.path_params:
        path = path.replace("{" + param.name + "}", "1" if param.field_info.annotation is int else "no-such-thing")
    return path


def call_every_route(client, routes: list[APIRoute], headers: dict[str, str]) -> dict[str, tuple[str, str]]:
    """request id -> (method and path, route name), one call per method of each route."""
    calls = {}
    for route in routes:
        for method in sorted(route.methods - {"HEAD"}):
            request_id = uuid.uuid4().hex
            response = client.request(method, path_with_dummies(route), headers={**headers, REQUEST_ID_HEADER: request_id},
                                      **({"json": {}} if method == "POST" else {}))
            assert response.headers.get(REQUEST_ID_HEADER) == request_id
            calls[request_id] = (f"{method} {route.path} -> {response.status_code}", route.name)
    return calls


def audit_events_for(bootstrap: str, request_ids: set[str], timeout_s: float = 30.0) -> dict[str, AuditEvent]:
    """The audit events carrying these request ids; whatever has not arrived by the deadline is absent."""
    found: dict[str, AuditEvent] = {}
    read = [0]  # how many of the (growing) message list have been looked at

    def all_found(messages) -> bool:
        for m in messages[read[0]:]:
            event = AuditEvent.FromString(m.value())
            if event.request_id in request_ids:
                found[event.request_id] = event
        read[0] = len(messages)
        return set(found) == request_ids

    try:
        read_until(bootstrap, [AUDIT.name], all_found, timeout_s)
    except TimeoutError:
        pass  # the caller reports which calls left no event
    return found
