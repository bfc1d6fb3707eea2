"""The annual report's figures and tables, built from aggregate totals. Pure: no I/O."""
from dataclasses import dataclass

REASON_LABELS = {"": "(no reason given)", "other": "other (or free text, withheld)"}


@dataclass(frozen=True)
class ReportTable:
    slug: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple]


@dataclass(frozen=True)
class Totals:
    reads: int
    cases: int
    confirmed: int
    rejected: int
    citations: int
    destroyed: int


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def summary(t: Totals) -> list[tuple[str, str]]:
    decided = t.confirmed + t.rejected
    return [
        ("Plate reads", f"{t.reads:,}"),
        ("Violation cases opened", f"{t.cases:,}"),
        ("Cases confirmed by an officer", f"{t.confirmed:,}"),
        ("Cases rejected by an officer", f"{t.rejected:,}"),
        ("Share of decided cases rejected", share(t.rejected, decided)),
        ("Citations issued", f"{t.citations:,}"),
        ("Items destroyed under the retention rules", f"{t.destroyed:,}"),
    ]


def by_tract(slug: str, title: str, what: str, counts: dict[str, int], names: dict[str, str]) -> ReportTable:
    """One row per tract with a count, largest first, with its share of the total."""
    total = sum(counts.values())
    rows = [(tract, names.get(tract, tract), n, share(n, total))
            for tract, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return ReportTable(slug, title, ("Census tract", "Name", what, "Share"), rows)


def rejections(by_reason: dict[str, int]) -> ReportTable:
    total = sum(by_reason.values())
    rows = [(REASON_LABELS.get(reason, reason), n, share(n, total))
            for reason, n in sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0]))]
    return ReportTable("rejections-by-reason", "Accuracy: cases rejected by officers, and why",
                       ("Reason", "Rejected cases", "Share of rejections"), rows)


def destroyed(by_rule: dict[tuple[str, str], int]) -> ReportTable:
    rows = [(rule, kind, n) for (rule, kind), n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))]
    return ReportTable("destroyed-by-rule", "Items destroyed, by retention rule", ("Rule", "Item kind", "Items"), rows)
