"""The public transparency page (no sign-in): `alpr reporting serve`, on REPORTING_PORT (8082)."""
from pathlib import Path
from typing import Annotated, Callable

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from prometheus_client import CONTENT_TYPE_LATEST, Counter, generate_latest

from services.reporting import transparency
from services.reporting.figures import YearFigures
from services.reporting.retention_rules import RuleInForce

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE_VIEWS = Counter("alpr_reporting_transparency_requests_total", "Requests to the transparency page", ["route"])
Year = Annotated[int | None, Query(ge=1970, le=9999, description="calendar year; default: this year")]


def create_app(year_figures: Callable[[int], YearFigures], rules: Callable[[], list[RuleInForce]],
               this_year: Callable[[], int], threshold: int, grace_minutes: int) -> FastAPI:
    """Every route is public and read-only: aggregates only, small counts suppressed."""
    app = FastAPI(title="ALPR transparency", description="Aggregated, suppressed figures of the city's parking ALPR.")
    page = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"])).get_template(
        "transparency.html")

    def figures(year: int | None) -> dict:
        return transparency.figures(year_figures(year or this_year()), rules(), threshold, grace_minutes)

    @app.get("/", response_class=HTMLResponse)
    def home(year: Year = None) -> HTMLResponse:
        """The transparency page."""
        PAGE_VIEWS.labels("home").inc()
        return HTMLResponse(page.render(f=figures(year)))

    @app.get("/v1/figures")
    def figures_json(year: Year = None) -> dict:
        """The page's figures as JSON (null: suppressed)."""
        PAGE_VIEWS.labels("figures").inc()
        return figures(year)

    @app.get("/v1/retention-rules")
    def retention_rules() -> list[dict]:
        """The retention rules in force."""
        return [vars(r) for r in rules()]

    @app.get("/healthz")
    def healthz() -> dict:
        """Liveness."""
        return {"status": "ok"}

    @app.get("/metrics")
    def metrics(request: Request) -> Response:
        """Prometheus metrics."""
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return app
