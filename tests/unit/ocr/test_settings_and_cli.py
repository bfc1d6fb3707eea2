import json

import cv2
from click.testing import CliRunner

from services.ocr.cli import ocr
from services.ocr.settings import OcrSettings
from services.ocr.synthetic import parked_car_scene


def test_defaults_and_the_ocr_prefix(monkeypatch):
    for name in ("OCR_BATCH_SIZE", "OCR_MIN_CONFIDENCE"):
        monkeypatch.delenv(name, raising=False)
    defaults = OcrSettings()
    assert (defaults.batch_size, defaults.batch_timeout_s, defaults.metrics_port, defaults.min_confidence) == (8, 0.5, 0, 0.5)
    monkeypatch.setenv("OCR_BATCH_SIZE", "4")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "broker:9092")
    configured = OcrSettings()
    assert configured.batch_size == 4 and configured.kafka_bootstrap_servers == "broker:9092"


def test_run_refuses_to_start_without_a_broker(monkeypatch):
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    result = CliRunner().invoke(ocr, ["run"])
    assert result.exit_code != 0 and "KAFKA_BOOTSTRAP_SERVERS is not set" in result.output


def test_read_prints_a_json_line_per_image_and_fails_for_a_missing_one(tmp_path):
    image = tmp_path / "car.jpg"
    cv2.imwrite(str(image), parked_car_scene("WX59KD", seed=11))
    result = CliRunner().invoke(ocr, ["read", str(image), str(tmp_path / "missing.jpg")])
    found, missing = [json.loads(line) for line in result.output.splitlines()]
    assert result.exit_code == 1
    assert found["image"] == str(image) and [p["text"] for p in found["plates"]] == ["WX59KD"]
    assert len(found["plates"][0]["box"]) == 4 and len(found["plates"][0]["char_confidences"]) == 6
    assert found["latency_ms"] > 0
    assert missing == {"image": str(tmp_path / "missing.jpg"), "error": "no such file"}
