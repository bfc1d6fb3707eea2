"""The annual data-usage report's content: summary, sections, tables and charts. Pure: no I/O."""
import calendar
from dataclasses import dataclass, field

from services.reporting.equity import equity_table
from services.reporting.figures import YearFigures
from services.reporting.retention_rules import RuleInForce
from services.reporting.svg import bar_chart
from services.reporting.tables import ReportTable, count_table, ordered, share, two_way
from services.reporting.tract_map import Tract, tract_map
from services.reporting.destroyed import destroyed_table
from services.reporting.shared import sharing_table

REASON_LABELS = {"": "(no reason given)", "other": "other (or free text, withheld)"}
OUTCOMES = ("allowed", "denied", "not_found", "invalid", "failed")


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    tables: list[ReportTable] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class AnnualReport:
    year: int
    public: bool
    threshold: int | None
    summary: list[tuple[str, object]]
    sections: list[Section]

    @property
    def tables(self) -> list[ReportTable]:
        return [t for s in self.sections for t in s.tables]


def summary(f: YearFigures, threshold: int | None) -> list[tuple[str, object]]:
    """Year totals; a small total is hidden like any other count, and so is a share made from it."""
    reads, cases, confirmed, rejected, misread, citations, destroyed = (
        None if threshold is not None and 0 < n < threshold else n for n in
        (f.reads, f.cases, f.decided("confirmed"), f.decided("rejected"), f.rejected_because("misread"), f.citations,
         sum(f.destroyed().values())))
    decided = None if confirmed is None or rejected is None else confirmed + rejected
    return [("Plate reads", reads), ("Violation cases opened", cases), ("Share of reads that led to a case", share(cases, reads)),
            ("Cases confirmed by an officer", confirmed), ("Cases rejected by an officer", rejected),
            ("Share of decided cases rejected", share(rejected, decided)),
            ("Share of decided cases rejected as misreads", share(misread, decided)),
            ("Citations issued", citations), ("Share of reads that led to a citation", share(citations, reads)),
            ("Items destroyed under the retention rules", destroyed)]


def build(f: YearFigures, names: dict[str, str], tracts: list[Tract], rules: list[RuleInForce],
          threshold: int | None, grace_minutes: int = 60) -> AnnualReport:
    t = threshold

    def tract_rows(counts: dict) -> list:
        return [((k, names.get(k, k)), n) for k, n in ordered(counts)]

    violations = count_table("violations-by-tract", "Violations (citations) by census tract", ("Census tract", "Name"),
                             tract_rows(f.citations_by_tract), "Citations", t)
    reads_tract = count_table("reads-by-tract", "Plate reads by census tract", ("Census tract", "Name"),
                              tract_rows(f.reads_by_tract), "Reads", t)
    reads_zone = count_table("reads-by-zone", "Plate reads by enforcement zone", ("Zone",),
                             [((k,), n) for k, n in ordered(f.reads_by_zone)], "Reads", t)
    hours = count_table("reads-by-hour", "Plate reads by hour of the day", ("Hour",),
                        [((f"{h:02d}:00",), n) for h, n in ordered(f.reads_by_hour, by_count=False) if h >= 0], "Reads", t)
    months = count_table("reads-by-month", "Plate reads by month", ("Month",),
                         [((calendar.month_abbr[m],), n) for m, n in ordered(f.reads_by_month, by_count=False)], "Reads", t)
    cases = count_table("cases-by-kind", "Violation cases opened, by kind", ("Kind",),
                        [((k,), n) for k, n in ordered(f.cases_by_kind)], "Cases", t)
    rejections = count_table("rejections-by-reason", "Accuracy: cases rejected by officers, and why", ("Reason",),
                             [((REASON_LABELS.get(k, k),), n) for k, n in ordered(f.rejection_reasons())], "Rejected cases", t)
    who = _accesses(f, t)
    sections = [
        Section("violations", "Violations by census tract", [violations],
                [tract_map("Citations by census tract", tracts, _by_tract(violations))]),
        Section("reads", "Reads by location and time", [reads_tract, reads_zone, hours, months],
                [tract_map("Plate reads by census tract", tracts, _by_tract(reads_tract)), _chart(hours), _chart(months)]),
        Section("accuracy", "Accuracy", [cases, rejections], [_chart(rejections)]),
        Section("equity", "Equity", [equity_table(f.reads_by_tract, f.citations_by_tract, names,
                                                   {tr.id: tr.area_km2 for tr in tracts}, t)]),
        Section("access", "Who accessed data", who,
                note="Counted from the audit trail. People, services and devices are counted by role; "
                     "the number of distinct accounts per role is counted, never their names."),
        Section("sharing", "What was shared", [sharing_table(f.sharing, t)],
                note="Raw data leaves only under a recorded agreement or legal requirement, approved by a supervisor "
                     "other than the one who asked; every request, decision and export is recorded and audited."
                     + ("" if f.sharing else " No data-sharing request was recorded this year.")),
        Section("destroyed", "What was destroyed, and whether anything was overdue",
                [destroyed_table(f.lifetimes, rules, t, grace_minutes)]),
    ]
    return AnnualReport(f.year, threshold is not None, threshold, summary(f, t), sections)


def _accesses(f: YearFigures, t: int | None) -> list[ReportTable]:
    by_role = {(f"{kind} / {role or '(not signed in)'}", outcome): n for (kind, role, outcome), n in f.accesses.items()}
    roles = sorted({r for r, _ in by_role})
    outcomes = [o for o in OUTCOMES if any(oc == o for _, oc in by_role)] + sorted({o for _, o in by_role} - set(OUTCOMES))
    accesses = two_way("accesses-by-role", "Accesses to data by role and outcome", "Actor kind / role", roles, outcomes,
                       by_role, t)
    actors = count_table("accounts-by-role", "Distinct accounts that accessed data, by role", ("Actor kind", "Role"),
                         [((k, r or "(not signed in)"), n) for (k, r), n in ordered(f.accessors)], "Accounts", t)
    return [accesses, actors]


def _by_tract(table: ReportTable) -> dict:
    return {row[0]: row[2] for row in table.rows[:-1]}


def _chart(table: ReportTable) -> str:
    rows = table.rows[:-1]
    return bar_chart(table.title, [str(r[0]) for r in rows], [r[-2] for r in rows]) if rows else ""
