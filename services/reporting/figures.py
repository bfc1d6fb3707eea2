"""A year's aggregate counts, as the report and the transparency page need them. Pure: no I/O."""
from dataclasses import dataclass, field

from services.reporting.aggregation import UNKNOWN_LIFETIME


@dataclass(frozen=True)
class YearFigures:
    year: int
    reads_by_tract: dict[str, int] = field(default_factory=dict)
    reads_by_zone: dict[str, int] = field(default_factory=dict)
    reads_by_hour: dict[int, int] = field(default_factory=dict)
    reads_by_month: dict[int, int] = field(default_factory=dict)
    cases_by_kind: dict[str, int] = field(default_factory=dict)
    decisions: dict[tuple[str, str], int] = field(default_factory=dict)  # (outcome, reason code)
    citations_by_tract: dict[str, int] = field(default_factory=dict)
    accesses: dict[tuple[str, str, str], int] = field(default_factory=dict)  # (actor kind, role, outcome)
    accessors: dict[tuple[str, str], int] = field(default_factory=dict)  # (actor kind, role) -> distinct actors
    lifetimes: dict[tuple[str, str], dict[int, int]] = field(default_factory=dict)  # (rule, kind) -> {minutes: items}
    sharing: dict[tuple[str, str], int] = field(default_factory=dict)  # (legal basis, step) -> requests

    @property
    def reads(self) -> int:
        return sum(self.reads_by_tract.values())

    @property
    def cases(self) -> int:
        return sum(self.cases_by_kind.values())

    @property
    def citations(self) -> int:
        return sum(self.citations_by_tract.values())

    def decided(self, outcome: str) -> int:
        return sum(n for (o, _), n in self.decisions.items() if o == outcome)

    def rejected_because(self, reason: str) -> int:
        return self.decisions.get(("rejected", reason), 0)

    def rejection_reasons(self) -> dict[str, int]:
        return {reason: n for (outcome, reason), n in self.decisions.items() if outcome == "rejected"}

    def destroyed(self) -> dict[tuple[str, str], int]:
        return {key: sum(h.values()) for key, h in self.lifetimes.items()}


@dataclass(frozen=True)
class Lifetime:
    items: int
    median_minutes: int | None
    max_minutes: int | None
    overdue: int | None  # None: this rule's window is not counted from the item's time


def lifetime(histogram: dict[int, int], window_minutes: int | None, grace_minutes: int) -> Lifetime:
    """How long destroyed items lived, from {whole minutes lived: items}; unknown lifetimes only count."""
    known = sorted((m, n) for m, n in histogram.items() if m != UNKNOWN_LIFETIME and n > 0)
    items = sum(histogram.values())
    if not known:
        return Lifetime(items, None, None, None if window_minutes is None else 0)
    overdue = None if window_minutes is None else sum(n for m, n in known if m > window_minutes + grace_minutes)
    return Lifetime(items, _median(known), known[-1][0], overdue)


def _median(sorted_histogram: list[tuple[int, int]]) -> int:
    total, seen = sum(n for _, n in sorted_histogram), 0
    for minutes, n in sorted_histogram:
        seen += n
        if 2 * seen >= total:
            return minutes
    return sorted_histogram[-1][0]


def merge(histograms: list[dict[int, int]]) -> dict[int, int]:
    out: dict[int, int] = {}
    for h in histograms:
        for m, n in h.items():
            out[m] = out.get(m, 0) + n
    return out
