import pytest
from click.testing import CliRunner

from alpr_cli.main import cli

pytestmark = pytest.mark.integration


@pytest.fixture
def env(monkeypatch, database_url):
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    monkeypatch.delenv("REPORTING_TRACTS_PATH", raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)


def test_run_refuses_to_start_without_a_broker(env):
    result = CliRunner().invoke(cli, ["reporting", "run"])
    assert result.exit_code == 1
    assert "KAFKA_BOOTSTRAP_SERVERS is not set" in result.output


def test_a_year_without_events_gives_a_report_that_says_so(env, tmp_path):
    result = CliRunner().invoke(cli, ["report", "annual", "--year", "2031", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "annual-report-2031.html").read_text()
    assert html.count("None in 2031.") == 12 and "What was shared" in html  # 12 tables, sharing-by-basis included
    assert (tmp_path / "annual-report-2031-reads-by-tract.csv").read_text().strip() == "Census tract,Name,Reads,Share"


def test_a_wrong_time_zone_is_reported_clearly(env, monkeypatch, tmp_path):
    monkeypatch.setenv("REPORTING_TIMEZONE", "Mars/Olympus")
    result = CliRunner().invoke(cli, ["report", "annual", "--year", "2031", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "REPORTING_TIMEZONE must be an IANA time zone" in result.output
