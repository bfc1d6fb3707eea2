"""The ONNX models: PP-OCRv4 detection and recognition, shipped in the rapidocr_onnxruntime wheel,
and the PP-OCRv6 recognizer that gives unsure text a second reading (second_opinion.py), shipped
in the rapidocr wheel. Only the files are used; neither package's code is imported."""
import hashlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from alpr_common.errors import ConfigError
from services.ocr.engines import Engine

DETECTION_FILE = "ch_PP-OCRv4_det_infer.onnx"
RECOGNITION_FILE = "ch_PP-OCRv4_rec_infer.onnx"
SECOND_RECOGNITION_FILE = "PP-OCRv6_rec_small.onnx"
VERSION_PREFIX = "ppocrv4-det+rec+v6-rec"
CARRIERS = {DETECTION_FILE: "rapidocr_onnxruntime", RECOGNITION_FILE: "rapidocr_onnxruntime",
            SECOND_RECOGNITION_FILE: "rapidocr"}  # the package whose wheel carries each file


@dataclass(frozen=True)
class ModelFiles:
    detection: Path
    recognition: Path
    second_recognition: Path

    @property
    def all(self) -> tuple[Path, Path, Path]:
        return self.detection, self.recognition, self.second_recognition

    @property
    def version(self) -> str:
        """`ppocrv4-det+rec+v6-rec@<first 12 hex digits of sha256(the three files' bytes, in order)>`."""
        digest = hashlib.sha256()
        for path in self.all:
            digest.update(path.read_bytes())
        return f"{VERSION_PREFIX}@{digest.hexdigest()[:12]}"


def wheel_model_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ConfigError(f"the {package} package is not installed; it carries OCR models (make venv installs it), "
                          "or set OCR_MODEL_DIR to a folder with them")
    return Path(spec.origin).parent / "models"


def locate_models(model_dir: Path | None = None) -> ModelFiles:
    """The three files in model_dir, or where the wheels that carry them put them."""
    def where(name: str) -> Path:
        return (Path(model_dir) if model_dir else wheel_model_dir(CARRIERS[name])) / name
    files = ModelFiles(where(DETECTION_FILE), where(RECOGNITION_FILE), where(SECOND_RECOGNITION_FILE))
    missing = [str(p) for p in files.all if not p.is_file()]
    if missing:
        raise ConfigError(f"model file(s) not found: {', '.join(missing)} (OCR_MODEL_DIR)")
    return files


def character_list(engine: Engine) -> list[str]:
    """The recognition alphabet: CTC blank at 0, the model's dictionary, then a space last."""
    dictionary = engine.metadata("character")
    if dictionary is None:
        raise ConfigError("the recognition model carries no character dictionary in its metadata")
    return ["<blank>", *dictionary.splitlines(), " "]
