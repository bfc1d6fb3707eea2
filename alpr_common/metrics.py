"""Prometheus metrics shared by every service; each service adds its own next to its code.

Names follow Prometheus conventions: `alpr_` prefix, base units (`_seconds`, `_bytes`),
`_total` on counters, and the service as a label rather than part of the name.
"""
import logging
import threading
from typing import Callable

from prometheus_client import Counter, Gauge, Histogram, start_http_server

log = logging.getLogger(__name__)

MESSAGES_CONSUMED = Counter("alpr_messages_consumed_total", "Messages consumed", ["service", "topic"])
MESSAGES_PRODUCED = Counter("alpr_messages_produced_total", "Messages produced", ["service", "topic"])
DEAD_LETTERED = Counter("alpr_messages_dead_lettered_total", "Messages sent to the dead-letter topic", ["service", "topic"])
BATCH_SECONDS = Histogram("alpr_batch_duration_seconds", "Time to process one consumed batch", ["service"])
BATCH_MESSAGES = Histogram("alpr_batch_messages", "Messages per consumed batch", ["service"],
                           buckets=(1, 2, 4, 8, 16, 32, 64, 128))
BATCH_FAILURES = Counter("alpr_batch_failures_total", "Batches not completed and replayed", ["service", "reason"])
CONSUMER_LAG = Gauge("alpr_consumer_lag_messages", "Messages on a topic past the group's committed offsets",
                     ["service", "topic"])
LAG_REFRESH_FAILURES = Counter("alpr_consumer_lag_refresh_failures_total", "Consumer lag measurements that failed",
                               ["service"])
AUDIT_EVENTS_WRITTEN = Counter("alpr_audit_events_written_total", "Audit events acknowledged by the broker",
                               ["service"])
AUDIT_WRITE_FAILURES = Counter("alpr_audit_write_failures_total", "Audit events the broker did not acknowledge",
                               ["service"])
AUDIT_LAST_SEQUENCE = Gauge("alpr_audit_chain_last_sequence", "Sequence number of the writer's last audit event",
                            ["service", "writer"])

LagReader = Callable[[], dict[str, int]]


def serve_metrics(port: int) -> None:
    """Expose /metrics on its own port (for services without an HTTP API)."""
    if port:
        start_http_server(port)


def watch_consumer_lag(service: str, read_lag: LagReader, stop: threading.Event, interval_s: float = 15.0) -> threading.Thread:
    """Refresh alpr_consumer_lag_messages every interval from `read_lag` (topic -> lag) until `stop` is set.

    Use `functools.partial(alpr_common.lag.consumer_lag, bootstrap, group_id, topics)` as `read_lag`.
    """
    def refresh_until_stopped() -> None:
        while True:
            refresh_consumer_lag(service, read_lag)
            if stop.wait(interval_s):
                return

    thread = threading.Thread(target=refresh_until_stopped, name=f"{service}-lag", daemon=True)
    thread.start()
    return thread


def refresh_consumer_lag(service: str, read_lag: LagReader) -> None:
    try:
        lags = read_lag()
    except Exception as exc:  # a broker hiccup must not stop the watch; the failure counter shows it
        LAG_REFRESH_FAILURES.labels(service).inc()
        log.warning("consumer lag not measured: %s", exc)
        return
    for topic, lag in lags.items():
        CONSUMER_LAG.labels(service, topic).set(lag)


def record_audit_written(service: str, writer_id: str, sequence: int) -> None:
    AUDIT_EVENTS_WRITTEN.labels(service).inc()
    AUDIT_LAST_SEQUENCE.labels(service, writer_id).set(sequence)
