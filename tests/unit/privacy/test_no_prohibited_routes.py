"""Prohibited uses are impossible: no HTTP route searches reads by plate, tracks a vehicle or exports reads in bulk.

The rules of the check are data below, so a reviewer sees exactly what is forbidden. Every app in the
repository is found by scanning services/*/ for `create_app`, built without a broker or database
(nothing connects until a request or a lifespan starts), and its whole route table is checked.
"""
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel

from tests.unit.privacy.route_table import Route, routes_of

ROOT = Path(__file__).resolve().parents[3]

# A parameter with one of these names identifies a vehicle (its plate, the plate's keyed token, ...).
PLATE_PARAM = re.compile(r"plate|token|vehicle|\bvin\b|licen[cs]e|registration", re.I)
# Path words that name observations of vehicles or their movements.
MOVEMENT_WORDS = {"read", "reads", "sighting", "sightings", "movement", "movements", "track", "tracks", "tracking",
                  "history", "trip", "trips", "location", "locations", "whereabouts", "route", "routes"}
BULK_WORDS = {"export", "exports", "bulk", "dump", "dumps", "download", "downloads"}
READ_WORDS = {"read", "reads", "sighting", "sightings", "frame", "frames", "plate", "plates", "image", "images"}


@dataclass(frozen=True)
class Prohibition:
    use: str
    rule: str
    breaks: Callable[[Route], bool]


PROHIBITED = (
    Prohibition("search plate reads by plate", "a GET route with a path or query parameter named like a plate or token",
                lambda r: "GET" in r.methods and any(PLATE_PARAM.search(p) for p in r.url_params)),
    Prohibition("list a vehicle's movements", "a route whose path names reads, sightings, movements, tracks or "
                "history and that takes a plate-like parameter anywhere (path, query or body)",
                lambda r: bool(r.words & MOVEMENT_WORDS) and any(PLATE_PARAM.search(p) for p in r.all_params)),
    Prohibition("export reads in bulk", "a route whose path names an export, bulk or dump of reads, sightings, frames or plates",
                lambda r: bool(r.words & BULK_WORDS) and bool(r.words & READ_WORDS)),
)


def violations(app) -> list[str]:
    return [f"{sorted(r.methods)} {r.path}: {p.use} ({p.rule})" for r in routes_of(app) for p in PROHIBITED if p.breaks(r)]


def closed_settings(tmp_path) -> dict:
    """A broker port nothing listens on and a database nothing connects to: building an app touches neither."""
    return dict(KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:9", DATABASE_URL="postgresql://127.0.0.1:9/none",
                ALPR_STORAGE_URL=f"file://{tmp_path / 'objects'}", ALPR_DATA_DIR=str(tmp_path))


def ingest(tmp_path):
    from services.ingest.app import create_app
    from services.ingest.settings import IngestSettings
    return create_app(IngestSettings(**closed_settings(tmp_path)))


def review(tmp_path):
    from services.review.app import create_app
    from services.review.settings import ReviewSettings
    return create_app(ReviewSettings(**closed_settings(tmp_path)))


def reporting(tmp_path):
    from services.reporting.web import create_app
    return create_app(lambda year: None, lambda: [], lambda: 2026, threshold=10, grace_minutes=60)


def rules(tmp_path):
    """A Faust stream processor; its web server is off, so it has no routes (checked, not assumed)."""
    from services.rules.app import faust_app
    from services.rules.settings import RulesSettings
    app = faust_app(RulesSettings(**closed_settings(tmp_path)))
    assert app.conf.web_enabled is False, "the rules app serves HTTP now: give it a FastAPI route table to check"
    return FastAPI()


# One builder per module that defines create_app; a new app must be added here to pass.
BUILDERS = {"services.ingest.app": ingest, "services.review.app": review, "services.reporting.web": reporting,
            "services.rules.app": rules}


def apps_in_repository() -> set[str]:
    return {f"services.{p.parent.name}.{p.stem}" for p in (ROOT / "services").glob("*/*.py")
            if re.search(r"^def create_app\(", p.read_text(), re.M)}


def test_every_app_in_the_repository_is_checked():
    assert apps_in_repository() == set(BUILDERS)


@pytest.mark.parametrize("module", sorted(BUILDERS))
def test_no_app_offers_a_prohibited_route(module, tmp_path):
    app = BUILDERS[module](tmp_path)
    assert violations(app) == []
    if module != "services.rules.app":
        assert len(routes_of(app)) >= 3  # the walk saw the app's routes, included routers too


class Lookup(BaseModel):
    plate_text: str


def forbidden_app() -> FastAPI:
    app, router = FastAPI(), APIRouter(prefix="/v1")

    @router.get("/reads")
    def search(plate: str): ...

    @router.post("/vehicles/history")
    def movements(query: Lookup): ...

    @router.get("/exports/plate-reads.csv")
    def export(): ...

    @router.get("/cases/{case_id}")
    def allowed(case_id: str): ...

    app.include_router(router)
    return app


def test_the_check_catches_each_prohibited_route_even_inside_an_included_router():
    found = violations(forbidden_app())
    assert any(v.startswith("['GET'] /v1/reads: search plate reads by plate") for v in found)
    assert any(v.startswith("['POST'] /v1/vehicles/history: list a vehicle's movements") for v in found)
    assert any(v.startswith("['GET'] /v1/exports/plate-reads.csv: export reads in bulk") for v in found)
    assert not any("/v1/cases/" in v for v in found)
    assert len(found) == 4  # GET /v1/reads?plate= is both a search by plate and a vehicle's movements
