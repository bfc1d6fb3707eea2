"""Events through the real broker into the aggregates, then the annual report from them."""
import csv
import json
import threading
import uuid

import pytest
from click.testing import CliRunner

from alpr_cli.main import cli
from alpr_common.db import connect
from alpr_common.lag import consumer_lag
from alpr_common.topics import AUDIT, CASES, CITATIONS, DECISIONS, READS, RETENTION, SHARING
from services.reporting import service
from services.reporting.settings import ReportingSettings
from tests.support.kafka_io import produce, wait_for
from tests.integration.reporting.scenario import PLATES, YearOfEvents, tracts_file

pytestmark = pytest.mark.integration
TABLES = ("reads_daily", "cases_daily", "decisions_daily", "citations_daily", "destroyed_daily", "accesses_daily",
          "accessors_yearly")
TOPICS = [t.name for t in (READS, CASES, DECISIONS, CITATIONS, RETENTION, AUDIT, SHARING)]  # what the service consumes


def counted(database_url, ids):
    with connect(database_url) as conn:
        return conn.execute("SELECT count(DISTINCT event_id) AS n FROM reporting.counted_events WHERE event_id = ANY(%s)", (ids,)).fetchone()["n"]


def snapshot(database_url):
    with connect(database_url) as conn:
        return {t: sorted(tuple(r.values()) for r in conn.execute(f"SELECT * FROM reporting.{t}")) for t in TABLES}


def consume_until_counted(settings, database_url, ids):
    """Runs the service from the start of every topic until it has counted `ids` and caught up with
    everything on its topics, earlier tests' events included (so a later snapshot misses none)."""
    stop, errors, group = threading.Event(), [], f"reporting-test-{uuid.uuid4().hex}"

    def run():
        try:
            service.run(settings, stop, group_id=group)
        except Exception as exc:  # surfaced below
            errors.append(exc)

    def done() -> bool:
        return bool(errors) or (counted(database_url, ids) == len(ids)
                                and sum(consumer_lag(settings.kafka_bootstrap_servers, group, TOPICS).values()) == 0)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        wait_for(done, 60, "every event to be counted")
    finally:
        stop.set()
        thread.join(15)
    assert not errors


@pytest.fixture
def counted_year(kafka_bootstrap, database_url, tmp_path):
    scenario = YearOfEvents()
    events = scenario.events()
    produce(kafka_bootstrap, events)
    settings = ReportingSettings(KAFKA_BOOTSTRAP_SERVERS=kafka_bootstrap, DATABASE_URL=database_url,
                                 tracts_path=tracts_file(tmp_path / "tracts.geojson"))
    consume_until_counted(settings, database_url, scenario.ids)
    return scenario, settings, events


def rows(path):
    with path.open() as f:
        return list(csv.reader(f))


def test_the_annual_report_counts_the_year_by_tract_outcome_and_rule(counted_year, database_url, tmp_path, monkeypatch):
    scenario, settings, _ = counted_year
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("REPORTING_TRACTS_PATH", str(settings.tracts_path))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["report", "annual", "--year", str(scenario.year), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = (out / f"annual-report-{scenario.year}.html").read_text()
    assert f"1 January {scenario.year} to 31 December {scenario.year}" in html
    assert "Tract One" in html and "Outside every census tract" in html

    prefix = f"annual-report-{scenario.year}"
    assert rows(out / f"{prefix}-reads-by-tract.csv") == [
        ["Census tract", "Name", "Reads", "Share"], ["36061000100", "Tract One", "3", "60.0%"],
        ["36061000200", "Tract Two", "1", "20.0%"], ["outside", "Outside every census tract", "1", "20.0%"],
        ["Total", "", "5", "100.0%"]]
    assert rows(out / f"{prefix}-violations-by-tract.csv")[1] == ["36061000100", "Tract One", "1", "100.0%"]
    assert rows(out / f"{prefix}-rejections-by-reason.csv")[1:3] == [["misread", "2", "66.7%"], ["moved", "1", "33.3%"]]
    assert rows(out / f"{prefix}-destroyed-by-rule.csv")[1:] == [
        ["non_violation_frames", "frame_image", "2", "24 hours", "1d 2m", "1d 6h 0m", "1"],
        ["rejected_case_evidence", "frame_image", "1", "72 hours", "4d 0m", "4d 0m", "not judged"], ["Total", "", "3", "", "", "", "1"]]
    assert rows(out / f"{prefix}-accesses-by-role.csv")[1:] == [
        ["person / (not signed in)", "0", "1", "1"], ["person / officer", "2", "1", "3"], ["Total", "2", "2", "4"]]
    assert rows(out / f"{prefix}-accounts-by-role.csv")[1:3] == [["person", "officer", "2", "66.7%"], ["person", "(not signed in)", "1", "33.3%"]]
    for label, value in (("Plate reads", "5"), ("Violation cases opened", "4"), ("Share of decided cases rejected", "75.0%"),
                         ("Share of decided cases rejected as misreads", "50.0%")):
        cell = '<td class="n">' if value.isdigit() else "<td>"
        assert f"<tr><th>{label}</th>{cell}{value}</td></tr>" in html
    assert html.count("<svg") >= 4 and "officer-jane" not in html
    report = json.loads((out / f"{prefix}.json").read_text())
    assert {t["slug"] for t in report["tables"]} >= {"violations-by-tract", "equity-by-tract", "accesses-by-role"}
    for plate in PLATES:
        assert plate not in html


def test_the_public_version_suppresses_every_small_count(counted_year, database_url, tmp_path, monkeypatch):
    scenario, settings, _ = counted_year
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("REPORTING_TRACTS_PATH", str(settings.tracts_path))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["report", "annual", "--year", str(scenario.year), "--out", str(out), "--public"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / f"annual-report-{scenario.year}-public.json").read_text())
    assert report["public"] and report["suppression_threshold"] == 10
    counts = [v for t in report["tables"] for row in t["rows"] for v in row if isinstance(v, int) and not isinstance(v, bool)]
    assert counts and all(n == 0 or n >= 10 for n in counts)
    assert report["summary"]["Plate reads"] is None
    assert "suppressed" in (out / f"annual-report-{scenario.year}-public.html").read_text()


def test_replaying_every_topic_counts_nothing_twice(counted_year, kafka_bootstrap, database_url):
    scenario, settings, events = counted_year
    before = snapshot(database_url)
    sentinel = YearOfEvents()
    produce(kafka_bootstrap, events + [sentinel.read(None, sentinel.at(6))])
    consume_until_counted(settings, database_url, scenario.ids + sentinel.ids)
    after = snapshot(database_url)
    assert {t: v for t, v in after.items() if t != "reads_daily"} == {t: v for t, v in before.items() if t != "reads_daily"}
    assert [r for r in after["reads_daily"] if r not in before["reads_daily"]] == [(sentinel.at(6).date(), "unknown", "unknown", 1, 12)]


def test_no_plate_text_anywhere_in_the_reporting_schema(counted_year, database_url):
    with connect(database_url) as conn:
        columns = conn.execute("SELECT table_name, column_name FROM information_schema.columns "
                               "WHERE table_schema = 'reporting'").fetchall()
        assert {c["table_name"] for c in columns} >= set(TABLES)
        assert not [c for c in columns if "plate" in c["column_name"]]
        for table in {c["table_name"] for c in columns}:
            dump = " ".join(str(v) for r in conn.execute(f"SELECT * FROM reporting.{table}") for v in r.values())
            assert dump or table not in TABLES, f"{table} should hold this scenario's counts"
            assert not [p for p in PLATES if p in dump], table
