import io
from typing import Iterator

import urllib3
from minio import Minio
from minio.error import S3Error

from alpr_common.errors import ObjectNotFound, StorageUnavailable

_NOT_FOUND = {"NoSuchKey", "NoSuchObject"}


class S3Store:
    """Objects in one S3 bucket (MinIO in production), created on first use."""

    def __init__(self, endpoint: str, bucket: str, access_key: str, secret_key: str, secure: bool):
        http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=3, read=10), retries=urllib3.Retry(total=1))
        self.client = Minio(endpoint, access_key=access_key, secret_key=secret_key, secure=secure, http_client=http)
        self.bucket = bucket
        self._bucket_ready = False

    def _ensure_bucket(self) -> None:
        if not self._bucket_ready:
            with _translated():
                if not self.client.bucket_exists(self.bucket):
                    self.client.make_bucket(self.bucket)
            self._bucket_ready = True

    def put(self, key: str, data: bytes, content_type: str = "application/octet-stream") -> None:
        self._ensure_bucket()
        with _translated():
            self.client.put_object(self.bucket, key, io.BytesIO(data), len(data), content_type=content_type)

    def get(self, key: str) -> bytes:
        self._ensure_bucket()
        with _translated(key):
            response = self.client.get_object(self.bucket, key)
            try:
                return response.read()
            finally:
                response.close()
                response.release_conn()

    def exists(self, key: str) -> bool:
        self._ensure_bucket()
        try:
            with _translated(key):
                self.client.stat_object(self.bucket, key)
            return True
        except ObjectNotFound:
            return False

    def delete(self, key: str) -> None:
        self._ensure_bucket()
        with _translated():
            self.client.remove_object(self.bucket, key)

    def keys(self, prefix: str = "") -> Iterator[str]:
        self._ensure_bucket()
        with _translated():
            for obj in self.client.list_objects(self.bucket, prefix=prefix, recursive=True):
                yield obj.object_name

    def check(self) -> None:
        self._ensure_bucket()


class _translated:
    """Turns minio and connection errors into ObjectNotFound or StorageUnavailable."""

    def __init__(self, key: str | None = None):
        self.key = key

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is None:
            return False
        if isinstance(exc, S3Error) and exc.code in _NOT_FOUND and self.key is not None:
            raise ObjectNotFound(self.key) from exc
        if isinstance(exc, (S3Error, urllib3.exceptions.HTTPError, OSError)):
            raise StorageUnavailable(str(exc)) from exc
        return False
