"""The OCR service's settings: the common ones plus its own under the OCR_ prefix."""
from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from alpr_common.config import CommonSettings


class OcrSettings(CommonSettings):
    model_config = SettingsConfigDict(env_prefix="OCR_", extra="ignore", populate_by_name=True)

    batch_size: int = Field(8, ge=1, description="frames read in one batched model call")
    batch_timeout_s: float = Field(0.5, gt=0, description="longest wait to fill a batch")
    metrics_port: int = Field(0, ge=0, description="port for /metrics; 0 turns it off")
    min_confidence: float = Field(0.5, ge=0, le=1, description="reads below this are not reported")
    model_dir: Path | None = Field(None, description="folder with the ONNX files; default: the rapidocr wheel's")
