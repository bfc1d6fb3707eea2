"""Settings of the rules service: RULES_* plus the common ones (KAFKA_BOOTSTRAP_SERVERS, DATABASE_URL, ...)."""
from datetime import timedelta
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from alpr_common.config import CommonSettings
from alpr_common.errors import ConfigError
from services.rules.chalking import ChalkPolicy

ZONES_HINT = ("RULES_ZONES_PATH is not set. Point it at the city's zone file (GeoJSON, format in "
              "docs/ARCHITECTURE.md); check one with `alpr rules check-zones PATH`.")


class RulesSettings(CommonSettings):
    model_config = SettingsConfigDict(env_prefix="RULES_", extra="ignore", populate_by_name=True)

    zones_path: Path | None = None
    moved_distance_m: float = Field(30.0, gt=0)
    min_confidence: float = Field(0.5, ge=0, le=1)
    chalk_max_age_h: float = Field(24.0, gt=0)  # within an epoch; across epochs only the overlap is bridged
    permit_refresh_s: float = Field(30.0, gt=0)
    zones_reload_s: float = Field(10.0, gt=0)
    metrics_port: int = Field(0, ge=0)
    # How long the group waits for a silent worker; the development broker also waits about this
    # long after a worker leaves before it hands the partitions to a new one.
    session_timeout_s: float = Field(60.0, ge=6)
    # Where the Faust tables (chalks, opened cases) live: "rocksdb" keeps them on disk under
    # ALPR_DATA_DIR/rules, so a restarted worker only replays the changelog written since it stopped;
    # "memory" rebuilds them from the changelog at every start; "auto" is rocksdb when rocksdict is installed.
    table_store: Literal["auto", "memory", "rocksdb"] = "auto"

    def require_zones_path(self) -> Path:
        if not self.zones_path:
            raise ConfigError(ZONES_HINT)
        return self.zones_path

    def chalk_policy(self) -> ChalkPolicy:
        return ChalkPolicy(self.moved_distance_m, self.min_confidence, timedelta(hours=self.chalk_max_age_h))
