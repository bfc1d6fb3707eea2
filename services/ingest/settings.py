"""Configuration of the ingest service: the common settings plus its own under INGEST_."""
from pydantic import Field
from pydantic_settings import SettingsConfigDict

from alpr_common.config import CommonSettings


class IngestSettings(CommonSettings):
    model_config = SettingsConfigDict(env_prefix="INGEST_", extra="ignore", populate_by_name=True)

    host: str = "127.0.0.1"
    port: int = Field(8080, ge=1, le=65535)
    max_image_bytes: int = Field(10 * 1024 * 1024, gt=0)
    max_pixels: int = Field(24_000_000, gt=0)
    min_side_pixels: int = Field(64, gt=0)
    max_frame_age_days: float = Field(7, gt=0)
    max_future_skew_s: float = Field(300, ge=0)
    broker_timeout_s: float = Field(12.0, gt=0)
    retry_after_s: int = Field(5, ge=1)
