"""The key store (adapter): epoch and case keys in PostgreSQL, wrapped by the master key.

Keys are created on first use, race-safe across processes (INSERT ... ON CONFLICT DO NOTHING, then
read back whichever row won). Destroying a key is one UPDATE of one row that nulls its wrapped key
material, whatever the number of values sealed under it. Unwrapped keys are cached in this process
for at most `cache_ttl_s`, and a key this process destroys leaves the cache at once; so another
process's destruction reaches this one within `cache_ttl_s`.
"""
import os
import time
from datetime import datetime

from psycopg_pool import ConnectionPool

from alpr_common.crypto.epochs import Epoch, EpochSchedule, epochs_at, sealing_epoch
from alpr_common.crypto.errors import KeyDestroyed, UnknownKey
from alpr_common.crypto.inventory import KeyInventory
from alpr_common.crypto.keys import CASE_PREFIX, EPOCH_PREFIX, KEY_BYTES, CaseKey, EpochKeys, split_key_id, wrap_context
from alpr_common.crypto.master import MasterKey
from alpr_common.db import connect

INSERT_EPOCH = """INSERT INTO keys.epochs (epoch_id, starts_at, ends_at, master_key_id, wrapped_hmac_key, wrapped_data_key)
                  VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (epoch_id) DO NOTHING"""
SELECT_EPOCH = "SELECT wrapped_hmac_key, wrapped_data_key, destroyed_at FROM keys.epochs WHERE epoch_id = %s"
INSERT_CASE = """INSERT INTO keys.case_keys (case_id, master_key_id, wrapped_data_key) VALUES (%s, %s, %s)
                 ON CONFLICT (case_id) DO NOTHING"""
SELECT_CASE = "SELECT wrapped_data_key, destroyed_at FROM keys.case_keys WHERE case_id = %s"
SELECT_LIVE_CASES = "SELECT case_id, wrapped_data_key FROM keys.case_keys WHERE case_id = ANY(%s) AND destroyed_at IS NULL"
DESTROY_EPOCH = """UPDATE keys.epochs SET wrapped_hmac_key = NULL, wrapped_data_key = NULL, destroyed_at = %s
                   WHERE epoch_id = %s AND destroyed_at IS NULL RETURNING epoch_id"""
# A case that never had a key gets a tombstone, so no later case_key() call can create one for it.
DESTROY_CASE = """INSERT INTO keys.case_keys (case_id, master_key_id, wrapped_data_key, destroyed_at)
                  VALUES (%(case_id)s, 'destroyed', NULL, %(at)s)
                  ON CONFLICT (case_id) DO UPDATE SET wrapped_data_key = NULL, destroyed_at = EXCLUDED.destroyed_at
                  WHERE case_keys.destroyed_at IS NULL RETURNING case_id"""


