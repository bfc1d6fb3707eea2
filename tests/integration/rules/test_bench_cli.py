import pytest
from click.testing import CliRunner

from services.rules.cli import rules

pytestmark = pytest.mark.integration


def test_bench_prints_the_rate_of_the_rules_next_to_the_baseline(database_url, crypto_env, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    result = CliRunner().invoke(rules, ["bench", "--zones", "9", "--permits", "50", "--reads", "200", "--runs", "1"])
    assert result.exit_code == 0, result.output
    assert "9 zones, 50 permits, 200 reads x 1 runs" in result.output
    baseline, matching = (line for line in result.output.splitlines() if "reads/s" in line)
    assert baseline.startswith("baseline: zone lookup only") and matching.startswith("rules: lookup + permit + chalk")
    assert "180 reads in a zone per run" in baseline  # one read in ten lies outside every zone
    assert int(matching.split("; ")[1].split()[0]) > 0  # cases opened
