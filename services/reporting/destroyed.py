"""What the retention rules destroyed, how long it had lived, and whether any of it was overdue. Pure."""
from services.reporting.figures import Lifetime, lifetime, merge
from services.reporting.retention_rules import RuleInForce
from services.reporting.tables import TOTAL, ReportTable, hidden_column

COLUMNS = ("Rule", "Item kind", "Items", "Kept under the rule", "Median time lived", "Longest time lived", "Overdue")
NOT_JUDGED = "not judged"  # the rule's window does not count from the item's time


def duration(minutes: int | None) -> str:
    if minutes is None:
        return "-"
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    return " ".join(part for part in (f"{days}d" * bool(days), f"{hours}h" * bool(hours), f"{mins}m") if part)


def lifetimes_by_rule(lifetimes: dict[tuple[str, str], dict[int, int]], rules: list[RuleInForce],
                      grace_minutes: int) -> dict[tuple[str, str], Lifetime]:
    windows = {r.name: r.window_minutes for r in rules}
    return {key: lifetime(h, windows.get(key[0]), grace_minutes) for key, h in sorted(lifetimes.items())}


def destroyed_table(lifetimes: dict[tuple[str, str], dict[int, int]], rules: list[RuleInForce],
                    threshold: int | None, grace_minutes: int) -> ReportTable:
    by_rule = lifetimes_by_rule(lifetimes, rules, grace_minutes)
    kept = {r.name: r.kept for r in rules}
    items, total = hidden_column([lt.items for lt in by_rule.values()], threshold)
    judged = [lt.overdue or 0 for lt in by_rule.values()]
    overdue, total_overdue = hidden_column(judged, threshold)
    rows = [(rule, kind, n, kept.get(rule, "not in the rules file"), duration(lt.median_minutes),
             duration(lt.max_minutes), NOT_JUDGED if lt.overdue is None else late)
            for ((rule, kind), lt), n, late in zip(by_rule.items(), items, overdue)]
    if rows:
        rows.append((TOTAL, "", total, "", "", "", total_overdue))
    note = (f"Overdue: destroyed more than {duration(grace_minutes)} after its window ended (a sweep runs every minute). "
            "Times lived are from the item's capture to its destruction, to the minute.")
    return ReportTable("destroyed-by-rule", "Items destroyed, by retention rule", COLUMNS, rows, note)


def non_violation_lifetime(lifetimes: dict[tuple[str, str], dict[int, int]], rules: list[RuleInForce],
                           grace_minutes: int, rule: str = "non_violation_frames") -> Lifetime:
    """How long data of cars that broke no rule actually lived before it was destroyed."""
    windows = {r.name: r.window_minutes for r in rules}
    return lifetime(merge([h for (name, _), h in lifetimes.items() if name == rule]), windows.get(rule), grace_minutes)
