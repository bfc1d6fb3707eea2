"""`alpr review bench`: case list and case detail latency under concurrent officers, with /healthz as baseline.

Starts a real uvicorn server (review app, case intake off; its own process) on a free port against a fresh database on the
configured PostgreSQL server (DATABASE_URL, else the embedded one), the configured broker (else an in-process
development broker), a local-folder store and a master key of its own, seeds N open cases sealed as intake leaves
them (plates under each case's key, so every list and detail opens them), then runs the officers with httpx.
"""
import asyncio
import base64
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

import alpr_common
import httpx

from alpr_common.crypto import CaseKey, KeyStore, LocalMasterKey, seal
from alpr_common.db import apply_migrations, connect, resolve_database_url, scratch_database, service_migrations
from alpr_common.storage.layout import case_evidence_key
from services.review import repository
from services.review.models import Case, Sighting
from services.review.settings import ReviewSettings
from services.review.users import add_user

MIGRATIONS = Path(__file__).parent / "migrations"
KEYS_MIGRATIONS = Path(alpr_common.__file__).resolve().parent / "keys_migrations"
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)


def seeded_case(i: int, key: CaseKey) -> Case:
    """An open case as intake stores it: plates sealed under the case's key (the images are never fetched)."""
    sightings = tuple(Sighting(n=n, read_id=f"r{i}-{n}", frame_id=f"f{i}-{n}", object_key=f"frames/bench/f{i}-{n}.jpg",
                               captured_at=T0 + timedelta(minutes=i, hours=3 * n), latitude=45.5 + n * 1e-5,
                               longitude=-73.6, confidence=0.93, box=(100, 200, 120, 40),
                               sealed_plate=seal(key, f"BEN{i:04d}"[-8:].encode(), f"r{i}-{n}".encode()),
                               evidence_key=case_evidence_key(key.case_id, f"f{i}-{n}"))
                      for n in range(2))
    return Case(case_id=key.case_id, zone_id="z-bench", zone_name="Bench St 2h",
                kind="OVERSTAY", rule_summary="2h limit + 10 min grace", limit_minutes=120, grace_minutes=10,
                opened_at=T0 + timedelta(minutes=i, hours=3), sightings=sightings)


@contextmanager
def bench_database(settings: ReviewSettings):
    admin = resolve_database_url(settings.database_url, settings.data_dir)
    with scratch_database(admin, "review_bench") as url:
        apply_migrations(url, service_migrations("keys", KEYS_MIGRATIONS) + service_migrations("review", MIGRATIONS))
        yield url


@contextmanager
def broker(settings: ReviewSettings):
    if settings.kafka_bootstrap_servers:
        yield settings.kafka_bootstrap_servers
        return
    from alpr_common.devbroker import DevelopmentBroker

    dev = DevelopmentBroker()
    try:
        yield dev.bootstrap
    finally:
        dev.close()


@contextmanager
def serving(env: dict[str, str]):
    """The review app under uvicorn in a process of its own, so the simulated officers do not share its GIL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "services.review.app:create_app",
                             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
                             "--timeout-keep-alive", "120"],
                            env={**os.environ, **env}, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while httpx.get(f"http://127.0.0.1:{port}/healthz").status_code != 200 if _listening(port) else True:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("the review server did not start")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


async def officer(client: httpx.AsyncClient, token: str, case_ids: list[str], rounds: int, timings: dict,
                  think_s: float) -> None:
    """One officer's requests; with think time, a pause averaging think_s after each (0: back to back)."""
    headers = {"Authorization": f"Bearer {token}"}
    await asyncio.sleep(random.uniform(0, think_s))
    for _ in range(rounds):
        for route, path in (("GET /v1/cases", "/v1/cases?limit=100"),
                            ("GET /v1/cases/{id}", f"/v1/cases/{random.choice(case_ids)}"), ("GET /healthz", "/healthz")):
            started = time.perf_counter()
            response = await client.get(path, headers=headers)
            timings[route].append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
            await asyncio.sleep(random.uniform(0, 2 * think_s))


async def run_officers(base_url: str, token: str, case_ids: list[str], officers: int, rounds: int,
                       think_s: float = 0.0) -> dict:
    timings = {"GET /v1/cases": [], "GET /v1/cases/{id}": [], "GET /healthz": []}
    limits = httpx.Limits(max_connections=officers, max_keepalive_connections=officers)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:
        await asyncio.gather(*(officer(client, token, case_ids, rounds, timings, think_s) for _ in range(officers)))
    return timings


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def report(timings: dict, cases: int, officers: int, wall_s: float, think_s: float) -> str:
    lines = [f"review bench: {officers} concurrent officers, think time {think_s * 1000:.0f} ms, {cases} open cases, {wall_s:.1f} s",
             f"{'route':22} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"]
    for route, values in timings.items():
        lines.append(f"{route:22} {len(values):6d} {statistics.median(values):8.1f} {percentile(values, 95):8.1f} "
                     f"{percentile(values, 99):8.1f} {max(values):8.1f}")
    worst = max(percentile(timings[r], 95) for r in ("GET /v1/cases", "GET /v1/cases/{id}"))
    lines.append(f"target p95 < 100 ms for list and detail: {'met' if worst < 100 else 'NOT met'} (worst p95 {worst:.1f} ms; "
                 "/healthz is the baseline: same server, no database, no audit)")
    return "\n".join(lines)


def run_bench(cases: int, officers: int, rounds: int, think_s: float = 0.0) -> str:
    base, master = ReviewSettings(), os.urandom(32)
    with broker(base) as bootstrap, bench_database(base) as url, tempfile.TemporaryDirectory() as folder:
        keystore = KeyStore(url, LocalMasterKey(master))
        with connect(url, autocommit=True) as conn:
            for i in range(cases):
                repository.insert_case(conn, seeded_case(i, keystore.case_key(f"bench-{i:06d}")))
        token = add_user(url, "bench-officer", "officer")
        env = {"KAFKA_BOOTSTRAP_SERVERS": bootstrap, "DATABASE_URL": url, "REVIEW_CONSUME": "false",
               "ALPR_STORAGE_URL": f"file://{folder}", "ALPR_LOG_LEVEL": "WARNING",
               "ALPR_MASTER_KEY": base64.b64encode(master).decode()}
        with serving(env) as base_url:
            ids = [f"bench-{i:06d}" for i in range(cases)]
            started = time.perf_counter()
            timings = asyncio.run(run_officers(base_url, token, ids, officers, rounds, think_s))
            return report(timings, cases, officers, time.perf_counter() - started, think_s)
