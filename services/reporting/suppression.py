"""Small-count suppression for the public report, with complementary suppression. Pure: no I/O.

A table is a grid of counts published with its totals. Every count (cell or total) from 1 to
threshold - 1 is hidden (primary suppression). Then, while some line (a row or a column, with its
total) has exactly one hidden member, one more is hidden in it (complementary suppression): the
smallest positive visible cell, or the line's total when no such cell is left. Every hidden member
is positive, so a line with a hidden member has at least two, and no hidden count equals its total
minus the visible counts of its line. Zeros are published.
"""
from dataclasses import dataclass

Position = tuple[int, int]  # (row, column); column == width is the row total, row == height the column total


@dataclass(frozen=True)
class Grid:
    cells: tuple[tuple[int, ...], ...]

    @property
    def height(self) -> int:
        return len(self.cells)

    @property
    def width(self) -> int:
        return len(self.cells[0]) if self.cells else 0

    def value(self, p: Position) -> int:
        r, c = p
        if r < self.height and c < self.width:
            return self.cells[r][c]
        if r < self.height:
            return sum(self.cells[r])
        if c < self.width:
            return sum(row[c] for row in self.cells)
        return sum(map(sum, self.cells))

    def lines(self) -> list[list[Position]]:
        """Each published equation: its members, the total last. A 1 x n or n x 1 grid has one line."""
        h, w = self.height, self.width
        if h == 0 or w == 0:
            return []
        if h == 1 or w == 1:
            members = [(0, c) for c in range(w)] if h == 1 else [(r, 0) for r in range(h)]
            return [members + [(h, w)]]
        rows = [[(r, c) for c in range(w + 1)] for r in range(h + 1)]
        cols = [[(r, c) for r in range(h + 1)] for c in range(w + 1)]
        return rows + cols

    def same(self, p: Position) -> Position:
        """In a 1 x n or n x 1 grid a row's or column's total is a cell or the grand total: its position in lines()."""
        (r, c), h, w = p, self.height, self.width
        if h == 1 and (r, c) != (1, w):
            return (0, c) if c < w else (1, w)
        if w == 1 and (r, c) != (h, 1):
            return (r, 0) if r < h else (h, 1)
        return p

    def positions(self) -> set[Position]:
        return {p for line in self.lines() for p in line}


def suppress(grid: Grid, threshold: int) -> frozenset[Position]:
    """The positions to hide (cells and totals) so that no hidden count can be worked out."""
    hidden = {p for p in grid.positions() if 0 < grid.value(p) < threshold}
    lines, changed = grid.lines(), True
    while changed:
        changed = False
        for line in lines:
            if sum(p in hidden for p in line) == 1:
                hidden.add(_complement(grid, line, hidden))
                changed = True
    return frozenset(hidden)


def _complement(grid: Grid, line: list[Position], hidden: set[Position]) -> Position:
    candidates = [p for p in line[:-1] if p not in hidden and grid.value(p) > 0]
    return min(candidates, key=lambda p: (grid.value(p), p)) if candidates else line[-1]


def suppress_counts(counts: list[int], threshold: int) -> tuple[set[int], bool]:
    """A single column of counts with its total: (indexes hidden, whether the total is hidden)."""
    hidden = suppress(Grid(tuple((n,) for n in counts)), threshold)
    return {r for r, c in hidden if r < len(counts)}, (len(counts), 1) in hidden
