"""Key material in memory: an epoch's two keys, a case's data key, and how key ids name them.

Key ids are `epoch:<epoch_id>` or `case:<case_id>`; a sealed value carries one, so opening it
knows which key to ask the key store for. Never log or print these objects' key fields.
"""
from dataclasses import dataclass, field

EPOCH_PREFIX = "epoch:"
CASE_PREFIX = "case:"
KEY_BYTES = 32


@dataclass(frozen=True)
class EpochKeys:
    epoch_id: str
    hmac_key: bytes = field(repr=False)
    data_key: bytes = field(repr=False)

    @property
    def key_id(self) -> str:
        return EPOCH_PREFIX + self.epoch_id


@dataclass(frozen=True)
class CaseKey:
    case_id: str
    data_key: bytes = field(repr=False)

    @property
    def key_id(self) -> str:
        return CASE_PREFIX + self.case_id


def split_key_id(key_id: str) -> tuple[str, str]:
    """('epoch', epoch_id) or ('case', case_id); ValueError for anything else."""
    for kind, prefix in (("epoch", EPOCH_PREFIX), ("case", CASE_PREFIX)):
        if key_id.startswith(prefix) and len(key_id) > len(prefix):
            return kind, key_id[len(prefix):]
    raise ValueError(f"not a key id: {key_id!r} (expected epoch:<id> or case:<id>)")


def wrap_context(kind: str, ident: str) -> bytes:
    """What a wrapped key is bound to: 'epoch-hmac', 'epoch-data' or 'case-data', and whose."""
    return f"{kind}:{ident}".encode()
