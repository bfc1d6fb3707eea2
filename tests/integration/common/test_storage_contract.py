"""One contract, two backends: a local folder and an S3 server (moto's), through the minio client."""
import uuid

import pytest

from alpr_common.errors import ConfigError, ObjectNotFound, StorageUnavailable
from alpr_common.storage import open_store
from tests.support.components import free_port


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path):
    if request.param == "local":
        return open_store(f"file://{tmp_path}/objects")
    endpoint = request.getfixturevalue("s3_endpoint")
    return open_store(f"s3://bucket-{uuid.uuid4().hex[:8]}?endpoint={endpoint}&secure=false")


def test_put_then_get_returns_the_same_bytes(store):
    store.put("frames/dev-1/f1.jpg", b"\xff\xd8jpeg-bytes", "image/jpeg")
    assert store.get("frames/dev-1/f1.jpg") == b"\xff\xd8jpeg-bytes"
    assert store.exists("frames/dev-1/f1.jpg")


def test_overwrite_replaces_the_object(store):
    store.put("a/b", b"one")
    store.put("a/b", b"two")
    assert store.get("a/b") == b"two"


def test_missing_object_raises_object_not_found(store):
    with pytest.raises(ObjectNotFound):
        store.get("frames/none/nothing.jpg")
    assert not store.exists("frames/none/nothing.jpg")


def test_delete_is_idempotent(store):
    store.put("frames/d/x.png", b"png")
    store.delete("frames/d/x.png")
    store.delete("frames/d/x.png")
    assert not store.exists("frames/d/x.png")


def test_keys_lists_by_prefix(store):
    for key in ("frames/d1/a.jpg", "frames/d1/b.jpg", "frames/d2/c.jpg", "other/z"):
        store.put(key, b"x")
    assert sorted(store.keys("frames/d1/")) == ["frames/d1/a.jpg", "frames/d1/b.jpg"]
    assert len(list(store.keys())) == 4


def test_check_passes_on_a_reachable_store(store):
    store.check()


def test_local_store_refuses_keys_that_escape_its_folder(tmp_path):
    store = open_store(f"file://{tmp_path}")
    for key in ("../etc/passwd", "/abs", "a//b", ""):
        with pytest.raises(ValueError, match="invalid object key"):
            store.put(key, b"x")


def test_unreachable_s3_server_is_storage_unavailable(monkeypatch):
    monkeypatch.setenv("S3_ACCESS_KEY", "k")
    monkeypatch.setenv("S3_SECRET_KEY", "s")
    store = open_store(f"s3://unreachable-bucket?endpoint=127.0.0.1:{free_port()}&secure=false")
    with pytest.raises(StorageUnavailable):
        store.put("k", b"x")


def test_bad_storage_urls_are_config_errors(monkeypatch):
    monkeypatch.delenv("S3_ACCESS_KEY", raising=False)
    with pytest.raises(ConfigError, match="endpoint"):
        open_store("s3://bucket")
    with pytest.raises(ConfigError, match="S3_ACCESS_KEY"):
        open_store("s3://bucket?endpoint=localhost:9000")
    with pytest.raises(ConfigError, match="file:// or s3://"):
        open_store("ftp://host/x")
