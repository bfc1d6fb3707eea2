"""The supervisors' API: assign cases, reverse decisions, see decisions by officer. Auth is added in app.py."""
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from services.review import evidence, present, supervision_flows, supervision_repository
from services.review.deps import CanAssignCases, CanOverseeDecisions, CanReverseDecisions, CurrentUser, DbConn, RuntimeDep
from services.review.domain import STATUS_AFTER, validated_reversal_reason

router = APIRouter(prefix="/v1", tags=["supervision"])
CaseId = Annotated[str, Path(max_length=200)]


class AssignmentBody(BaseModel):
    officer: str = Field(min_length=1, max_length=200, description="The officer (or supervisor) who should decide it")


class ReversalBody(BaseModel):
    reason: str = Field(description="Why the decision is reversed (kept in the database, never on a topic)")


@router.post("/cases/{case_id}/assignment", name="case.assign", dependencies=[CanAssignCases])
def assign_case(case_id: CaseId, body: AssignmentBody, conn: DbConn, user: CurrentUser, runtime: RuntimeDep) -> dict:
    """Assign an open case to an officer."""
    supervision_flows.assign(conn, runtime.clock, case_id, body.officer, user)
    return {"case_id": case_id, "assigned_to": body.officer}


@router.post("/cases/{case_id}/reversal", name="case.reverse", dependencies=[CanReverseDecisions])
def reverse_decision(case_id: CaseId, body: ReversalBody, conn: DbConn, user: CurrentUser, runtime: RuntimeDep) -> dict:
    """Reverse a case's decision, with a reason."""
    record = supervision_flows.reverse(conn, runtime.keystore, runtime.producer, runtime.clock, case_id, user,
                                       validated_reversal_reason(body.reason))
    return present.reversal_result(case_id, STATUS_AFTER[record.outcome], record)


@router.get("/decisions/by-officer", name="decisions.by_officer", dependencies=[CanOverseeDecisions])
def decisions_by_officer(conn: DbConn, since: datetime | None = None) -> dict:
    """Count each officer's confirmations, rejections and reversed decisions."""
    return {"officers": supervision_repository.decision_counts(conn, since)}


@router.get("/officers/{officer}/decisions", name="decisions.of_officer", dependencies=[CanOverseeDecisions])
def officer_decisions(officer: Annotated[str, Path(max_length=200)], conn: DbConn, runtime: RuntimeDep,
                      limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict:
    """List one officer's decisions, newest first."""
    rows = supervision_repository.officer_decisions(conn, officer, limit)
    return {"officer": officer, "decisions": [
        present.officer_decision(row, evidence.correction(runtime.keystore, row["decision_id"], sealed))
        for row, sealed in rows]}
