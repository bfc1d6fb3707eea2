"""The proof in miniature: after an epoch's keys are destroyed, its plates are gone from every store.

Fifty reads are sealed under one epoch and copied into a table, a Kafka topic and files, the way
the services keep them; five become a case and are resealed under the case key. Destroying the
epoch (one row) must leave no plaintext plate anywhere and every epoch-sealed copy unopenable,
while the case's five still open.
"""
import uuid
from datetime import timedelta

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from alpr_common.crypto import KeyDestroyed, Sealed, from_proto, open_sealed, reseal_for_case, seal, to_proto, token
from alpr_common.db import connect
from alpr_common.events.common_pb2 import SealedValue
from alpr_common.events.reads_pb2 import PlateRead
from tests.integration.crypto.conftest import T
from tests.support.kafka_io import produce
from tests.support.kafka_read import read_until

PLATES = [f"NV{n:03d}AK" for n in range(50)]
CASE_ID = "case-proof-1"


def sealed_reads(keystore) -> list[PlateRead]:
    keys, reads = keystore.epoch_for(T), []
    for n, plate in enumerate(PLATES):
        read = PlateRead(read_id=f"read-{n}", plate_token=token(keys, plate), captured_at=Timestamp(seconds=int(T.timestamp())))
        read.sealed_plate.CopyFrom(to_proto(seal(keys, plate.encode(), read.read_id.encode())))
        reads.append(read)
    return reads


def store_everywhere(database_url, kafka_bootstrap, folder, topic, reads: list[PlateRead]) -> None:
    with connect(database_url) as conn:
        conn.execute("CREATE TABLE public.proof_reads (read_id text PRIMARY KEY, token bytea, event bytea)")
        for r in reads:
            conn.execute("INSERT INTO public.proof_reads VALUES (%s, %s, %s)", (r.read_id, r.plate_token, r.SerializeToString()))
        conn.commit()
    produce(kafka_bootstrap, [(topic, r.plate_token.hex(), r) for r in reads])
    for r in reads:
        (folder / f"{r.read_id}.pb").write_bytes(r.SerializeToString())


def keep_case_evidence(database_url, keystore, reads: list[PlateRead]) -> None:
    """What review does at case intake: reseal each sighting's plate under the case key, and keep it."""
    with connect(database_url) as conn:
        conn.execute("CREATE TABLE public.proof_case_evidence (read_id text PRIMARY KEY, sealed bytea)")
        for r in reads:
            resealed = reseal_for_case(keystore, from_proto(r.sealed_plate), CASE_ID, r.read_id.encode())
            conn.execute("INSERT INTO public.proof_case_evidence VALUES (%s, %s)", (r.read_id, to_proto(resealed).SerializeToString()))
        conn.commit()


def case_evidence(database_url) -> list[tuple[str, Sealed]]:
    with connect(database_url) as conn:
        rows = conn.execute("SELECT read_id, sealed FROM public.proof_case_evidence").fetchall()
    return [(r["read_id"], from_proto(SealedValue.FromString(bytes(r["sealed"])))) for r in rows]


def every_copy(database_url, kafka_bootstrap, folder, topic) -> list[bytes]:
    with connect(database_url) as conn:
        table = [bytes(row["event"]) for row in conn.execute("SELECT event FROM public.proof_reads")]
    topic_copies = [m.value() for m in read_until(kafka_bootstrap, [topic], lambda ms: len(ms) >= len(PLATES))]
    files = [p.read_bytes() for p in sorted(folder.glob("*.pb"))]
    return table + topic_copies + files


def database_dump(database_url) -> bytes:
    """Every row of every table in the database (the key store included), as text and bytes."""
    with connect(database_url) as conn:
        tables = conn.execute("SELECT schemaname, relname FROM pg_stat_user_tables").fetchall()
        dumped = [conn.execute(f'SELECT t::text AS row FROM "{t["schemaname"]}"."{t["relname"]}" t').fetchall() for t in tables]
    return "\n".join(r["row"] for rows in dumped for r in rows).encode()


@pytest.mark.integration
def test_destroying_an_epoch_shreds_its_plates_in_every_store_but_the_case(database_url, kafka_bootstrap, keystore, tmp_path):
    topic, reads = f"test.crypto.proof.{uuid.uuid4().hex[:8]}", sealed_reads(keystore)
    store_everywhere(database_url, kafka_bootstrap, tmp_path, topic, reads)
    keep_case_evidence(database_url, keystore, reads[:5])
    copies = every_copy(database_url, kafka_bootstrap, tmp_path, topic)
    assert len(copies) == 150
    assert {open_sealed(keystore, from_proto(PlateRead.FromString(c).sealed_plate), PlateRead.FromString(c).read_id.encode())
            for c in copies} == {p.encode() for p in PLATES}  # the stores really hold the plates, recoverably

    epoch_keys = keystore.epoch_for(T)
    assert keystore.destroy_epoch(epoch_keys.epoch_id, T + timedelta(hours=24)) is True

    haystack = b"\n".join(every_copy(database_url, kafka_bootstrap, tmp_path, topic)) + database_dump(database_url)
    for plate in PLATES[5:]:
        assert plate.encode() not in haystack and plate.lower().encode() not in haystack
    for secret in (epoch_keys.hmac_key, epoch_keys.data_key, epoch_keys.hmac_key.hex().encode(), epoch_keys.data_key.hex().encode()):
        assert secret not in haystack
    for copy in copies:
        read = PlateRead.FromString(copy)
        with pytest.raises(KeyDestroyed, match=epoch_keys.epoch_id):
            open_sealed(keystore, from_proto(read.sealed_plate), read.read_id.encode())
    assert {open_sealed(keystore, sealed, read_id.encode()) for read_id, sealed in case_evidence(database_url)} == {p.encode() for p in PLATES[:5]}
