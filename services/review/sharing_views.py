"""The sharing API (SYSTEM.md promise 6): request, decide, list, export. Auth is added in app.py; every route
is audited by the central middleware, with the request's id as the resource and the exported cases named."""
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from services.review import present, sharing_flows, sharing_repository
from services.review.deps import CanDecideSharing, CanExportSharing, CanRequestSharing, CanSeeSharing, CurrentUser, DbConn, RuntimeDep
from services.review.sharing_rules import validated_reason, validated_request

router = APIRouter(prefix="/v1/sharing-requests", tags=["sharing"])
SharingId = Annotated[str, Path(max_length=200)]
PURPOSE = "data sharing under a recorded legal basis"


class SharingBody(BaseModel):
    model_config = ConfigDict(extra="forbid")  # cases by id only: no plate, no search criteria
    case_ids: list[str] = Field(min_length=1, max_length=100, description="The cases to share, by id")
    legal_basis: Literal["agreement", "subpoena", "court_order", "statute", "other"]
    reference: str = Field(description="The agreement's or the order's reference")
    recipient: str = Field(description="The organisation that receives the data")
    purpose: str = Field(description="Why it is shared (kept in the database, never on a topic)")


class SharingDecisionBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Literal["approve", "deny"]
    reason: str = Field(description="Why (kept in the database, never on a topic)")


def _audit(request: Request, **details: str) -> None:
    request.state.audit_details = details
    request.state.audit_purpose = PURPOSE


@router.post("", name="sharing.request", status_code=201, dependencies=[CanRequestSharing])
def request_sharing(body: SharingBody, request: Request, conn: DbConn, user: CurrentUser, runtime: RuntimeDep) -> dict:
    """Record a request to share cases with another organisation; a supervisor must approve it."""
    asked = validated_request(body.case_ids, body.legal_basis, body.reference, body.recipient, body.purpose)
    record = sharing_flows.request(conn, runtime.producer, runtime.clock, asked, user)
    _audit(request, sharing_id=record.request_id, cases=",".join(record.case_ids), legal_basis=record.legal_basis)
    return present.sharing_request(record)


@router.post("/{sharing_id}/decision", name="sharing.decide", dependencies=[CanDecideSharing])
def decide_sharing(sharing_id: SharingId, body: SharingDecisionBody, request: Request, conn: DbConn,
                   user: CurrentUser, runtime: RuntimeDep) -> dict:
    """Approve or deny a pending request, with a reason; nobody approves their own request."""
    _audit(request, decision=body.decision)
    record = sharing_flows.decide(conn, runtime.producer, runtime.clock, sharing_id, body.decision,
                                  validated_reason(body.reason), user)
    return present.sharing_request(record)


@router.get("", name="sharing.list", dependencies=[CanSeeSharing])
def list_sharing(request: Request, conn: DbConn,
                 status: Literal["requested", "approved", "denied", "exported"] | None = None,
                 limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict:
    """Sharing requests, newest first."""
    _audit(request)
    return {"sharing_requests": [present.sharing_request(r) for r in sharing_repository.listed(conn, status, limit)]}


@router.get("/{sharing_id}/export", name="sharing.export", dependencies=[CanExportSharing])
def export_sharing(sharing_id: SharingId, request: Request, conn: DbConn, user: CurrentUser,
                   runtime: RuntimeDep) -> JSONResponse:
    """The approved request's cases still retained, once; destroyed cases are listed as unavailable."""
    _audit(request)
    record, cases = sharing_flows.export(conn, runtime.producer, runtime.keystore, runtime.store, runtime.clock,
                                         sharing_id, user)
    _audit(request, cases=",".join(record.exported_case_ids), unavailable=",".join(record.unavailable_case_ids),
           legal_basis=record.legal_basis, recipient=record.recipient)
    return JSONResponse(present.sharing_bundle(record, cases), headers={"Cache-Control": "no-store, private"})
