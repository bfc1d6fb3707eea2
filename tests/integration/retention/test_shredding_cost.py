"""Shredding an epoch changes one row, whatever number of reads were sealed under it (timing: the bench)."""
from datetime import datetime, timedelta, timezone

import pytest

from alpr_common.crypto import EpochSchedule, KeyDestroyed, KeyStore, Sealed, open_sealed
from alpr_common.db import connect
from services.retention.bench import prepare, seal_reads

pytestmark = pytest.mark.integration
T0 = datetime(2031, 2, 1, tzinfo=timezone.utc)
TABLES = ("keys.epochs", "keys.case_keys", "public.sealed_reads")


def rows(url: str) -> set[tuple[str, str]]:
    with connect(url) as conn:
        return {(table, r["row"]) for table in TABLES for r in conn.execute(f"SELECT to_jsonb(t)::text AS row FROM {table} t")}


def first_sealed(url: str, epoch_id: str) -> tuple[Sealed, bytes]:
    with connect(url) as conn:
        row = conn.execute("SELECT * FROM public.sealed_reads WHERE key_id = %s ORDER BY read_id LIMIT 1",
                           (f"epoch:{epoch_id}",)).fetchone()
    return Sealed(row["key_id"], row["nonce"], row["ciphertext"]), row["read_id"].encode()


@pytest.mark.parametrize("sealed_reads", [1, 5000])
def test_destroying_an_epoch_changes_its_one_row_and_no_sealed_read(database_url, master_key, sealed_reads):
    prepare(database_url)
    keystore = KeyStore(database_url, master_key, EpochSchedule(), cache_ttl_s=0)
    epoch_id = seal_reads(database_url, keystore, T0, sealed_reads)
    seal_reads(database_url, keystore, T0 + timedelta(days=2), 10)  # another epoch's reads, for contrast
    sealed, aad = first_sealed(database_url, epoch_id)
    assert open_sealed(keystore, sealed, aad) == b"PLATE0000000"

    before = rows(database_url)
    assert keystore.destroy_epoch(epoch_id, T0 + timedelta(days=1))
    after = rows(database_url)

    [(table, gone)], [(_, now)] = before - after, after - before
    assert table == "keys.epochs" and epoch_id in gone and '"destroyed_at": null' in gone
    assert '"wrapped_data_key": null' in now and '"wrapped_hmac_key": null' in now
    assert sum(1 for t, _ in after if t == "public.sealed_reads") == sealed_reads + 10
    with pytest.raises(KeyDestroyed):
        open_sealed(keystore, sealed, aad)
