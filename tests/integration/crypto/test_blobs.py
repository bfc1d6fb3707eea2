"""Sealed blobs (images in object storage): open with their key, bound to their object key, noise once shredded."""
import os

import pytest

from alpr_common.crypto import KeyDestroyed, SealBroken, blob_key_id, open_blob, seal_blob
from tests.integration.crypto.conftest import T

IMAGE = b"\xff\xd8\xff\xe0" + os.urandom(2000)


def test_a_sealed_image_opens_with_its_key_and_hides_its_bytes(keystore):
    keys = keystore.epoch_for(T)
    blob = seal_blob(keys, IMAGE, "frames/a.jpg")
    assert blob_key_id(blob) == keys.key_id
    assert IMAGE[100:164] not in blob
    assert open_blob(keystore, blob, "frames/a.jpg") == IMAGE


def test_a_blob_moved_to_another_object_key_does_not_open(keystore):
    blob = seal_blob(keystore.epoch_for(T), IMAGE, "frames/a.jpg")
    with pytest.raises(SealBroken):
        open_blob(keystore, blob, "frames/b.jpg")


@pytest.mark.parametrize("blob", [IMAGE, b"", b"ALPRSEAL1", b"ALPRSEAL1\x05epoch"])
def test_plaintext_or_truncated_bytes_are_refused_not_passed_through(keystore, blob):
    with pytest.raises(SealBroken):
        open_blob(keystore, blob, "frames/a.jpg")


def test_a_blob_under_a_destroyed_epoch_never_opens(keystore):
    keys = keystore.epoch_for(T)
    blob = seal_blob(keys, IMAGE, "frames/a.jpg")
    keystore.destroy_epoch(keys.epoch_id, T)
    with pytest.raises(KeyDestroyed):
        open_blob(keystore, blob, "frames/a.jpg")
