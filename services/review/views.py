"""The officers' API. Authentication is added where the router is assembled (app.py)."""
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from services.review import evidence, evidence_sheet, flows, present, repository
from services.review.domain import STATUS_AFTER, validated_decision
from services.review.deps import CanDecide, CanReadCases, CanViewEvidence, CurrentUser, DbConn, RuntimeDep

router = APIRouter(prefix="/v1/cases", tags=["cases"])
CaseId = Annotated[str, Path(max_length=200)]


class DecisionBody(BaseModel):
    outcome: Literal["confirm", "reject"]
    corrected_plate: str | None = Field(None, description="The plate as read on the photo, A-Z0-9, 2-8 characters")
    reason: str | None = Field(None, description="Required to reject: misread, valid_permit, not_parked, moved, "
                                                 "plate_obstructed or other")
    note: str | None = None


@router.get("", name="case.list", dependencies=[CanReadCases])
def list_cases(conn: DbConn, runtime: RuntimeDep, status: Literal["open", "confirmed", "rejected", "expired"] = "open",
               limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict:
    """List cases with a status, oldest first."""
    listed = evidence.summary_plates(runtime.keystore, repository.list_cases(conn, status, limit))
    return {"cases": [present.case_summary(c, plate) for c, plate in listed]}


@router.get("/{case_id}", name="case.view", dependencies=[CanReadCases])
def get_case(case_id: CaseId, conn: DbConn, runtime: RuntimeDep) -> dict:
    """Show a case with its sightings and decision (410 once its evidence is shredded)."""
    return present.case_detail(*flows.view_case(conn, runtime.keystore, case_id))


@router.get("/{case_id}/evidence/{n}", name="evidence.view", dependencies=[CanViewEvidence],
            response_class=Response, responses={200: {"content": {"image/jpeg": {}, "image/png": {}}}})
def get_evidence(case_id: CaseId, n: Annotated[int, Path(ge=0)], conn: DbConn, user: CurrentUser,
                 runtime: RuntimeDep) -> Response:
    """Return the image of one sighting, opened from its sealed copy."""
    data, content_type = flows.open_evidence(conn, runtime.keystore, runtime.store, runtime.clock, case_id, n, user)
    return Response(data, media_type=content_type, headers={"Cache-Control": "no-store, private"})


@router.get("/{case_id}/evidence-sheet", name="evidence_sheet.view", dependencies=[CanViewEvidence],
            response_class=Response, responses={200: {"content": {"text/html": {}, "application/pdf": {}}}})
def get_evidence_sheet(case_id: CaseId, conn: DbConn, runtime: RuntimeDep,
                       format: Literal["html", "pdf"] = "html") -> Response:
    """The motorist's evidence sheet of a cited case, as HTML or PDF."""
    content = flows.evidence_sheet(conn, runtime.keystore, runtime.store, case_id)
    if format == "pdf":
        return Response(evidence_sheet.render_pdf(content), media_type="application/pdf",
                        headers={"Cache-Control": "no-store, private"})
    return Response(evidence_sheet.render_html(content), media_type="text/html",
                    headers={"Cache-Control": "no-store, private"})


@router.post("/{case_id}/decision", name="case.decide", dependencies=[CanDecide])
def decide_case(case_id: CaseId, body: DecisionBody, conn: DbConn, user: CurrentUser, runtime: RuntimeDep) -> dict:
    """Confirm or reject an open case."""
    decision = validated_decision(body.outcome, body.reason, body.corrected_plate, body.note)
    record = flows.decide(conn, runtime.keystore, runtime.producer, runtime.clock, case_id, user, decision)
    return present.decision_result(case_id, STATUS_AFTER[decision.outcome], record)
