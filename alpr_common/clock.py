"""Time as the services see it: the wall clock in production, a controlled clock in tests and the demo.

ALPR_CLOCK is `wall` or `file:PATH`, where PATH holds an ISO-8601 time that the demo or a test moves.
"""
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from alpr_common.errors import ConfigError


class Clock(Protocol):
    def now(self) -> datetime: ...


class WallClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


class FixedClock:
    def __init__(self, at: datetime):
        self.at = at

    def now(self) -> datetime:
        return self.at


class FileClock:
    """Reads the current time from a file on every call, so another process can move it."""

    def __init__(self, path: Path):
        self.path = path

    def now(self) -> datetime:
        try:
            return datetime.fromisoformat(self.path.read_text().strip())
        except FileNotFoundError:
            raise ConfigError(f"clock file {self.path} does not exist (ALPR_CLOCK=file:{self.path})")

    def set(self, at: datetime) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(at.isoformat())
        tmp.replace(self.path)


def clock_from_setting(value: str) -> Clock:
    if value == "wall":
        return WallClock()
    if value.startswith("file:"):
        return FileClock(Path(value.removeprefix("file:")))
    raise ConfigError(f"ALPR_CLOCK must be 'wall' or 'file:PATH', not {value!r}")