class KeyStore(KeyInventory):
    def __init__(self, database_url: str, master: MasterKey, schedule: EpochSchedule = EpochSchedule(),
                 cache_ttl_s: float = 30.0, pool: ConnectionPool | None = None):
        """`pool`: a service's connection pool (alpr_common.db.pool), so a key fetch opens no connection."""
        self.url, self.master, self.schedule, self.cache_ttl_s, self.pool = database_url, master, schedule, cache_ttl_s, pool
        self._cache: dict[str, tuple[float, EpochKeys | CaseKey]] = {}

    def epoch_for(self, at: datetime) -> EpochKeys:
        """The keys that seal and tokenize what was captured at `at` (KeyDestroyed once its window ended)."""
        epoch = sealing_epoch(self.schedule, at)
        return self._epoch(epoch.epoch_id, create_as=epoch)

    def epochs_for(self, at: datetime) -> list[EpochKeys]:
        """Every live epoch containing `at`, newest (the sealing one) first: tokenize under each."""
        newest, *older = epochs_at(self.schedule, at)
        keys = [self._epoch(newest.epoch_id, create_as=newest)]
        for epoch in older:
            try:
                keys.append(self._epoch(epoch.epoch_id))
            except (KeyDestroyed, UnknownKey):
                pass  # an older epoch already shredded or never used: no token under it
        return keys

    def keys_for(self, key_id: str) -> EpochKeys | CaseKey:
        """The keys a sealed value names; never creates one (UnknownKey, KeyDestroyed)."""
        kind, ident = split_key_id(key_id)
        if kind == "epoch":
            return self._epoch(ident)
        return self._case(ident)

    def case_key(self, case_id: str) -> CaseKey:
        return self._case(case_id, create=True)

    def prefetch_case_keys(self, case_ids: list[str]) -> None:
        """Load the live keys of many cases in one query (a page listing cases); destroyed ones stay out."""
        missing = [c for c in dict.fromkeys(case_ids) if not self._cached(CASE_PREFIX + c)]
        if not missing:
            return
        with self._connection() as conn:
            rows = conn.execute(SELECT_LIVE_CASES, (missing,)).fetchall()
        for row in rows:
            key = self.master.unwrap(row["wrapped_data_key"], wrap_context("case-data", row["case_id"]))
            self._remember(CASE_PREFIX + row["case_id"], CaseKey(row["case_id"], key))

    def destroy_epoch(self, epoch_id: str, destroyed_at: datetime) -> bool:
        """Shred an epoch's keys (one row); False when already destroyed or never created."""
        self._cache.pop(EPOCH_PREFIX + epoch_id, None)
        with self._connection() as conn:
            return conn.execute(DESTROY_EPOCH, (destroyed_at, epoch_id)).fetchone() is not None

    def destroy_case_key(self, case_id: str, destroyed_at: datetime) -> bool:
        self._cache.pop(CASE_PREFIX + case_id, None)
        with self._connection() as conn:
            return conn.execute(DESTROY_CASE, {"case_id": case_id, "at": destroyed_at}).fetchone() is not None

    def _epoch(self, epoch_id: str, create_as: Epoch | None = None) -> EpochKeys:
        key_id = EPOCH_PREFIX + epoch_id
        if cached := self._cached(key_id):
            return cached
        with self._connection() as conn:
            if create_as:
                conn.execute(INSERT_EPOCH, (epoch_id, create_as.starts_at, create_as.ends_at, self.master.key_id,
                                            self._wrap("epoch-hmac", epoch_id), self._wrap("epoch-data", epoch_id)))
            row = conn.execute(SELECT_EPOCH, (epoch_id,)).fetchone()
        _require_live(row, key_id)
        keys = EpochKeys(epoch_id, self.master.unwrap(row["wrapped_hmac_key"], wrap_context("epoch-hmac", epoch_id)),
                         self.master.unwrap(row["wrapped_data_key"], wrap_context("epoch-data", epoch_id)))
        return self._remember(key_id, keys)

    def _case(self, case_id: str, create: bool = False) -> CaseKey:
        key_id = CASE_PREFIX + case_id
        if cached := self._cached(key_id):
            return cached
        with self._connection() as conn:
            if create:
                conn.execute(INSERT_CASE, (case_id, self.master.key_id, self._wrap("case-data", case_id)))
            row = conn.execute(SELECT_CASE, (case_id,)).fetchone()
        _require_live(row, key_id)
        return self._remember(key_id, CaseKey(case_id, self.master.unwrap(row["wrapped_data_key"], wrap_context("case-data", case_id))))

    def _connection(self):
        return self.pool.connection() if self.pool else connect(self.url, autocommit=True)

    def _wrap(self, kind: str, ident: str) -> bytes:
        return self.master.wrap(os.urandom(KEY_BYTES), wrap_context(kind, ident))

    def _cached(self, key_id: str):
        entry = self._cache.get(key_id)
        return entry[1] if entry and time.monotonic() - entry[0] < self.cache_ttl_s else None

    def _remember(self, key_id: str, keys):
        self._cache[key_id] = (time.monotonic(), keys)
        return keys


def _require_live(row: dict | None, key_id: str) -> None:
    if row is None:
        raise UnknownKey(key_id)
    if row["destroyed_at"] is not None:
        raise KeyDestroyed(key_id)
