"""Settings of the review service: the common ones plus REVIEW_HOST, REVIEW_PORT, REVIEW_CONSUME, REVIEW_GROUP_ID."""
from pydantic_settings import SettingsConfigDict

from alpr_common.config import CommonSettings

SERVICE = "review"


class ReviewSettings(CommonSettings):
    model_config = SettingsConfigDict(env_prefix="REVIEW_", extra="ignore", populate_by_name=True)

    host: str = "127.0.0.1"
    port: int = 8081
    consume: bool = True  # ingest cases from alpr.cases.v1 in the same process as the API
    group_id: str = SERVICE  # the consumer group; only tests and side-by-side replays change it
