import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from alpr_common.errors import ConfigError
from alpr_common.storage.base import ObjectStore
from alpr_common.storage.local import LocalFolderStore
from alpr_common.storage.s3 import S3Store


def open_store(url: str) -> ObjectStore:
    """`file:///path/to/folder` or `s3://bucket?endpoint=host:9000&secure=false`.

    S3 credentials come from S3_ACCESS_KEY and S3_SECRET_KEY, never from the URL.
    """
    parsed = urlparse(url)
    if parsed.scheme == "file":
        return LocalFolderStore(Path(parsed.netloc + parsed.path))
    if parsed.scheme == "s3":
        query = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        if "endpoint" not in query:
            raise ConfigError(f"storage URL {url!r} needs ?endpoint=host:port")
        missing = [name for name in ("S3_ACCESS_KEY", "S3_SECRET_KEY") if not os.environ.get(name)]
        if missing:
            raise ConfigError(f"S3 storage needs {' and '.join(missing)} in the environment")
        return S3Store(
            endpoint=query["endpoint"], bucket=parsed.netloc,
            access_key=os.environ["S3_ACCESS_KEY"], secret_key=os.environ["S3_SECRET_KEY"],
            secure=query.get("secure", "true").lower() != "false",
        )
    raise ConfigError(f"ALPR_STORAGE_URL must start with file:// or s3://, not {url!r}")
