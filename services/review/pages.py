"""The officers' web page: the queue and a case, rendered on the server. Authentication is added in app.py."""
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from services.review import domain, evidence, flows, page_model, repository
from services.review.deps import CanReadCases, CurrentUser, DbConn, RuntimeDep
from services.review.middleware import PUBLIC
from services.review.present import iso
from services.review.session_views import local_path
from services.review.templating import sign_in_page, templates

router = APIRouter(tags=["page"], include_in_schema=False)
public_router = APIRouter(tags=[PUBLIC], include_in_schema=False)
QUEUE_LIMIT = 200


@public_router.get("/signin", name="page.signin", response_class=HTMLResponse)
def sign_in(request: Request, next: str = "/"):
    """The sign-in form."""
    return sign_in_page(request, local_path(next))


@router.get("/", name="page.queue", response_class=HTMLResponse, dependencies=[CanReadCases])
def queue(request: Request, conn: DbConn, user: CurrentUser, runtime: RuntimeDep):
    """The queue of open cases, oldest first."""
    cases = evidence.summary_plates(runtime.keystore, repository.list_cases(conn, domain.OPEN, QUEUE_LIMIT))
    return templates.TemplateResponse(request, "queue.html", {"user": user, "cases": cases, "iso": iso,
                                                              "shortcuts": page_model.SHORTCUTS})


@router.get("/cases/{case_id}", name="page.case", response_class=HTMLResponse, dependencies=[CanReadCases])
def case_page(request: Request, case_id: Annotated[str, Path(max_length=200)], conn: DbConn, user: CurrentUser,
              runtime: RuntimeDep):
    """One case: its sightings, rule, map, and the decision form."""
    case, plates = flows.view_case(conn, runtime.keystore, case_id)
    previous, following = repository.queue_neighbours(conn, case)
    return templates.TemplateResponse(request, "case.html", {
        "user": user, "case": case, "plates": plates, "iso": iso, "previous": previous, "next": following,
        "elapsed": page_model.elapsed_text(page_model.elapsed(case)), "spread_m": page_model.spread_m(case),
        "points": page_model.map_points(case.sightings), "reach_m": page_model.map_reach_m(case.sightings),
        "map": (page_model.MAP_W, page_model.MAP_H), "reasons": page_model.REASON_LABELS,
        "shortcuts": page_model.SHORTCUTS, "may_view_evidence": domain.may(user.role, domain.EVIDENCE_VIEWERS),
        "may_decide": domain.may(user.role, domain.DECIDERS) and case.status == domain.OPEN})
