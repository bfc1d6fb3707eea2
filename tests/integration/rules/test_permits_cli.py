import pytest
from click.testing import CliRunner

from services.rules.cli import permits

pytestmark = pytest.mark.integration


def test_import_then_list_through_the_command_line(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    csv_path = tmp_path / "permits.csv"
    csv_path.write_text("plate,zone_ids,valid_from,valid_to\nAB123CD,res-a,2025-01-01,2025-12-31\n")
    runner = CliRunner()
    imported = runner.invoke(permits, ["import", str(csv_path), "--timezone", "Europe/Paris"])
    assert imported.exit_code == 0, imported.output
    assert "imported 1 permit(s)" in imported.output and "was not audited" in imported.output
    listed = runner.invoke(permits, ["list", "--valid-at", "2025-06-01"])
    assert "AB123CD" in listed.output and "2024-12-31T23:00:00+00:00" in listed.output
    assert "1 permit(s)" in listed.output


def test_a_bad_file_is_refused_with_its_line_and_nothing_is_imported(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    csv_path = tmp_path / "permits.csv"
    csv_path.write_text("plate,zone_ids,valid_from,valid_to\nAB123CD,res-a,2025-01-01,2025-12-31\nXY9,,2025-01-01,2025-12-31\n")
    result = CliRunner().invoke(permits, ["import", str(csv_path)])
    assert result.exit_code == 1
    assert "line 3: field 'zone_ids'" in result.output and "nothing was imported" in result.output
    assert "0 permit(s)" in CliRunner().invoke(permits, ["list"]).output
