"""`alpr retention bench`: shredding an epoch takes the same time whatever was sealed under it.

In a fresh database on the configured server, N plate reads are sealed under each of several epochs (AES-GCM under
its data key, one row per read as the services store them), then `destroy_epoch` is timed on each. The medians
for a small and a large N are printed side by side: destroying is one UPDATE of one row, so they stay flat.
"""
import os
import statistics
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import alpr_common
from alpr_common.crypto import EpochSchedule, KeyStore, LocalMasterKey, seal
from alpr_common.db import apply_migrations, connect, scratch_database, service_migrations

KEYS_MIGRATIONS = Path(alpr_common.__file__).resolve().parent / "keys_migrations"
SEALED_READS = """CREATE TABLE IF NOT EXISTS public.sealed_reads (
    read_id text PRIMARY KEY, key_id text NOT NULL, nonce bytea NOT NULL, ciphertext bytea NOT NULL)"""
T0 = datetime(2030, 1, 1, tzinfo=timezone.utc)


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new database with the key store's schema and a table of sealed reads; dropped afterwards."""
    with scratch_database(server_url, "alpr_retention_bench") as url:
        prepare(url)
        yield url


def prepare(url: str) -> None:
    apply_migrations(url, service_migrations("keys", KEYS_MIGRATIONS))
    with connect(url, autocommit=True) as conn:
        conn.execute(SEALED_READS)


def seal_reads(url: str, keystore: KeyStore, at: datetime, count: int) -> str:
    """Seal `count` plate reads captured at `at` under its epoch's data key and store them; returns the epoch id."""
    keys = keystore.epoch_for(at)
    with connect(url) as conn, conn.cursor() as cur:
        with cur.copy("COPY public.sealed_reads (read_id, key_id, nonce, ciphertext) FROM STDIN") as copy:
            for n in range(count):
                read_id = f"{keys.epoch_id}/{n}"
                sealed = seal(keys, f"PLATE{n:07d}".encode(), read_id.encode())
                copy.write_row((read_id, sealed.key_id, sealed.nonce, sealed.ciphertext))
    return keys.epoch_id


def shred_seconds(keystore: KeyStore, epoch_id: str, at: datetime) -> float:
    started = time.perf_counter()
    if not keystore.destroy_epoch(epoch_id, at):
        raise RuntimeError(f"epoch {epoch_id} was not live")
    return time.perf_counter() - started


def bench(server_url: str, small: int, large: int, runs: int, echo) -> dict[int, float]:
    """Seal every epoch first, then shred them alternately (small, large, ...), so load drift hits both alike."""
    with fresh_database(server_url) as url:
        keystore = KeyStore(url, LocalMasterKey(os.urandom(32)), EpochSchedule(), cache_ttl_s=0)
        step = keystore.schedule.step * 2
        epochs = [(count, seal_reads(url, keystore, T0 + (2 * run + i) * step, count))
                  for run in range(runs) for i, count in enumerate((small, large))]
        echo(f"sealed {runs * small:,} + {runs * large:,} reads under {len(epochs)} epochs")
        keystore.destroy_epoch("warm-up", T0)  # the server's first connection and plan are not part of the figure
        times = {small: [], large: []}
        for count, epoch_id in epochs:
            times[count].append(shred_seconds(keystore, epoch_id, T0))
    results = {count: statistics.median(t) for count, t in times.items()}
    for count in (small, large):
        echo(f"{count:>10,} sealed reads per epoch: median time to shred the epoch over {runs} runs: "
             f"{results[count] * 1000:.2f} ms")
    return results
