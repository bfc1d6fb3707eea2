"""Exponential backoff for the uploader, honouring the server's Retry-After."""
from dataclasses import dataclass


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 6
    base_delay_s: float = 0.5
    max_delay_s: float = 30.0

    def delay(self, attempt: int, retry_after: str | None = None) -> float:
        """Seconds to wait after the given failed attempt (0-based)."""
        asked = retry_after_seconds(retry_after)
        backoff = self.base_delay_s * 2 ** attempt
        return min(self.max_delay_s, asked if asked is not None else backoff)


def retry_after_seconds(value: str | None) -> float | None:
    """The Retry-After header in seconds (the delta-seconds form; an HTTP date is ignored)."""
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None
    return max(0.0, seconds) if seconds is not None else None
