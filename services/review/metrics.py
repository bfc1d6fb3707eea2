"""The review service's Prometheus metrics (in the default registry, next to the shared ones)."""
from datetime import datetime

from prometheus_client import Counter, Gauge, Histogram

REQUESTS = Counter("review_http_requests_total", "HTTP requests", ["route", "method", "status"])
LATENCY = Histogram("review_http_request_duration_seconds", "HTTP request latency", ["route", "method"])
OPEN_CASES = Gauge("review_open_cases", "Cases waiting for an officer's decision")
CASES_ADMITTED = Counter("review_cases_admitted_total", "Cases taken from alpr.cases.v1: stored, duplicate, or "
                         "expired (their evidence was shredded before intake)", ["outcome"])
OLDEST_OPEN_AGE = Gauge("review_oldest_open_case_age_seconds", "Age of the oldest open case (0 when none)")


def observe_request(route: str, method: str, status: int, seconds: float) -> None:
    REQUESTS.labels(route, method, str(status)).inc()
    LATENCY.labels(route, method).observe(seconds)


def set_queue(open_cases: int, oldest_opened_at: datetime | None, now: datetime) -> None:
    OPEN_CASES.set(open_cases)
    OLDEST_OPEN_AGE.set(max(0.0, (now - oldest_opened_at).total_seconds()) if oldest_opened_at else 0.0)
