"""The master key wraps every epoch and case key; only wrapped keys are ever stored.

`MasterKey` is the interface (a KMS can implement it later: its encryption context is our
`context`); `LocalMasterKey` wraps with AES-256-GCM under a 32-byte key held in memory, binding
each wrapped key to its context (which key it is), so a wrapped key copied onto another row
does not unwrap there.
"""
import hashlib
import hmac
import os
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from alpr_common.crypto.errors import SealBroken

WRAP_VERSION = b"\x01"
WRAP_AAD = b"alpr.keywrap.v1\x00"
NONCE_BYTES = 12


class MasterKey(Protocol):
    key_id: str  # names the master key (not secret), stored beside each key it wrapped

    def wrap(self, key: bytes, context: bytes) -> bytes: ...

    def unwrap(self, wrapped: bytes, context: bytes) -> bytes: ...


class LocalMasterKey:
    def __init__(self, key: bytes):
        if len(key) != 32:
            raise ValueError(f"a master key is 32 bytes, not {len(key)}")
        self._aead = AESGCM(key)
        self.key_id = "local:" + hmac.new(key, b"alpr.master-key-id.v1", hashlib.sha256).hexdigest()[:16]

    def wrap(self, key: bytes, context: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return WRAP_VERSION + nonce + self._aead.encrypt(nonce, key, WRAP_AAD + context)

    def unwrap(self, wrapped: bytes, context: bytes) -> bytes:
        if wrapped[:1] != WRAP_VERSION:
            raise SealBroken("wrapped key has an unknown format version")
        nonce, body = wrapped[1:1 + NONCE_BYTES], wrapped[1 + NONCE_BYTES:]
        try:
            return self._aead.decrypt(nonce, body, WRAP_AAD + context)
        except InvalidTag as exc:
            raise SealBroken(f"the master key {self.key_id} cannot unwrap this key (another master key, or a row moved)") from exc

    def __repr__(self) -> str:
        return f"LocalMasterKey({self.key_id})"
