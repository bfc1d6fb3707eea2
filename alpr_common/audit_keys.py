"""Checkpoint signatures (Ed25519) and the key registry auditors check them against.

The registry is a JSON-lines file, one `{"writer_id", "public_key" (hex)}` per line, appended to by
each writer when it starts a chain (O_APPEND: concurrent writers never interleave a line). A line
may also name a service instead of a writer id, for a key configured once per service by ops. The
first line for a name wins; a later line with another key for it is ignored.
"""
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from alpr_common.errors import ConfigError

CONTEXT = b"alpr.audit.checkpoint.v1\x00"


class AuditSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    checkpoint_every: int = Field(100, ge=1, validation_alias="ALPR_AUDIT_CHECKPOINT_EVERY")
    signing_key_path: Path | None = Field(None, validation_alias="ALPR_AUDIT_SIGNING_KEY_PATH")
    key_registry: Path | None = Field(None, validation_alias="ALPR_AUDIT_KEY_REGISTRY")
    data_dir: Path = Field(Path(".alpr"), validation_alias="ALPR_DATA_DIR")

    def registry_path(self) -> Path:
        return self.key_registry or self.data_dir / "audit-keys.jsonl"


def checkpoint_payload(writer_id: str, tree_size: int, root_hash: bytes) -> bytes:
    """The bytes a checkpoint's signature covers."""
    return CONTEXT + writer_id.encode() + b"\x00" + tree_size.to_bytes(8, "big") + root_hash


def signature_valid(public_key: bytes, signature: bytes, payload: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, payload)
        return True
    except (InvalidSignature, ValueError):
        return False


def public_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    """An Ed25519 private key from a PEM (PKCS#8) file or a file of its 32 raw bytes."""
    try:
        data = path.read_bytes()
        if len(data) == 32:
            return Ed25519PrivateKey.from_private_bytes(data)
        key = serialization.load_pem_private_key(data, password=None)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"ALPR_AUDIT_SIGNING_KEY_PATH={path}: not a readable Ed25519 key ({exc})") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError(f"ALPR_AUDIT_SIGNING_KEY_PATH={path}: the key is not Ed25519")
    return key


def register(registry: Path, writer_id: str, public_key: bytes) -> None:
    registry.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"writer_id": writer_id, "public_key": public_key.hex()}) + "\n"
    fd = os.open(registry, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)


def read_registry(registry: Path) -> dict[str, bytes]:
    keys: dict[str, bytes] = {}
    for line in registry.read_text().splitlines():
        if line.strip():
            entry = json.loads(line)
            keys.setdefault(entry["writer_id"], bytes.fromhex(entry["public_key"]))
    return keys


def registered_key(keys: dict[str, bytes], writer_id: str) -> bytes | None:
    """The writer's own key, else its service's (writer ids are `<service>-<8 hex>`)."""
    return keys.get(writer_id) or keys.get(writer_id.rpartition("-")[0])
