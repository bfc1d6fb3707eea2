"""The zone file as the running service sees it: loaded at start, reloaded when the file changes.

A reload that fails validation, or that `check` refuses (zones the epochs cannot chalk), keeps the
zones in use and logs the error, which names the feature and the field; the next change to the
file is tried again.
"""
import logging
from collections.abc import Callable
from pathlib import Path

from alpr_common.errors import ConfigError
from services.rules.zones import ZoneIndex, load_zones

log = logging.getLogger(__name__)


class ZoneFile:
    def __init__(self, path: Path, check: Callable[[ZoneIndex], None] = lambda index: None):
        self.path, self.check = Path(path), check
        self._seen = self._stamp()
        self.index: ZoneIndex = self._load()  # a bad file at start refuses to start

    def reload_if_changed(self) -> bool:
        """Reload when the file's modification time or size changed; True when new zones are in use."""
        stamp = self._stamp()
        if stamp == self._seen:
            return False
        self._seen = stamp
        try:
            self.index = self._load()
        except ConfigError as exc:
            log.error("zone file not reloaded, keeping the %d zone(s) in use: %s", len(self.index.zones), exc)
            return False
        log.info("zone file reloaded: %d zone(s) in use", len(self.index.zones))
        return True

    def _load(self) -> ZoneIndex:
        index = load_zones(self.path)
        try:
            self.check(index)
        except ConfigError as exc:
            raise ConfigError(f"{self.path}: {exc}") from exc
        return index

    def _stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None  # a missing file is reported by load_zones
        return stat.st_mtime_ns, stat.st_size
