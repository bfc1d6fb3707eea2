from services.reporting import tables
from services.reporting.places import OUTSIDE

NAMES = {"A": "Tract A", "B": "Tract B", OUTSIDE: "Outside every census tract"}


def test_the_summary_states_totals_and_the_rejection_share():
    figures = dict(tables.summary(tables.Totals(reads=12345, cases=40, confirmed=30, rejected=10, citations=29, destroyed=900)))
    assert figures["Plate reads"] == "12,345"
    assert figures["Share of decided cases rejected"] == "25.0%"
    assert figures["Citations issued"] == "29"


def test_no_decisions_gives_no_share_rather_than_a_division_by_zero():
    figures = dict(tables.summary(tables.Totals(0, 0, 0, 0, 0, 0)))
    assert figures["Share of decided cases rejected"] == "-"


def test_tract_tables_are_largest_first_with_names_and_shares():
    table = tables.by_tract("violations-by-tract", "Violations", "Citations", {"A": 1, OUTSIDE: 1, "B": 2, "C": 0}, NAMES)
    assert table.columns == ("Census tract", "Name", "Citations", "Share")
    assert table.rows == [("B", "Tract B", 2, "50.0%"), ("A", "Tract A", 1, "25.0%"),
                          (OUTSIDE, "Outside every census tract", 1, "25.0%"), ("C", "C", 0, "0.0%")]


def test_rejections_say_why_with_readable_labels():
    table = tables.rejections({"misread": 3, "other": 1})
    assert table.rows == [("misread", 3, "75.0%"), ("other (or free text, withheld)", 1, "25.0%")]


def test_destroyed_items_are_listed_by_rule_and_kind():
    table = tables.destroyed({("non_violation_frames", "frame_image"): 7, ("rejected_case_evidence", "frame_image"): 2})
    assert table.rows == [("non_violation_frames", "frame_image", 7), ("rejected_case_evidence", "frame_image", 2)]
