"""Plate tokens and sealed values: pure functions over keys already in memory.

A token is HMAC-SHA256 under an epoch's HMAC key of the canonical plate, so look-alike reads of
one plate share a token within an epoch and nothing links tokens across epochs. A seal is AES-GCM
under a data key with a fresh 96-bit nonce; the associated data binds the value to its key id and
to what the caller says it belongs to (a read id, an object key), so a ciphertext moved elsewhere
does not open.
"""
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from alpr_common.crypto.errors import SealBroken
from alpr_common.crypto.keys import EpochKeys
from alpr_common.plates import canonical_plate

TOKEN_CONTEXT = b"alpr.plate-token.v1\x00"
SEAL_CONTEXT = b"alpr.seal.v1\x00"
NONCE_BYTES = 12


class DataKeyHolder(Protocol):
    key_id: str
    data_key: bytes


@dataclass(frozen=True)
class Sealed:
    key_id: str
    nonce: bytes
    ciphertext: bytes


def token(epoch_keys: EpochKeys, plate_text: str) -> bytes:
    return hmac.new(epoch_keys.hmac_key, TOKEN_CONTEXT + canonical_plate(plate_text).encode(), hashlib.sha256).digest()


def seal(keys: DataKeyHolder, plaintext: bytes, aad: bytes) -> Sealed:
    nonce = os.urandom(NONCE_BYTES)
    return Sealed(keys.key_id, nonce, AESGCM(keys.data_key).encrypt(nonce, plaintext, _bound(keys.key_id, aad)))


def open_with(keys: DataKeyHolder, sealed: Sealed, aad: bytes) -> bytes:
    if sealed.key_id != keys.key_id:
        raise SealBroken(f"value sealed under {sealed.key_id}, not {keys.key_id}")
    try:
        return AESGCM(keys.data_key).decrypt(sealed.nonce, sealed.ciphertext, _bound(sealed.key_id, aad))
    except (InvalidTag, ValueError) as exc:
        raise SealBroken(f"value under {sealed.key_id} does not open: tampered, or the wrong associated data") from exc


def _bound(key_id: str, aad: bytes) -> bytes:
    return SEAL_CONTEXT + key_id.encode() + b"\x00" + aad
