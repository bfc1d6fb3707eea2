"""The ONNX models (PP-OCRv4 detection and recognition, shipped in the rapidocr_onnxruntime wheel)."""
import hashlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from alpr_common.errors import ConfigError
from services.ocr.engines import Engine

DETECTION_FILE = "ch_PP-OCRv4_det_infer.onnx"
RECOGNITION_FILE = "ch_PP-OCRv4_rec_infer.onnx"
VERSION_PREFIX = "ppocrv4-det+rec"


@dataclass(frozen=True)
class ModelFiles:
    detection: Path
    recognition: Path

    @property
    def version(self) -> str:
        """`ppocrv4-det+rec@<first 12 hex digits of sha256(det bytes + rec bytes)>`."""
        digest = hashlib.sha256()
        for path in (self.detection, self.recognition):
            digest.update(path.read_bytes())
        return f"{VERSION_PREFIX}@{digest.hexdigest()[:12]}"


def wheel_model_dir() -> Path:
    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    if spec is None or spec.origin is None:
        raise ConfigError("the rapidocr_onnxruntime package is not installed; it carries the OCR models "
                          "(pip install rapidocr-onnxruntime), or set OCR_MODEL_DIR to a folder with them")
    return Path(spec.origin).parent / "models"


def locate_models(model_dir: Path | None = None) -> ModelFiles:
    folder = Path(model_dir) if model_dir else wheel_model_dir()
    files = ModelFiles(folder / DETECTION_FILE, folder / RECOGNITION_FILE)
    missing = [p.name for p in (files.detection, files.recognition) if not p.is_file()]
    if missing:
        raise ConfigError(f"model file(s) {', '.join(missing)} not found in {folder} (OCR_MODEL_DIR)")
    return files


def character_list(engine: Engine) -> list[str]:
    """The recognition alphabet: CTC blank at 0, the model's dictionary, then a space last."""
    dictionary = engine.metadata("character")
    if dictionary is None:
        raise ConfigError("the recognition model carries no character dictionary in its metadata")
    return ["<blank>", *dictionary.splitlines(), " "]
