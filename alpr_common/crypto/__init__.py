"""Crypto-shredding: plate tokens, sealed values, and epoch and case keys that can be destroyed.

Pure parts (no I/O): `epochs` (schedule arithmetic), `sealing` (token, seal, open_with), `keys`.
Adapters: `keystore.KeyStore` (PostgreSQL), `master.LocalMasterKey` and `settings` (the master key).
"""
from alpr_common.crypto.blobs import blob_key_id, open_blob, seal_blob
from alpr_common.crypto.epochs import Epoch, EpochSchedule, check_window, epochs_at, parse_epoch_id, sealing_epoch
from alpr_common.crypto.errors import KeyDestroyed, SealBroken, UnknownKey
from alpr_common.crypto.evidence import from_proto, open_sealed, reseal_for_case, to_proto
from alpr_common.crypto.inventory import EpochRecord
from alpr_common.crypto.keys import CaseKey, EpochKeys, split_key_id
from alpr_common.crypto.keystore import KeyStore
from alpr_common.crypto.master import LocalMasterKey, MasterKey
from alpr_common.crypto.sealing import Sealed, open_with, seal, token
from alpr_common.crypto.settings import CryptoSettings, master_key_from_settings, open_keystore

__all__ = [
    "Epoch", "EpochSchedule", "check_window", "epochs_at", "parse_epoch_id", "sealing_epoch",
    "KeyDestroyed", "SealBroken", "UnknownKey", "from_proto", "open_sealed", "reseal_for_case", "to_proto",
    "EpochRecord", "CaseKey", "EpochKeys", "split_key_id", "KeyStore", "LocalMasterKey", "MasterKey",
    "Sealed", "open_with", "seal", "token", "CryptoSettings", "master_key_from_settings", "open_keystore",
    "blob_key_id", "open_blob", "seal_blob",
]
