"""Every HTTP route an app offers, flattened (included routers too), with the names of its parameters."""
import re
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute, Mount

try:  # FastAPI >= 0.16x keeps included routers as branches; this walks them as the app matches requests
    from fastapi.routing import iter_route_contexts
except ImportError:  # older FastAPI copies included routes into app.routes
    def iter_route_contexts(routes):
        return iter(routes)


@dataclass(frozen=True)
class Route:
    methods: frozenset[str]
    path: str
    url_params: frozenset[str]  # path and query parameter names (and aliases)
    body_fields: frozenset[str]  # body parameter names and the fields of body models

    @property
    def words(self) -> set[str]:
        """The path's words: /v1/plate-reads/{id} -> {"v", "plate", "reads", "id"}."""
        return set(re.findall(r"[a-z]+", self.path.lower()))

    @property
    def all_params(self) -> frozenset[str]:
        return self.url_params | self.body_fields


def routes_of(app: FastAPI) -> list[Route]:
    return [_route(ctx) for ctx in iter_route_contexts(app.routes)]


def _route(ctx: BaseRoute) -> Route:
    original = getattr(ctx, "original_route", ctx)
    path = getattr(ctx, "path", None) or getattr(original, "path", "")
    if not isinstance(original, APIRoute):  # static mounts, docs pages, raw Starlette routes
        methods = getattr(original, "methods", None) or ({"GET"} if isinstance(original, Mount) else set())
        return Route(frozenset(methods), path, frozenset(), frozenset())
    dependants = list(_walk(original.dependant))
    url = {n for d in dependants for p in d.path_params + d.query_params for n in (p.name, p.alias)}
    bodies = [p for d in dependants for p in d.body_params]
    body = {p.name for p in bodies} | {f for p in bodies for f in _model_fields(p)}
    return Route(frozenset(original.methods), path, frozenset(url), frozenset(body))


def _walk(dependant):
    """The route's own parameters and those of every dependency it declares."""
    yield dependant
    for sub in dependant.dependencies:
        yield from _walk(sub)


def _model_fields(param) -> set[str]:
    annotation = getattr(param.field_info, "annotation", None)
    fields = getattr(annotation, "model_fields", None) or {}
    return set(fields) | {f.alias for f in fields.values() if getattr(f, "alias", None)}
