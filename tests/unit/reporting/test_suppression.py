from hypothesis import given, settings
from hypothesis import strategies as st

from services.reporting.suppression import Grid, suppress, suppress_counts

grids = st.integers(1, 5).flatmap(lambda w: st.lists(st.lists(st.integers(0, 40), min_size=w, max_size=w), min_size=1, max_size=5))


def recoverable(grid: Grid, hidden: frozenset) -> list:
    """Hidden members that equal their line's total minus its visible members (the total itself when all members show)."""
    found = []
    for line in grid.lines():
        members, total = line[:-1], line[-1]
        visible = sum(grid.value(p) for p in members if p not in hidden)
        if total not in hidden:
            found += [p for p in members if p in hidden and grid.value(p) == grid.value(total) - visible]
        elif not any(p in hidden for p in members):
            found.append(total)
    return found


@settings(max_examples=300, deadline=None)
@given(grids, st.integers(1, 15))
def test_no_hidden_count_can_be_worked_out_from_its_row_or_column(rows, threshold):
    grid = Grid(tuple(map(tuple, rows)))
    hidden = suppress(grid, threshold)
    assert recoverable(grid, hidden) == []
    assert {p for p in grid.positions() if 0 < grid.value(p) < threshold} <= hidden
    assert all(grid.value(p) > 0 for p in hidden)


def test_one_small_count_in_a_column_hides_the_next_smallest_too():
    assert suppress_counts([50, 3, 40, 12], 10) == ({1, 3}, False)


def test_nothing_is_hidden_when_every_count_is_large_or_zero():
    assert suppress_counts([50, 0, 10], 10) == (set(), False)


def test_a_small_total_is_hidden_with_its_counts():
    assert suppress_counts([3, 0, 4], 10) == ({0, 2}, True)


def test_a_two_way_table_hides_a_complement_in_both_the_row_and_the_column():
    grid = Grid(((2, 30, 40), (25, 50, 60)))
    hidden = suppress(grid, 10)
    assert {(0, 0), (0, 1), (1, 0)} <= hidden
    assert recoverable(grid, hidden) == []
