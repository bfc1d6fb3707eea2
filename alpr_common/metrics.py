"""Prometheus metrics shared by every service; each service adds its own next to its code."""
from prometheus_client import Counter, Histogram, start_http_server

MESSAGES_CONSUMED = Counter("alpr_messages_consumed_total", "Messages consumed", ["service", "topic"])
MESSAGES_PRODUCED = Counter("alpr_messages_produced_total", "Messages produced", ["service", "topic"])
DEAD_LETTERED = Counter("alpr_messages_dead_lettered_total", "Messages sent to the dead-letter topic", ["service", "topic"])
BATCH_SECONDS = Histogram("alpr_batch_duration_seconds", "Time to process one consumed batch", ["service"])


def serve_metrics(port: int) -> None:
    """Expose /metrics on its own port (for services without an HTTP API)."""
    if port:
        start_http_server(port)
