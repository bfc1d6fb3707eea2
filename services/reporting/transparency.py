"""The public transparency page's figures: suppressed aggregates and the retention rules. Pure: no I/O."""
from services.reporting.annual import summary
from services.reporting.destroyed import duration, non_violation_lifetime
from services.reporting.figures import YearFigures
from services.reporting.retention_rules import RuleInForce
from services.reporting.tables import count_table, ordered, share


def hide_small(n: int, threshold: int) -> int | None:
    return None if 0 < n < threshold else n


def figures(f: YearFigures, rules: list[RuleInForce], threshold: int, grace_minutes: int) -> dict:
    """What anyone may see without signing in; every count below the threshold is suppressed (null)."""
    lived = non_violation_lifetime(f.lifetimes, rules, grace_minutes)
    reads, cases, citations = (hide_small(n, threshold) for n in (f.reads, f.cases, f.citations))
    decided = f.decided("confirmed") + f.decided("rejected")
    misreads, decided_shown = hide_small(f.rejected_because("misread"), threshold), hide_small(decided, threshold)
    by_tract = count_table("citations-by-tract", "", ("tract",), [((k,), n) for k, n in ordered(f.citations_by_tract)],
                           "citations", threshold)
    return {
        "year": f.year, "suppression_threshold": threshold,
        "summary": dict(summary(f, threshold)),
        "share_of_reads_that_led_to_a_case": share(cases, reads),
        "share_of_reads_that_led_to_a_citation": share(citations, reads),
        "share_of_cases_rejected_as_misreads": share(misreads, decided_shown),
        "non_violation_data_lifetime": {
            "items_destroyed": hide_small(lived.items, threshold),
            "median": duration(lived.median_minutes), "max": duration(lived.max_minutes),
            "median_minutes": lived.median_minutes, "max_minutes": lived.max_minutes,
            "overdue": None if lived.overdue is None else hide_small(lived.overdue, threshold),
        },
        "citations_by_tract": {row[0]: row[1] for row in by_tract.rows[:-1]},
        "retention_rules": [vars(r) for r in rules],
    }
