"""Retention's own Prometheus metrics."""
from prometheus_client import Counter, Gauge

ITEMS_DESTROYED = Counter("alpr_retention_items_destroyed_total", "Items destroyed", ["rule"])
ITEMS_PAST_DUE = Gauge("alpr_retention_items_past_due", "Items due for destruction that the last sweep left (must stay 0)")
SWEEPS = Counter("alpr_retention_sweeps_total", "Sweeps run")
