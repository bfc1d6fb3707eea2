"""Reporting's own Prometheus metrics."""
from prometheus_client import Counter

EVENTS_COUNTED = Counter("alpr_reporting_events_counted_total", "Events added to the aggregate counts")
EVENTS_ALREADY_COUNTED = Counter("alpr_reporting_events_already_counted_total", "Replayed events skipped (counted before)")
