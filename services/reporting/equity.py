"""Equity view: is one neighbourhood enforced more than another? Pure: no I/O.

Per census tract: reads (how much the cameras looked), reads per km² and share of all reads
(enforcement coverage), citations, and citations per 1,000 reads (how often looking led to a ticket).
"""
from services.reporting.tables import ReportTable, hidden_column, per_thousand, share

COLUMNS = ("Census tract", "Name", "Area (km²)", "Reads", "Reads per km²", "Share of reads", "Citations",
           "Citations per 1,000 reads")


def equity_table(reads: dict[str, int], citations: dict[str, int], names: dict[str, str],
                 areas_km2: dict[str, float], threshold: int | None) -> ReportTable:
    """One row per tract with reads or citations (tracts of the file first, by id); hidden counts hide their rates."""
    tracts = sorted(set(reads) | set(citations) | set(areas_km2), key=lambda t: (t not in areas_km2, t))
    shown_reads, total_reads = hidden_column([reads.get(t, 0) for t in tracts], threshold)
    shown_citations, _ = hidden_column([citations.get(t, 0) for t in tracts], threshold)
    rows = []
    for tract, n_reads, n_citations in zip(tracts, shown_reads, shown_citations):
        area = areas_km2.get(tract)
        rows.append((tract, names.get(tract, tract), f"{area:.2f}" if area else "-", n_reads, density(n_reads, area),
                     share(n_reads, total_reads), n_citations, per_thousand(n_citations, n_reads)))
    return ReportTable("equity-by-tract", "Equity: enforcement coverage and citations per 1,000 reads, by census tract",
                       COLUMNS, rows, "Rates are left out wherever a count they are made from is suppressed.")


def density(count: int | None, area_km2: float | None) -> str | None:
    if count is None:
        return None
    return f"{count / area_km2:.1f}" if area_km2 else "-"
