"""Object storage: one interface, two backends (a local folder and S3 through the minio client)."""
from alpr_common.storage.base import ObjectStore
from alpr_common.storage.factory import open_store

__all__ = ["ObjectStore", "open_store"]
