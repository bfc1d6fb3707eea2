from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from alpr_common.config import CommonSettings


class ReportingSettings(CommonSettings):
    model_config = SettingsConfigDict(env_prefix="REPORTING_", extra="ignore", populate_by_name=True)

    tracts_path: Path | None = Field(None, description="census tracts (GeoJSON, features with id and name)")
    zones_path: Path | None = Field(None, description="enforcement zones (GeoJSON), to count reads by zone")
    timezone: str = Field("UTC", description="IANA time zone whose calendar days the counts use")
    metrics_port: int = Field(9106, description="port of /metrics; 0 turns it off")
    suppression_threshold: int = Field(10, ge=1, description="public figures: counts from 1 to this minus 1 are suppressed")
    retention_config_path: Path = Field(Path("services/retention/retention.toml"), description="retention rules (TOML), read as data")
    overdue_grace_minutes: int = Field(60, ge=0, description="destroyed later than window + this counts as overdue")
    port: int = Field(8082, description="port of the public transparency page")
