"""Opening sealed values through the key store, and moving a case's evidence onto its own key."""
from alpr_common.crypto.keystore import KeyStore
from alpr_common.crypto.sealing import Sealed, open_with, seal
from alpr_common.events.common_pb2 import SealedValue


def open_sealed(keystore: KeyStore, sealed: Sealed, aad: bytes) -> bytes:
    """The plaintext; KeyDestroyed once its key is shredded, SealBroken if tampered or misbound."""
    return open_with(keystore.keys_for(sealed.key_id), sealed, aad)


def reseal_for_case(keystore: KeyStore, sealed: Sealed, case_id: str, aad: bytes) -> Sealed:
    """Re-encrypt evidence under the case's key, so it outlives its epoch (until the case key goes)."""
    return seal(keystore.case_key(case_id), open_sealed(keystore, sealed, aad), aad)


def to_proto(sealed: Sealed) -> SealedValue:
    return SealedValue(key_id=sealed.key_id, nonce=sealed.nonce, ciphertext=sealed.ciphertext)


def from_proto(value: SealedValue) -> Sealed:
    return Sealed(value.key_id, value.nonce, value.ciphertext)
