from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from alpr_common.events.sharing_pb2 import COURT_ORDER, EXPORTED, OTHER_BASIS, SharingEvent
from alpr_common.timeutil import to_timestamp
from services.reporting import annual, aggregation as agg
from services.reporting.figures import YearFigures
from services.reporting.shared import sharing_table

UTC = ZoneInfo("UTC")


def test_a_sharing_step_counts_by_day_basis_and_step_and_never_names_a_case():
    event = SharingEvent(event_id="e1", request_id="r1", status=EXPORTED, legal_basis=COURT_ORDER, case_ids=["c1"],
                         recipient="DA", at=to_timestamp(datetime(2026, 5, 1, 23, 30, tzinfo=timezone.utc)))
    assert agg.from_sharing(event, UTC) == agg.Increment("sharing_daily", "e1", (date(2026, 5, 1), "court_order", "exported"))
    other = SharingEvent(event_id="e2", status=EXPORTED, legal_basis=OTHER_BASIS, at=event.at)
    assert agg.from_sharing(other, UTC).key[1] == "other"
    with pytest.raises(agg.InvalidEvent):
        agg.from_sharing(SharingEvent(event_id="e3", legal_basis=COURT_ORDER, at=event.at), UTC)
    with pytest.raises(agg.InvalidEvent):
        agg.from_sharing(SharingEvent(event_id="e4", status=EXPORTED), UTC)


COUNTS = {("subpoena", "requested"): 30, ("subpoena", "approved"): 20, ("subpoena", "denied"): 10,
          ("subpoena", "exported"): 20, ("court_order", "requested"): 2, ("court_order", "approved"): 2,
          ("court_order", "exported"): 1}


def test_the_internal_table_shows_each_step_by_basis_without_adding_steps_up():
    table = sharing_table(COUNTS, None)
    assert table.columns == ("Legal basis", "requested", "approved", "denied", "exported")
    assert table.rows == [("subpoena", 30, 20, 10, 20), ("court_order", 2, 2, 0, 1), ("Total", 32, 22, 10, 21)]


def test_the_public_table_hides_small_counts_and_what_would_reveal_them():
    rows = {row[0]: row[1:] for row in sharing_table(COUNTS, 10).rows}
    assert rows["court_order"] == (None, None, 0, None)
    assert rows["subpoena"][0] is None and rows["subpoena"][1] is None  # complements: 32 - 30 would give 2 away
    assert all(v is None or v == 0 or v >= 10 for r in rows.values() for v in r)


def test_the_report_shows_the_sharing_table_in_what_was_shared():
    report = annual.build(YearFigures(year=2026, sharing=COUNTS), {}, [], [], None)
    section = next(s for s in report.sections if s.slug == "sharing")
    assert section.tables[0].rows[0] == ("subpoena", 30, 20, 10, 20) and "No data-sharing" not in section.note
