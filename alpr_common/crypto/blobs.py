"""Sealed blobs: image bytes in object storage, self-describing so any holder of the key can open them.

Layout: MAGIC, one byte of key-id length, the key id (ASCII), then the nonce and the AES-GCM
ciphertext of `sealing.seal`; the associated data is the object key, so a blob copied to another
key does not open. A blob without MAGIC is refused, never passed through as plaintext.
"""
from alpr_common.crypto.errors import SealBroken
from alpr_common.crypto.keystore import KeyStore
from alpr_common.crypto.sealing import NONCE_BYTES, DataKeyHolder, Sealed, open_with, seal

MAGIC = b"ALPRSEAL1"
CONTENT_TYPE = "application/octet-stream"  # what a sealed blob is stored as: never the image type


def seal_blob(keys: DataKeyHolder, data: bytes, object_key: str) -> bytes:
    sealed = seal(keys, data, object_key.encode())
    key_id = sealed.key_id.encode("ascii")
    return MAGIC + bytes([len(key_id)]) + key_id + sealed.nonce + sealed.ciphertext


def blob_key_id(blob: bytes) -> str:
    """The key id a blob names (SealBroken for anything that is not a sealed blob)."""
    return _parse(blob).key_id


def open_blob(keystore: KeyStore, blob: bytes, object_key: str) -> bytes:
    """The plaintext; KeyDestroyed once its key is shredded, SealBroken if tampered or moved."""
    sealed = _parse(blob)
    return open_with(keystore.keys_for(sealed.key_id), sealed, object_key.encode())


def _parse(blob: bytes) -> Sealed:
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + 1:
        raise SealBroken("not a sealed blob (no ALPRSEAL1 header): refusing to treat stored bytes as plaintext")
    size = blob[len(MAGIC)]
    start = len(MAGIC) + 1
    key_id, rest = blob[start:start + size], blob[start + size:]
    if len(key_id) != size or len(rest) <= NONCE_BYTES:
        raise SealBroken("sealed blob is truncated")
    return Sealed(key_id.decode("ascii", "replace"), rest[:NONCE_BYTES], rest[NONCE_BYTES:])
