import threading
from datetime import timedelta

import pytest

from alpr_common.crypto import KeyDestroyed, epochs_at, sealing_epoch, KeyStore, UnknownKey, open_sealed, reseal_for_case, seal, token
from alpr_common.db import connect
from tests.integration.crypto.conftest import T


def count(url: str, sql: str) -> int:
    with connect(url) as conn:
        return conn.execute(sql).fetchone()["n"]


def test_concurrent_first_use_from_two_processes_yields_one_key(database_url, master):
    stores, results, start = [KeyStore(database_url, master) for _ in range(2)], [None, None], threading.Barrier(2)

    def first_use(i):
        start.wait()
        results[i] = stores[i].epoch_for(T)

    threads = [threading.Thread(target=first_use, args=(i,)) for i in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert results[0] == results[1] and token(results[0], "ABC123") == token(results[1], "ABC123")
    assert count(database_url, "SELECT count(*) AS n FROM keys.epochs") == 1


def test_only_wrapped_keys_are_stored(database_url, keystore):
    keys = keystore.epoch_for(T)
    with connect(database_url) as conn:
        row = conn.execute("SELECT wrapped_hmac_key, wrapped_data_key FROM keys.epochs").fetchone()
    stored = bytes(row["wrapped_hmac_key"]) + bytes(row["wrapped_data_key"])
    assert keys.hmac_key not in stored and keys.data_key not in stored


def test_a_value_sealed_under_a_destroyed_epoch_never_opens_again(database_url, master, keystore):
    sealed = seal(keystore.epoch_for(T), b"ABC123", b"read-1")
    assert open_sealed(keystore, sealed, b"read-1") == b"ABC123"
    assert keystore.destroy_epoch(keystore.epoch_for(T).epoch_id, T + timedelta(days=1)) is True
    with pytest.raises(KeyDestroyed, match="destroyed"):
        open_sealed(keystore, sealed, b"read-1")
    with pytest.raises(KeyDestroyed):
        open_sealed(KeyStore(database_url, master), sealed, b"read-1")
    with pytest.raises(KeyDestroyed):
        keystore.epoch_for(T)  # a late read of that epoch gets no fresh keys


def test_another_process_destroying_an_epoch_reaches_this_cache_within_its_ttl(database_url, master):
    reader, retention = KeyStore(database_url, master, cache_ttl_s=0), KeyStore(database_url, master)
    sealed = seal(reader.epoch_for(T), b"ABC123", b"r")
    retention.destroy_epoch(reader.epoch_for(T).epoch_id, T)
    with pytest.raises(KeyDestroyed):
        open_sealed(reader, sealed, b"r")


def rows(url: str) -> set[tuple]:
    with connect(url) as conn:
        return {tuple(r.values()) for r in conn.execute("SELECT epoch_id, wrapped_data_key, destroyed_at FROM keys.epochs")}


def test_destroying_an_epoch_is_one_row_whatever_was_sealed_under_it(database_url, keystore):
    keys, other = keystore.epoch_for(T), keystore.epoch_for(T + timedelta(days=2))
    before_sealing = rows(database_url)
    for n in range(500):
        seal(keys, f"P{n}".encode(), str(n).encode())
    before = rows(database_url)
    assert before == before_sealing and len(before) == 2  # sealing writes nothing to the key store
    assert keystore.destroy_epoch(keys.epoch_id, T) is True
    after = rows(database_url)
    changed = after - before
    assert len(after) == 2 and [(r[0], r[1]) for r in changed] == [(keys.epoch_id, None)]
    assert {r for r in before if r[0] == other.epoch_id} <= after
    assert [e.epoch_id for e in keystore.destroyed_epochs()] == [keys.epoch_id]


def test_a_case_resealed_value_survives_its_epoch(keystore):
    sealed = seal(keystore.epoch_for(T), b"XYZ789", b"read-9")
    resealed = reseal_for_case(keystore, sealed, "case-1", b"read-9")
    assert resealed.key_id == "case:case-1"
    keystore.destroy_epoch(keystore.epoch_for(T).epoch_id, T + timedelta(days=1))
    assert open_sealed(keystore, resealed, b"read-9") == b"XYZ789"
    assert keystore.destroy_case_key("case-1", T + timedelta(days=1900)) is True
    with pytest.raises(KeyDestroyed, match="case:case-1"):
        open_sealed(keystore, resealed, b"read-9")
    with pytest.raises(KeyDestroyed):
        keystore.case_key("case-1")


def test_destroying_a_case_key_that_never_existed_leaves_a_tombstone_no_later_key_replaces(keystore):
    assert keystore.destroy_case_key("case-never-keyed", T) is True
    assert keystore.destroy_case_key("case-never-keyed", T) is False
    with pytest.raises(KeyDestroyed):
        keystore.case_key("case-never-keyed")


def test_opening_never_creates_a_key(database_url, keystore):
    sealed = seal(keystore.case_key("case-2"), b"v", b"a")
    with pytest.raises(UnknownKey):
        open_sealed(keystore, type(sealed)("case:nobody", sealed.nonce, sealed.ciphertext), b"a")
    assert count(database_url, "SELECT count(*) AS n FROM keys.case_keys") == 1


def test_epochs_due_are_the_live_ones_whose_window_ended(keystore):
    old, new = keystore.epoch_for(T), keystore.epoch_for(T + timedelta(days=3))
    due = keystore.epochs_due(T + timedelta(days=2))
    assert [e.epoch_id for e in due] == [old.epoch_id] and new.epoch_id not in [e.epoch_id for e in due]
    keystore.destroy_epoch(old.epoch_id, T + timedelta(days=2))
    assert keystore.destroy_epoch(old.epoch_id, T + timedelta(days=2)) is False
    assert keystore.epochs_due(T + timedelta(days=2)) == []


def test_inside_an_overlap_a_read_gets_tokens_under_both_live_epochs(keystore):
    at = sealing_epoch(keystore.schedule, T).starts_at + timedelta(hours=1)
    newest, older = epochs_at(keystore.schedule, at)
    keystore.epoch_for(older.starts_at)  # the older epoch was in use before the overlap began
    both = keystore.epochs_for(at)
    assert [k.epoch_id for k in both] == [newest.epoch_id, older.epoch_id]
    assert token(both[0], "ABC123") != token(both[1], "ABC123")
    keystore.destroy_epoch(older.epoch_id, at)
    assert [k.epoch_id for k in keystore.epochs_for(at)] == [newest.epoch_id]
