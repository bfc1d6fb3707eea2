"""Every query of every dashboard, run against a real Prometheus that scraped a demo scenario."""
import pytest

from tests.observability.dashboards import all_queries

pytestmark = pytest.mark.e2e

RATE_INTERVAL = "30s"  # 30 scrapes at the test's 1s interval

# Metrics a clean scenario run does not export yet, and why. A query that needs one of them may
# return nothing; every other query must return data.
NOT_EXPORTED_IN_A_CLEAN_RUN = {
    "alpr_messages_dead_lettered_total": "appears with the first dead letter",
    "alpr_batch_failures_total": "appears with the first replayed batch",
    "ingest_rejections_total": "appears with the first refused upload",
    "alpr_audit_write_failures_total": "appears with the first unacknowledged audit event",
}


def test_every_dashboard_query_is_valid_and_returns_data(scraped_run):
    exported = scraped_run.prometheus.metric_names()
    empty = []
    for query in all_queries():
        result = scraped_run.prometheus.query_range(query.promql(RATE_INTERVAL), scraped_run.started, scraped_run.finished)
        excused = {name for name in query.metric_names() - exported if name in NOT_EXPORTED_IN_A_CLEAN_RUN}
        if not any(series["values"] for series in result) and not excused:
            empty.append(f"{query.dashboard} / {query.panel}: {query.expr}")
    assert not empty, "queries without data:\n" + "\n".join(empty)


def test_every_metric_the_dashboards_use_is_scraped(scraped_run):
    exported = scraped_run.prometheus.metric_names()
    used = set().union(*(query.metric_names() for query in all_queries()))
    assert used - exported - set(NOT_EXPORTED_IN_A_CLEAN_RUN) == set()


def test_prometheus_scraped_every_service(scraped_run):
    result = scraped_run.prometheus.query_range('up == 1', scraped_run.started, scraped_run.finished)
    assert {series["metric"]["job"] for series in result} >= {"ingest", "ocr", "rules", "review", "retention", "reporting"}
