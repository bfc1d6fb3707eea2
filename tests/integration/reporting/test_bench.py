import pytest

from services.reporting import bench
from services.reporting.repository import AggregateRepository

pytestmark = pytest.mark.integration


def test_the_generated_year_holds_exactly_the_reads_asked_for_and_reports_on_it(database_url, tmp_path):
    bench.load(database_url, 20_000)
    figures = AggregateRepository(database_url).year_figures(bench.YEAR)
    assert figures.reads == 20_000 and len(figures.reads_by_tract) == bench.TRACTS
    assert set(figures.reads_by_hour) == set(bench.HOURS) and figures.citations > 0
    assert bench.median_seconds(database_url, 1, tmp_path, threshold=10) > 0
    assert (tmp_path / "out" / f"annual-report-{bench.YEAR}-public.html").read_text().count("<path") == 2 * bench.TRACTS
