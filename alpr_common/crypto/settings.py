"""Crypto settings: where the master key comes from, and the epoch schedule.

ALPR_MASTER_KEY (base64 of 32 bytes) or ALPR_MASTER_KEY_FILE (a file holding that base64 text);
with neither, the embedded default generates `$ALPR_DATA_DIR/master.key` (mode 0600) once and says
so. ALPR_EPOCH_HOURS is the minimization window: no read stays readable longer. Consecutive
epochs overlap by ALPR_EPOCH_OVERLAP_HOURS, the longest gap virtual chalking can bridge.
"""
import base64
import binascii
import logging
import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from alpr_common.crypto.epochs import EpochSchedule
from alpr_common.crypto.keystore import KeyStore
from alpr_common.crypto.master import LocalMasterKey, MasterKey
from alpr_common.errors import ConfigError

log = logging.getLogger("alpr.crypto")


class CryptoSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    master_key: str | None = Field(None, validation_alias="ALPR_MASTER_KEY", repr=False)
    master_key_file: Path | None = Field(None, validation_alias="ALPR_MASTER_KEY_FILE")
    data_dir: Path = Field(Path(".alpr"), validation_alias="ALPR_DATA_DIR")
    epoch_hours: int = Field(24, validation_alias="ALPR_EPOCH_HOURS")
    epoch_overlap_hours: int = Field(6, validation_alias="ALPR_EPOCH_OVERLAP_HOURS")

    def schedule(self) -> EpochSchedule:
        return EpochSchedule(self.epoch_hours, self.epoch_overlap_hours)


def master_key_from_settings(settings: CryptoSettings) -> MasterKey:
    if settings.master_key:
        return LocalMasterKey(decode_master_key(settings.master_key, "ALPR_MASTER_KEY"))
    path = settings.master_key_file or ensure_default_key_file(settings.data_dir / "master.key")
    try:
        text = path.read_text()
    except OSError as exc:
        raise ConfigError(f"cannot read the master key file {path} ({exc}); check ALPR_MASTER_KEY_FILE") from exc
    return LocalMasterKey(decode_master_key(text, f"the master key file {path}"))


def decode_master_key(text: str, source: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ConfigError(f"{source} is not base64; make one with: head -c 32 /dev/urandom | base64") from exc
    if len(key) != 32:
        raise ConfigError(f"{source} decodes to {len(key)} bytes; a master key is 32 bytes "
                          "(head -c 32 /dev/urandom | base64)")
    return key


def ensure_default_key_file(path: Path) -> Path:
    """Create the embedded default's master key once; concurrent first starts all end up with one key."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, base64.b64encode(os.urandom(32)) + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # atomic, and fails if another process won the race
        log.warning("generated a new master key in %s (embedded default); back it up: without it every "
                    "stored key is unreadable. Set ALPR_MASTER_KEY or ALPR_MASTER_KEY_FILE in production.", path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return path


def open_keystore(database_url: str, data_dir: Path | None = None, cache_ttl_s: float = 30.0, pool=None) -> KeyStore:
    """The key store every service uses: the master key and epoch schedule from the environment
    (the embedded default's key file in `data_dir`, the service's ALPR_DATA_DIR, when given)."""
    settings = CryptoSettings()
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": Path(data_dir)})
    return KeyStore(database_url, master_key_from_settings(settings), settings.schedule(), cache_ttl_s=cache_ttl_s, pool=pool)
