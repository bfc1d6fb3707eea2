"""Writes the annual data-usage report: one HTML page (charts and maps inline), a CSV per table, one JSON."""
import csv
import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from services.reporting import annual
from services.reporting.places import tract_names
from services.reporting.repository import AggregateRepository
from services.reporting.retention_rules import RuleInForce, load_rules
from services.reporting.tables import ReportTable
from services.reporting.tract_map import load_tracts

TEMPLATES = Path(__file__).resolve().parent / "templates"
SUPPRESSED = "suppressed"
DEFAULT_RULES = Path("services/retention/retention.toml")


def write_annual_report(database_url: str, year: int, out_dir: Path, tracts_path: Path | None = None,
                        timezone: str = "UTC", threshold: int | None = None,
                        rules_path: Path | None = DEFAULT_RULES, grace_minutes: int = 60) -> Path:
    """Write annual-report-<year>[-public].html, .json and one CSV per table; returns the HTML path.

    With a threshold, the public version: counts below it are suppressed (see suppression.py).
    """
    figures = AggregateRepository(database_url).year_figures(year)
    rules = load_rules(rules_path) if rules_path and Path(rules_path).is_file() else []
    report = annual.build(figures, tract_names(tracts_path), load_tracts(tracts_path), rules, threshold, grace_minutes)
    return write_files(report, Path(out_dir), timezone, rules)


def write_files(report: annual.AnnualReport, out_dir: Path, timezone: str, rules: list[RuleInForce]) -> Path:
    prefix = f"annual-report-{report.year}{'-public' if report.public else ''}"
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {t.slug: _write_csv(t, out_dir / f"{prefix}-{t.slug}.csv") for t in report.tables}
    (out_dir / f"{prefix}.json").write_text(json.dumps(as_json(report, timezone, rules), indent=1))
    html = _environment().get_template("annual_report.html").render(
        report=report, timezone=timezone, files=files, json_name=f"{prefix}.json", cell=_cell)
    path = out_dir / f"{prefix}.html"
    path.write_text(html)
    return path


def as_json(report: annual.AnnualReport, timezone: str, rules: list[RuleInForce]) -> dict:
    """Every figure of the report; a suppressed count is null."""
    return {
        "year": report.year, "timezone": timezone, "public": report.public, "suppression_threshold": report.threshold,
        "summary": dict(report.summary),
        "sections": [{"slug": s.slug, "title": s.title, "note": s.note, "tables": [t.slug for t in s.tables]}
                     for s in report.sections],
        "tables": [{"slug": t.slug, "title": t.title, "note": t.note, "columns": list(t.columns),
                    "rows": [list(row) for row in t.rows]} for t in report.tables],
        "retention_rules": [vars(r) for r in rules],
    }


def _write_csv(table: ReportTable, path: Path) -> str:
    with path.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(table.columns)
        writer.writerows([SUPPRESSED if v is None else v for v in row] for row in table.rows)
    return path.name


def _cell(value) -> Markup:
    if value is None:
        return Markup(f'<td class="hidden">{SUPPRESSED}</td>')
    if isinstance(value, int):
        return Markup(f'<td class="n">{value:,}</td>')
    return Markup(f"<td>{escape(value)}</td>")


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
