"""The OCR service's settings: the common ones plus its own under the OCR_ prefix."""
from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from alpr_common.config import CommonSettings
from services.ocr.detection import FULL_RESOLUTION_ABOVE
from services.ocr.fusion import FusionLimits


class OcrSettings(CommonSettings):
    model_config = SettingsConfigDict(env_prefix="OCR_", extra="ignore", populate_by_name=True)

    batch_size: int = Field(8, ge=1, description="frames read in one batched model call")
    batch_timeout_s: float = Field(0.5, gt=0, description="longest wait to fill a batch")
    metrics_port: int = Field(0, ge=0, description="port for /metrics; 0 turns it off")
    min_confidence: float = Field(0.5, ge=0, le=1, description="reads below this are not reported")
    full_resolution_above_px: int = Field(FULL_RESOLUTION_ABOVE, ge=0, description="frames wider or taller than"
                                          " this are detected at their own resolution, up to 1920 px, and larger"
                                          " ones at 2880 px in tiles (small plates in wide frames), not shrunk to"
                                          " 960 px; 0 shrinks every frame")
    model_dir: Path | None = Field(None, description="folder with the three ONNX files; default: the wheels' that carry them")
    second_reading: bool = Field(True, description="read registration-like text too unsure to report again with the second"
                                 " recognizer (about 150 MiB more memory)")
    closer_look: bool = Field(True, description="detect a window around each plate found small in a frame again,"
                              " enlarged, and read the plate there (closer_look.py)")
    fusion_window_s: float = Field(4.0, ge=0, description="longest gap between frames of one sighting; 0 turns fusion off")
    fusion_max_apart_m: float = Field(30.0, gt=0, description="farthest the camera may move between frames of one sighting")

    def fusion_limits(self) -> FusionLimits | None:
        return FusionLimits(self.fusion_window_s, self.fusion_max_apart_m) if self.fusion_window_s > 0 else None
