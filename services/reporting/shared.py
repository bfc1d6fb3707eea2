"""The report's "What was shared" table: data-sharing requests by legal basis and step. Pure: no I/O."""
from dataclasses import replace

from services.reporting.tables import ReportTable, two_way

BASES = ("agreement", "subpoena", "court_order", "statute", "other", "unknown")
STEPS = ("requested", "approved", "denied", "exported")
NOTE = ("Counted from alpr.sharing.v1. Each column counts the requests that reached that step during the year "
        "(a request asked for in one year may be decided or exported in the next), so the columns are not added up. "
        "An export contains only cases whose evidence was still retained; cases already destroyed are listed to "
        "the recipient as unavailable, never reconstructed.")


def sharing_table(counts: dict[tuple[str, str], int], threshold: int | None) -> ReportTable:
    """Rows: legal bases that occur; columns: the steps; small counts hidden as in every table."""
    bases = [b for b in BASES if any(k == b for k, _ in counts)] + sorted({k for k, _ in counts} - set(BASES))
    table = two_way("sharing-by-basis", "Data-sharing requests by legal basis and step", "Legal basis", bases,
                    list(STEPS), counts, threshold, NOTE)
    # The row total would add steps of the same request together: it is dropped (hiding more is always safe).
    return replace(table, columns=table.columns[:-1], rows=[row[:-1] for row in table.rows])
