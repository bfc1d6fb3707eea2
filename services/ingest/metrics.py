"""Prometheus metrics of the ingest service."""
from prometheus_client import Counter, Histogram

UPLOADS = Counter("ingest_uploads_total", "Frame uploads by outcome", ["outcome"])
REJECTIONS = Counter("ingest_rejections_total", "Refused frame uploads by error code", ["code"])
UPLOAD_SECONDS = Histogram("ingest_upload_duration_seconds", "Time to answer one frame upload",
                           buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20))
IMAGE_BYTES = Histogram("ingest_image_bytes", "Size of accepted images in bytes",
                        buckets=tuple(2 ** n * 1024 for n in range(5, 15)))
AUDIT_FAILURES = Counter("ingest_audit_failures_total", "Accepted frames whose audit event was not acknowledged")


def outcome_for_status(status: int) -> str:
    if status == 202:
        return "accepted"
    if status == 200:
        return "duplicate"
    if status == 503:
        return "unavailable"
    return "rejected" if 400 <= status < 500 else "error"
