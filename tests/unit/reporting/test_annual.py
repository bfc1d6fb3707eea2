from shapely.geometry import box

from services.reporting import annual
from services.reporting.figures import YearFigures
from services.reporting.retention_rules import RuleInForce
from services.reporting.tract_map import Tract

TRACTS = [Tract("A", "Tract A", box(-74.0, 40.0, -73.99, 40.01)), Tract("B", "Tract B", box(-73.99, 40.0, -73.98, 40.01))]
NAMES = {"A": "Tract A", "B": "Tract B"}
RULES = [RuleInForce("non_violation_frames", "24 hours", 24 * 60)]
FIGURES = YearFigures(
    year=2026, reads_by_tract={"A": 9000, "B": 1000}, reads_by_zone={"z1": 10000}, reads_by_hour={9: 6000, 10: 4000},
    reads_by_month={1: 10000}, cases_by_kind={"overstay": 200}, citations_by_tract={"A": 150, "B": 3},
    decisions={("confirmed", ""): 153, ("rejected", "misread"): 40, ("rejected", "moved"): 7},
    accesses={("person", "officer", "allowed"): 900}, accessors={("person", "officer"): 12},
    lifetimes={("non_violation_frames", "frame_image"): {1441: 9000, 1500: 20}})


def build(threshold):
    return annual.build(FIGURES, NAMES, TRACTS, RULES, threshold)


def table(report, slug):
    return next(t for t in report.tables if t.slug == slug)


def test_the_summary_gives_the_shares_no_vendor_publishes():
    figures = dict(build(None).summary)
    assert figures["Plate reads"] == 10000
    assert figures["Share of reads that led to a case"] == "2.0%"
    assert figures["Share of reads that led to a citation"] == "1.5%"
    assert figures["Share of decided cases rejected as misreads"] == "20.0%"


def test_the_internal_version_hides_nothing_and_the_public_one_hides_consistently():
    internal, public = build(None), build(10)
    assert table(internal, "violations-by-tract").rows[1][2] == 3
    assert [r[2] for r in table(public, "violations-by-tract").rows] == [None, None, 153]
    assert table(public, "rejections-by-reason").column("Rejected cases") == [None, None, 47]
    assert dict(public.summary)["Plate reads"] == 10000


def test_every_section_the_protocol_asks_for_is_there_and_sharing_says_when_nothing_was_shared():
    report = build(10)
    assert [s.slug for s in report.sections] == ["violations", "reads", "accuracy", "equity", "access", "sharing", "destroyed"]
    sharing = next(s for s in report.sections if s.slug == "sharing")
    assert [t.slug for t in sharing.tables] == ["sharing-by-basis"] and "No data-sharing request" in sharing.note


def test_the_maps_shade_each_tract_and_hatch_suppressed_ones():
    violations = next(s for s in build(10).sections if s.slug == "violations").charts[0]
    assert violations.startswith("<svg") and violations.count("<path") == 2
    assert 'fill="url(#hidden)"' in violations and "Tract B (B): suppressed" in violations


def test_destroyed_items_show_how_long_they_lived_and_how_many_were_overdue():
    rows = table(build(None), "destroyed-by-rule").rows
    assert rows[0] == ("non_violation_frames", "frame_image", 9020, "24 hours", "1d 1m", "1d 1h 0m", 0)


def test_the_accounts_that_accessed_data_are_counted_by_role():
    assert table(build(None), "accounts-by-role").rows[0] == ("person", "officer", 12, "100.0%")
