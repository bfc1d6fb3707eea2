"""Sharing events through the real broker into the reporting aggregates and the annual report."""
import csv
import random
import uuid
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from alpr_cli.main import cli
from alpr_common.events.sharing_pb2 import APPROVED, COURT_ORDER, DENIED, EXPORTED, REQUESTED, SUBPOENA, SharingEvent
from alpr_common.timeutil import to_timestamp
from alpr_common.topics import SHARING
from services.reporting.repository import AggregateRepository
from services.reporting.settings import ReportingSettings
from tests.integration.reporting.test_reporting_service import consume_until_counted
from tests.support.kafka_io import produce

pytestmark = pytest.mark.integration


def test_sharing_requests_are_counted_by_basis_and_step_and_reported(kafka_bootstrap, database_url, tmp_path,
                                                                     monkeypatch):
    year, u = random.randint(2300, 2900), uuid.uuid4().hex[:8]
    steps = {"granted": (SUBPOENA, (REQUESTED, APPROVED, EXPORTED)), "refused": (COURT_ORDER, (REQUESTED, DENIED))}
    events, ids = [], []
    for name, (basis, statuses) in steps.items():
        for n, status in enumerate(statuses):
            ids.append(f"sharing-{u}-{name}-{n}")
            events.append((SHARING.name, f"req-{u}-{name}", SharingEvent(
                event_id=ids[-1], request_id=f"req-{u}-{name}", status=status, legal_basis=basis, case_ids=["c-1"],
                at=to_timestamp(datetime(year, 6, 1 + n, 12, tzinfo=timezone.utc)))))
    produce(kafka_bootstrap, events + events[:1])  # a replayed event is not counted twice
    consume_until_counted(ReportingSettings(KAFKA_BOOTSTRAP_SERVERS=kafka_bootstrap, DATABASE_URL=database_url),
                          database_url, ids)

    assert AggregateRepository(database_url).year_figures(year).sharing == {
        ("subpoena", "requested"): 1, ("subpoena", "approved"): 1, ("subpoena", "exported"): 1,
        ("court_order", "requested"): 1, ("court_order", "denied"): 1}
    monkeypatch.setenv("DATABASE_URL", database_url)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["report", "annual", "--year", str(year), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with (out / f"annual-report-{year}-sharing-by-basis.csv").open() as f:
        assert list(csv.reader(f)) == [["Legal basis", "requested", "approved", "denied", "exported"],
                                       ["subpoena", "1", "1", "0", "1"], ["court_order", "1", "0", "1", "0"],
                                       ["Total", "2", "1", "1", "1"]]
    assert "What was shared" in (out / f"annual-report-{year}.html").read_text()
