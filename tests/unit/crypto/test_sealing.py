import dataclasses
import os

import pytest

from alpr_common.crypto import CaseKey, EpochKeys, SealBroken, open_with, seal, token
from alpr_common.crypto.master import LocalMasterKey


def epoch(epoch_id="20240501T0000Z-24h") -> EpochKeys:
    return EpochKeys(epoch_id, os.urandom(32), os.urandom(32))


def test_a_token_is_deterministic_within_an_epoch():
    keys = epoch()
    assert token(keys, "ABC123") == token(keys, "ABC123")
    assert len(token(keys, "ABC123")) == 32


def test_look_alike_reads_of_one_plate_share_a_token():
    keys = epoch()
    assert token(keys, "A8C-1Z3") == token(keys, "abc 123") == token(keys, "ABC 1 2 3")
    assert token(keys, "ABC123") != token(keys, "ABC124")


def test_different_epochs_give_unlinkable_tokens():
    assert token(epoch(), "ABC123") != token(epoch("20240502T0000Z-24h"), "ABC123")


def test_seal_then_open_gives_the_plaintext_back_and_hides_it():
    keys = epoch()
    sealed = seal(keys, b"ABC123", b"read-1")
    assert sealed.key_id == "epoch:20240501T0000Z-24h" and len(sealed.nonce) == 12
    assert b"ABC123" not in sealed.ciphertext
    assert open_with(keys, sealed, b"read-1") == b"ABC123"


def test_each_seal_uses_a_fresh_nonce():
    keys = epoch()
    first, second = seal(keys, b"ABC123", b"r"), seal(keys, b"ABC123", b"r")
    assert first.nonce != second.nonce and first.ciphertext != second.ciphertext


def test_a_value_opened_with_other_associated_data_fails():
    keys = epoch()
    sealed = seal(keys, b"ABC123", b"read-1")
    with pytest.raises(SealBroken, match="associated data"):
        open_with(keys, sealed, b"read-2")


@pytest.mark.parametrize("field", ["nonce", "ciphertext"])
def test_a_tampered_value_fails(field):
    keys = epoch()
    sealed = seal(keys, b"ABC123", b"read-1")
    raw = bytearray(getattr(sealed, field))
    raw[0] ^= 1
    with pytest.raises(SealBroken):
        open_with(keys, dataclasses.replace(sealed, **{field: bytes(raw)}), b"read-1")


def test_a_value_does_not_open_under_another_key_with_the_same_bytes():
    keys = epoch()
    case = CaseKey("case-1", keys.data_key)
    sealed = seal(keys, b"ABC123", b"r")
    with pytest.raises(SealBroken, match="sealed under epoch:"):
        open_with(case, sealed, b"r")


def test_images_seal_like_plates():
    keys, image = epoch(), os.urandom(50_000)
    assert open_with(keys, seal(keys, image, b"frames/cam-1/f1.jpg"), b"frames/cam-1/f1.jpg") == image


def test_a_wrapped_key_unwraps_only_with_its_master_and_context():
    master, key = LocalMasterKey(os.urandom(32)), os.urandom(32)
    wrapped = master.wrap(key, b"epoch-data:e1")
    assert key not in wrapped and master.unwrap(wrapped, b"epoch-data:e1") == key
    with pytest.raises(SealBroken):
        master.unwrap(wrapped, b"epoch-data:e2")
    with pytest.raises(SealBroken):
        LocalMasterKey(os.urandom(32)).unwrap(wrapped, b"epoch-data:e1")


def test_keys_never_show_in_their_repr():
    keys = epoch()
    assert keys.data_key.hex() not in repr(keys) and repr(keys.data_key) not in repr(keys)
