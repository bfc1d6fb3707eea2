"""Every upload attempt is an audit event, refused ones included: who (the device, or anonymous),
what (the frame), the outcome and the request id."""
import logging

from fastapi import Request

from alpr_common.audit import AuditTrail
from alpr_common.errors import BrokerUnavailable
from alpr_common.logs import current_request_id
from services.ingest.metrics import AUDIT_FAILURES

log = logging.getLogger(__name__)


def upload_outcome(status: int) -> str:
    if status == 202:
        return "accepted"
    if status == 200:
        return "duplicate"
    if status in (401, 403):
        return "denied"
    return "invalid" if status < 500 else "failed"


def record_upload_attempt(audit: AuditTrail, request: Request, status: int) -> None:
    """The frame (if accepted) is already durable here; an audit failure is logged loudly but undoes nothing."""
    device = getattr(request.state, "device", None)
    try:
        audit.record(actor=device or "anonymous", actor_kind="service", role="device" if device else "",
                     action="frame.upload", resource=getattr(request.state, "frame_id", None) or "frames",
                     outcome=upload_outcome(status), request_id=current_request_id(),
                     details={"status": str(status), **getattr(request.state, "audit_details", {})})
    except BrokerUnavailable:
        AUDIT_FAILURES.inc()
        log.error("audit event for an upload by %s not acknowledged", device or "anonymous", exc_info=True)
