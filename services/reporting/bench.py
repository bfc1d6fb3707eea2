"""`alpr report bench`: time the annual report on a generated year of aggregate rows.

Rows equivalent to N reads (spread over 365 days, enforced hours, tracts and zones) go straight into
the aggregate tables of a fresh database; the report is built 3 times and the median compared with
the same report on a small baseline year, in the same run.
"""
import json
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import psycopg

from alpr_common.db import apply_migrations, scratch_database, service_migrations
from services.reporting.report import write_annual_report

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
TRACTS, ZONES_PER_TRACT, HOURS = 120, 2, range(8, 21)
YEAR = 2030


def reads_rows(reads: int, rng: np.random.Generator):
    """(day, hour, tract, zone, count) rows whose counts add up to `reads`."""
    days = [date(YEAR, 1, 1) + timedelta(d) for d in range(365)]
    cells = [(d, h, t, z) for d in days for h in HOURS for t in range(TRACTS) for z in range(ZONES_PER_TRACT)]
    counts = rng.multinomial(reads, np.full(len(cells), 1 / len(cells)))
    for (d, h, t, z), n in zip(cells, counts):
        if n:
            yield d, h, f"T{t:03d}", f"zone-{t:03d}-{z}", int(n)


def other_rows(reads: int, rng: np.random.Generator) -> dict[str, list[tuple]]:
    days = [date(YEAR, 1, 1) + timedelta(d) for d in range(365)]
    per_day = max(1, reads // 365)

    def spread(share: float) -> list[int]:
        return rng.poisson(per_day * share / TRACTS, size=(365, TRACTS)).tolist()

    cases, citations = spread(0.02), spread(0.015)
    return {
        "cases_daily": [(d, f"T{t:03d}", f"zone-{t:03d}-0", "overstay", n) for i, d in enumerate(days) for t, n in enumerate(cases[i]) if n],
        "citations_daily": [(d, f"T{t:03d}", f"zone-{t:03d}-0", n) for i, d in enumerate(days) for t, n in enumerate(citations[i]) if n],
        "decisions_daily": [(d, o, r, "zone", "overstay", max(1, int(per_day * s))) for d in days
                            for o, r, s in (("confirmed", "", 0.015), ("rejected", "misread", 0.003), ("rejected", "moved", 0.002))],
        "destroyed_daily": [(d, "non_violation_frames", "frame_image", 1440 + m, int(n)) for d in days
                            for m, n in enumerate(rng.multinomial(per_day, np.full(30, 1 / 30))) if n],
        "accesses_daily": [(d, "person", role, "get_case", "allowed", int(per_day * 0.01)) for d in days for role in ("officer", "supervisor")],
    }


def load(url: str, reads: int, seed: int = 7) -> None:
    from services.reporting.aggregation import TABLE_KEYS

    rng = np.random.default_rng(seed)
    apply_migrations(url, service_migrations("reporting", MIGRATIONS))
    tables = {"reads_daily": reads_rows(reads, rng), **other_rows(reads, rng)}
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        for table, rows in tables.items():
            with cur.copy(f"COPY reporting.{table} ({', '.join(TABLE_KEYS[table])}, count) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        cur.execute("ANALYZE")


def tracts_file(folder: Path) -> Path:
    def square(t: int) -> dict:
        x, y = -74.0 + (t % 12) * 0.01, 40.0 + (t // 12) * 0.01
        ring = [[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]
        return {"type": "Feature", "id": f"T{t:03d}", "properties": {"name": f"Tract {t}"},
                "geometry": {"type": "Polygon", "coordinates": [ring]}}
    path = folder / "tracts.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [square(t) for t in range(TRACTS)]}))
    return path


def median_seconds(url: str, runs: int, folder: Path, threshold: int | None) -> float:
    tracts, times = tracts_file(folder), []
    for _ in range(runs):
        started = time.perf_counter()
        write_annual_report(url, YEAR, folder / "out", tracts, threshold=threshold)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench(server_url: str, reads: int, baseline_reads: int, runs: int, public: bool, echo) -> dict[int, float]:
    results = {}
    for n in (baseline_reads, reads):
        with scratch_database(server_url, "alpr_bench") as url, tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            load(url, n)
            echo(f"{n:>12,} reads: generated and loaded in {time.perf_counter() - started:.1f} s")
            results[n] = median_seconds(url, runs, Path(tmp), 10 if public else None)
            echo(f"{n:>12,} reads: annual report median of {runs}: {results[n]:.2f} s")
    return results
