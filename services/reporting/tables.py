"""Report tables built from counts, with small counts hidden in the public version. Pure: no I/O.

A hidden cell is None; whatever could be worked out from it (its share, a rate) is hidden too.
`threshold=None` builds the internal version, with nothing hidden.
"""
from dataclasses import dataclass

from services.reporting.suppression import Grid, suppress, suppress_counts

TOTAL = "Total"


@dataclass(frozen=True)
class ReportTable:
    slug: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple]
    note: str = ""

    def column(self, name: str) -> list:
        index = self.columns.index(name)
        return [row[index] for row in self.rows]


def share(part: int | None, whole: int | None) -> str | None:
    if part is None or whole is None:
        return None
    return f"{100 * part / whole:.1f}%" if whole else "-"


def per_thousand(part: int | None, whole: int | None) -> str | None:
    if part is None or whole is None:
        return None
    return f"{1000 * part / whole:.1f}" if whole else "-"


def hidden_column(counts: list[int], threshold: int | None) -> tuple[list[int | None], int | None]:
    """The counts and their total as published: hidden ones are None."""
    total = sum(counts)
    if threshold is None:
        return list(counts), total
    hidden, total_hidden = suppress_counts(counts, threshold)
    return [None if i in hidden else n for i, n in enumerate(counts)], None if total_hidden else total


def ordered(counts: dict, by_count: bool = True) -> list[tuple]:
    """(key, count) largest first (ties by key), or by key."""
    if by_count:
        return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return sorted(counts.items(), key=lambda kv: kv[0])


def count_table(slug: str, title: str, label_columns: tuple[str, ...], items: list[tuple[tuple, int]],
                what: str, threshold: int | None, note: str = "") -> ReportTable:
    """One row per label with its count and share, then the total."""
    shown, total = hidden_column([n for _, n in items], threshold)
    rows = [(*labels, n, share(n, total)) for (labels, _), n in zip(items, shown)]
    if items:
        rows.append((TOTAL, *[""] * (len(label_columns) - 1), total, share(total, total)))
    return ReportTable(slug, title, (*label_columns, what, "Share"), rows, note)


def two_way(slug: str, title: str, row_label: str, row_keys: list, column_keys: list,
            counts: dict[tuple, int], threshold: int | None, note: str = "") -> ReportTable:
    """A table of row x column counts with row and column totals, suppressed as one grid."""
    grid = Grid(tuple(tuple(counts.get((r, c), 0) for c in column_keys) for r in row_keys))
    hidden = suppress(grid, threshold) if threshold is not None else frozenset()

    def cell(r: int, c: int) -> int | None:
        return None if grid.same((r, c)) in hidden else grid.value((r, c))

    width, height = len(column_keys), len(row_keys)
    rows = [(key, *[cell(r, c) for c in range(width + 1)]) for r, key in enumerate(row_keys)]
    if row_keys:
        rows.append((TOTAL, *[cell(height, c) for c in range(width + 1)]))
    return ReportTable(slug, title, (row_label, *map(str, column_keys), TOTAL), rows, note)
