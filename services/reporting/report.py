"""The annual data-usage report: one HTML page and one CSV per table, for Jan 1 - Dec 31 of a year."""
import csv
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from services.reporting import tables
from services.reporting.places import tract_names
from services.reporting.repository import AggregateRepository

TEMPLATES = Path(__file__).resolve().parent / "templates"


def write_annual_report(database_url: str, year: int, out_dir: Path, tracts_path: Path | None = None,
                        timezone: str = "UTC") -> Path:
    """Write annual-report-<year>.html and its CSVs into out_dir; returns the HTML path."""
    repo, first, last = AggregateRepository(database_url), date(year, 1, 1), date(year, 12, 31)
    names = tract_names(tracts_path)
    report_tables = [
        tables.by_tract("violations-by-tract", "Violations (citations) by census tract", "Citations",
                        _counts(repo.totals("citations_daily", ("tract_id",), first, last)), names),
        tables.by_tract("reads-by-tract", "Plate reads by census tract", "Reads",
                        _counts(repo.totals("reads_daily", ("tract_id",), first, last)), names),
        tables.rejections(_counts(repo.totals("decisions_daily", ("outcome", "reason"), first, last), only=("rejected",))),
        tables.destroyed(_counts(repo.totals("destroyed_daily", ("rule", "item_kind"), first, last))),
    ]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_names = {t.slug: _write_csv(t, out_dir / f"annual-report-{year}-{t.slug}.csv") for t in report_tables}
    html = _environment().get_template("annual_report.html").render(
        year=year, timezone=timezone, summary=tables.summary(_totals(repo, first, last)),
        tables=report_tables, csv_names=csv_names)
    path = out_dir / f"annual-report-{year}.html"
    path.write_text(html)
    return path


def _counts(rows: list[dict], only: tuple[str, ...] | None = None) -> dict:
    """Rows of (key columns..., count) to {key: count}; `only` keeps rows whose first column is listed."""
    out = {}
    for row in rows:
        values = [v for k, v in row.items() if k != "count"]
        if only is not None:
            if values[0] not in only:
                continue
            values = values[1:]
        out[values[0] if len(values) == 1 else tuple(values)] = row["count"]
    return out


def _totals(repo: AggregateRepository, first: date, last: date) -> tables.Totals:
    def total(table: str) -> int:
        rows = repo.totals(table, (), first, last)
        return rows[0]["count"] if rows else 0

    outcomes = _counts(repo.totals("decisions_daily", ("outcome",), first, last))
    return tables.Totals(reads=total("reads_daily"), cases=total("cases_daily"), confirmed=outcomes.get("confirmed", 0),
                         rejected=outcomes.get("rejected", 0), citations=total("citations_daily"),
                         destroyed=total("destroyed_daily"))


def _write_csv(table: tables.ReportTable, path: Path) -> str:
    with path.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(table.columns)
        writer.writerows(table.rows)
    return path.name


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
