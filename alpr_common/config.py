"""Settings shared by every service, read from environment variables with embedded-mode defaults.

Each service subclasses CommonSettings with its own fields under its own prefix (INGEST_, OCR_, ...).
"""
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from alpr_common.errors import ConfigError

DEVBROKER_HINT = (
    "KAFKA_BOOTSTRAP_SERVERS is not set. Point it at a Kafka cluster, or start the development "
    "broker with `alpr devbroker` (or the whole stack with `alpr up`)."
)


class CommonSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    kafka_bootstrap_servers: str | None = Field(None, validation_alias="KAFKA_BOOTSTRAP_SERVERS")
    database_url: str | None = Field(None, validation_alias="DATABASE_URL")
    data_dir: Path = Field(Path(".alpr"), validation_alias="ALPR_DATA_DIR")
    storage_url: str | None = Field(None, validation_alias="ALPR_STORAGE_URL")
    clock: str = Field("wall", validation_alias="ALPR_CLOCK")
    log_level: str = Field("INFO", validation_alias="ALPR_LOG_LEVEL")

    def require_kafka(self) -> str:
        if not self.kafka_bootstrap_servers:
            raise ConfigError(DEVBROKER_HINT)
        return self.kafka_bootstrap_servers

    def resolved_storage_url(self) -> str:
        """The object store: ALPR_STORAGE_URL, else a local folder under the data directory."""
        return self.storage_url or f"file://{(self.data_dir / 'objects').resolve()}"
