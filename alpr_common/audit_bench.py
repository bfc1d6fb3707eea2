"""`alpr audit bench`: how fast verification checks a topic's worth of audit events, next to hashing alone."""
import hashlib
import statistics
import time
from datetime import datetime, timezone
from typing import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alpr_common.audit_chain import verify_chains
from alpr_common.audit_keys import public_bytes
from alpr_common.audit_log import ChainWriter
from alpr_common.events.audit_pb2 import AuditEvent

AT = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def generated_topic(accesses: int, writers: int, every: int) -> tuple[list[bytes], dict[str, bytes]]:
    """Serialized audit events as they lie on the topic (writers interleaved, checkpoints signed), and the registry."""
    chains = [ChainWriter(f"bench-{w:08x}", Ed25519PrivateKey.generate(), every) for w in range(writers)]
    raw = []
    for n in range(accesses):
        chain = chains[n % writers]
        event = AuditEvent(actor=f"officer-{n % 37}", actor_kind="person", role="officer", action="case.view",
                           resource=f"case-{n:012d}", purpose="parking enforcement", outcome="allowed",
                           request_id=f"{n:032x}", event_id=f"{n:032x}", details={"route": "/v1/cases/{case_id}"})
        event.at.FromDatetime(AT)
        raw += [e.SerializeToString() for e in chain.append(event, AT)]
    raw += [e.SerializeToString() for chain in chains for e in chain.seal(AT)]
    return raw, {chain.writer_id: public_bytes(chain.key) for chain in chains}


def verify_run(raw: list[bytes], registry: dict[str, bytes]) -> int:
    """What `alpr audit verify` does once the bytes are read: parse, then check chains, trees and signatures."""
    result = verify_chains(((str(i), AuditEvent.FromString(b)) for i, b in enumerate(raw)), registry)
    if result.problems or result.unsealed:
        raise AssertionError(f"the generated log does not verify: {result.problems[:3] or result.unsealed[:3]}")
    return result.checked


def hashing_run(raw: list[bytes]) -> int:
    """The baseline: SHA-256 of every message, nothing else."""
    for b in raw:
        hashlib.sha256(b).digest()
    return len(raw)


def median_rate(run: Callable[[], int], repeats: int = 3) -> float:
    """Events per second, the median of `repeats` runs."""
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        count = run()
        rates.append(count / (time.perf_counter() - start))
    return statistics.median(rates)
