"""Readiness: can ingest reach the database, the object store and the broker right now?"""
import confluent_kafka

from alpr_common.db import connect
from services.ingest.accept import Adapters


def readiness_problems(adapters: Adapters, timeout_s: float = 3.0) -> dict[str, str]:
    """Component name -> what is wrong with it; empty when everything answers."""
    checks = {"database": lambda: check_database(adapters.database_url),
              "storage": adapters.store.check,
              "broker": lambda: check_broker(adapters.producer, timeout_s)}
    problems = {}
    for name, check in checks.items():
        try:
            check()
        except Exception as exc:  # any failure means not ready, and the reason is reported
            problems[name] = str(exc) or type(exc).__name__
    return problems


def check_database(url: str) -> None:
    with connect(url) as conn:
        conn.execute("SELECT 1 FROM ingest.devices LIMIT 1").fetchall()


def check_broker(producer: confluent_kafka.Producer, timeout_s: float) -> None:
    producer.list_topics(timeout=timeout_s)
