from services.reporting.destroyed import duration, non_violation_lifetime
from services.reporting.equity import equity_table
from services.reporting.figures import lifetime
from services.reporting.retention_rules import parse_rules
from services.reporting.svg import bar_chart

RAW_RULES = {"rules": {"non_violation_frames": {"keep_hours": 24}, "rejected_case_evidence": {"keep_hours": 72},
                       "citation_evidence": {"keep_days_after_close": 1825}, "audit_events": {"keep": "forever"}}}


def test_equity_gives_coverage_and_citations_per_thousand_reads_per_tract():
    table = equity_table({"A": 4000, "B": 1000}, {"A": 20, "B": 30}, {"A": "Tract A"}, {"A": 2.0, "B": 0.5}, threshold=None)
    assert table.rows == [("A", "Tract A", "2.00", 4000, "2000.0", "80.0%", 20, "5.0"),
                          ("B", "B", "0.50", 1000, "2000.0", "20.0%", 30, "30.0")]


def test_equity_leaves_out_rates_made_from_suppressed_counts():
    table = equity_table({"A": 4000, "B": 1000, "C": 900}, {"A": 20, "B": 3, "C": 40}, {}, {}, threshold=10)
    by_tract = {row[0]: row for row in table.rows}
    assert by_tract["B"][6:] == (None, None)
    assert by_tract["A"][6:] == (None, None)  # the complement: otherwise B = total - A - C would give it away
    assert by_tract["C"][6:] == (40, "44.4")


def test_rules_in_force_are_read_as_data_with_windows_comparable_to_lifetimes():
    rules = {r.name: r for r in parse_rules(RAW_RULES)}
    assert (rules["non_violation_frames"].kept, rules["non_violation_frames"].window_minutes) == ("24 hours", 1440)
    assert rules["rejected_case_evidence"].window_minutes is None  # counted from the rejection, not the capture
    assert rules["citation_evidence"].kept == "1825 days after the citation is closed"
    assert rules["audit_events"].kept == "forever"


def test_lifetimes_give_median_max_and_overdue_items_after_the_grace():
    lt = lifetime({1441: 5, 1450: 3, 1600: 1, -1: 4}, window_minutes=1440, grace_minutes=60)
    assert (lt.items, lt.median_minutes, lt.max_minutes, lt.overdue) == (13, 1441, 1600, 1)
    assert lifetime({}, None, 60).overdue is None
    assert duration(1441) == "1d 1m" and duration(5) == "5m"


def test_the_non_violation_lifetime_merges_every_item_kind_of_that_rule():
    lifetimes = {("non_violation_frames", "frame_image"): {1445: 2}, ("non_violation_frames", "read"): {1460: 1},
                 ("rejected_case_evidence", "frame_image"): {9000: 5}}
    lt = non_violation_lifetime(lifetimes, parse_rules(RAW_RULES), 60)
    assert (lt.items, lt.median_minutes, lt.max_minutes) == (3, 1445, 1460)


def test_bar_charts_draw_one_bar_per_label_and_mark_suppressed_values():
    svg = bar_chart("Reads <by hour>", ["09:00", "10:00"], [600, None])
    assert svg.count("<rect x=") == 2 and "suppressed" in svg and "Reads &lt;by hour&gt;" in svg
