"""The public transparency page against real aggregate tables."""
from datetime import date

import pytest
from fastapi.testclient import TestClient

from alpr_common.db import connect
from services.reporting.aggregation import TABLE_KEYS
from services.reporting.repository import AggregateRepository
from services.reporting.retention_rules import load_rules
from services.reporting.web import create_app

pytestmark = pytest.mark.integration
RULES = "services/retention/retention.toml"


def fill(url):
    rows = {
        "reads_daily": [(date(2031, 3, 1), 9, "T1", "z", 4000), (date(2031, 3, 1), 10, "T2", "z", 1000)],
        "cases_daily": [(date(2031, 3, 1), "T1", "z", "overstay", 100)],
        "decisions_daily": [(date(2031, 3, 2), "confirmed", "", "z", "overstay", 70),
                            (date(2031, 3, 2), "rejected", "misread", "z", "overstay", 20),
                            (date(2031, 3, 2), "rejected", "moved", "z", "overstay", 10)],
        "citations_daily": [(date(2031, 3, 1), "T1", "z", 66), (date(2031, 3, 1), "T2", "z", 4)],
        "destroyed_daily": [(date(2031, 3, 2), "non_violation_frames", "frame_image", 1450, 3000),
                            (date(2031, 3, 2), "non_violation_frames", "frame_image", 1600, 2)],
    }
    with connect(url) as conn:
        for table, values in rows.items():
            for row in values:
                columns = ", ".join((*TABLE_KEYS[table], "count"))
                conn.execute(f"INSERT INTO reporting.{table} ({columns}) VALUES ({', '.join(['%s'] * len(row))})", row)


@pytest.fixture
def client(database_url):
    fill(database_url)
    repo = AggregateRepository(database_url)
    app = create_app(repo.year_figures, lambda: load_rules(RULES), lambda: 2031, threshold=10, grace_minutes=60)
    return TestClient(app)


def test_the_figures_no_vendor_publishes_are_public_and_small_counts_suppressed(client):
    figures = client.get("/v1/figures").json()
    assert figures["year"] == 2031
    assert figures["share_of_reads_that_led_to_a_case"] == "2.0%"
    assert figures["share_of_reads_that_led_to_a_citation"] == "1.4%"
    assert figures["share_of_cases_rejected_as_misreads"] == "20.0%"
    assert figures["non_violation_data_lifetime"] == {"items_destroyed": 3002, "median": "1d 10m", "max": "1d 2h 40m",
                                                      "median_minutes": 1450, "max_minutes": 1600, "overdue": None}
    assert figures["citations_by_tract"] == {"T1": None, "T2": None}


def test_the_page_needs_no_sign_in_and_shows_the_retention_rules_in_force(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "non_violation_frames" in page.text and "24 hours" in page.text and "suppressed" in page.text
    assert {r["name"]: r["kept"] for r in client.get("/v1/retention-rules").json()}["audit_events"] == "forever"
    assert client.get("/v1/figures?year=1999").json()["summary"]["Plate reads"] == 0


def test_metrics_count_the_page_views(client):
    client.get("/")
    assert 'alpr_reporting_transparency_requests_total{route="home"}' in client.get("/metrics").text
