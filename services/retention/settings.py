from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from alpr_common.config import CommonSettings

DEFAULT_RULES = Path(__file__).resolve().parent / "retention.toml"


class RetentionSettings(CommonSettings):
    model_config = SettingsConfigDict(env_prefix="RETENTION_", extra="ignore", populate_by_name=True)

    config_path: Path = Field(DEFAULT_RULES, description="the retention rules (TOML)")
    sweep_interval_s: float = Field(60.0, gt=0, description="seconds between sweeps")
    sweep_batch_size: int = Field(100, gt=0, description="items destroyed per record batch and audit event")
    metrics_port: int = Field(9105, description="port of /metrics; 0 turns it off")
