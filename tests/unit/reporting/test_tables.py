from services.reporting import tables
from services.reporting.places import OUTSIDE

NAMES = {"A": "Tract A", "B": "Tract B", OUTSIDE: "Outside every census tract"}


def items(counts):
    return [((k, NAMES.get(k, k)), n) for k, n in tables.ordered(counts)]


def test_count_tables_are_largest_first_with_names_shares_and_a_total():
    table = tables.count_table("t", "Violations", ("Census tract", "Name"), items({"A": 1, OUTSIDE: 1, "B": 2, "C": 0}),
                               "Citations", threshold=None)
    assert table.columns == ("Census tract", "Name", "Citations", "Share")
    assert table.rows == [("B", "Tract B", 2, "50.0%"), ("A", "Tract A", 1, "25.0%"),
                          (OUTSIDE, "Outside every census tract", 1, "25.0%"), ("C", "C", 0, "0.0%"),
                          ("Total", "", 4, "100.0%")]


def test_the_public_version_hides_small_counts_their_shares_and_a_complement():
    table = tables.count_table("t", "Reads", ("Tract", "Name"), items({"A": 120, "B": 4, "C": 30}), "Reads", threshold=10)
    assert table.rows == [("A", "Tract A", 120, "77.9%"), ("C", "C", None, None), ("B", "Tract B", None, None),
                          ("Total", "", 154, "100.0%")]


def test_an_empty_table_has_no_total_row():
    assert tables.count_table("t", "T", ("Reason",), [], "Cases", threshold=10).rows == []


def test_two_way_tables_hide_complements_in_rows_and_columns_and_keep_totals_consistent():
    counts = {("officer", "allowed"): 400, ("officer", "denied"): 3, ("auditor", "allowed"): 50, ("auditor", "denied"): 20}
    table = tables.two_way("a", "Accesses", "Role", ["auditor", "officer"], ["allowed", "denied"], counts, threshold=10)
    assert table.columns == ("Role", "allowed", "denied", "Total")
    assert table.rows == [("auditor", None, None, 70), ("officer", None, None, 403), ("Total", 450, 23, 473)]


def test_two_way_with_one_row_hides_the_same_count_wherever_it_appears():
    table = tables.two_way("a", "A", "Role", ["officer"], ["allowed", "denied"], {("officer", "denied"): 3,
                                                                                 ("officer", "allowed"): 40}, threshold=10)
    assert table.rows == [("officer", None, None, 43), ("Total", None, None, 43)]


def test_shares_and_rates_without_a_whole_are_a_dash_not_a_division_by_zero():
    assert tables.share(0, 0) == "-" and tables.per_thousand(3, 0) == "-" and tables.share(None, 10) is None
