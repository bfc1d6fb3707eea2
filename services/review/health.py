"""Public routes: liveness, readiness (database and broker) and Prometheus metrics."""
import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from alpr_common.db import connect
from alpr_common.kafka import is_broker_reachable
from services.review import metrics, repository
from services.review.deps import RuntimeDep
from services.review.middleware import PUBLIC

log = logging.getLogger(__name__)
router = APIRouter(tags=[PUBLIC])


@router.get("/healthz", name="healthz")
def healthz() -> dict:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz", name="readyz")
def readyz(runtime: RuntimeDep) -> JSONResponse:
    """The database and the broker answer, and case intake runs."""
    checks = {"database": _database_ok(runtime.database_url), "broker": is_broker_reachable(runtime.bootstrap, 2.0)}
    if runtime.intake:
        checks["intake"] = runtime.intake.alive
    ready = all(checks.values())
    return JSONResponse({"status": "ready" if ready else "not ready", "checks": checks}, status_code=200 if ready else 503)


@router.get("/metrics", name="metrics")
def prometheus_metrics(runtime: RuntimeDep) -> Response:
    """Prometheus metrics, with the review queue measured at scrape time."""
    try:
        with connect(runtime.database_url) as conn:
            metrics.set_queue(*repository.open_case_stats(conn), runtime.clock.now())
    except Exception as exc:  # the scrape still answers; the queue gauges keep their last values
        log.warning("queue metrics not refreshed: %s", exc)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def _database_ok(url: str) -> bool:
    try:
        with connect(url) as conn:
            conn.execute("SELECT 1 FROM review.cases LIMIT 1")
        return True
    except Exception as exc:
        log.warning("database not ready: %s", exc)
        return False
