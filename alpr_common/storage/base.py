from typing import Iterator, Protocol


class ObjectStore(Protocol):
    """Keys are slash-separated paths such as `frames/dev-1/f-123.jpg`."""

    def put(self, key: str, data: bytes, content_type: str = "application/octet-stream") -> None: ...

    def get(self, key: str) -> bytes:
        """Raises ObjectNotFound when there is no such object."""

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Deleting a missing object is not an error."""

    def keys(self, prefix: str = "") -> Iterator[str]: ...

    def check(self) -> None:
        """Raises StorageUnavailable when the store cannot be reached."""
