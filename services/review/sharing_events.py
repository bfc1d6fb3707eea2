"""What each state change of a sharing request puts on alpr.sharing.v1: case ids, basis, people; no free text."""
import uuid

from alpr_common.events import sharing_pb2
from alpr_common.kafka import Outgoing
from alpr_common.timeutil import to_timestamp
from alpr_common.topics import SHARING
from services.review.sharing_rules import APPROVED, DENIED, EXPORTED, REQUESTED, SharingRequest

BASES = {"agreement": sharing_pb2.AGREEMENT, "subpoena": sharing_pb2.SUBPOENA, "court_order": sharing_pb2.COURT_ORDER,
         "statute": sharing_pb2.STATUTE, "other": sharing_pb2.OTHER_BASIS}
STATUSES = {REQUESTED: sharing_pb2.REQUESTED, APPROVED: sharing_pb2.APPROVED, DENIED: sharing_pb2.DENIED,
            EXPORTED: sharing_pb2.EXPORTED}


def sharing_event(request: SharingRequest, event_id: str | None = None) -> sharing_pb2.SharingEvent:
    """The event of the request's current status, at the time that status was reached."""
    at = {REQUESTED: request.requested_at, EXPORTED: request.exported_at}.get(request.status, request.decided_at)
    return sharing_pb2.SharingEvent(
        event_id=event_id or uuid.uuid4().hex, request_id=request.request_id, status=STATUSES[request.status],
        case_ids=list(request.case_ids), legal_basis=BASES[request.legal_basis], reference=request.reference,
        recipient=request.recipient, requested_by=request.requested_by, decided_by=request.decided_by or "",
        exported_by=request.exported_by or "", at=to_timestamp(at),
        exported_case_ids=list(request.exported_case_ids), unavailable_case_ids=list(request.unavailable_case_ids))


def outgoing(request: SharingRequest) -> list[Outgoing]:
    return [Outgoing(SHARING.name, request.request_id.encode(), sharing_event(request).SerializeToString())]
