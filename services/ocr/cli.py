"""`alpr ocr`: run the OCR consumer, or read plates in image files."""
import json
import sys
import time
from pathlib import Path

import click
import cv2

from alpr_common.errors import ConfigError
from alpr_common.logs import configure_logging
from alpr_common.service_runtime import stop_on_signals
from services.ocr.bench import bench
from services.ocr.evaluation.command import evaluate
from services.ocr.evaluation.mosaic import mosaic_command
from services.ocr.evaluation.paste import paste_command
from services.ocr.reader import PlateReader, PlateResult
from services.ocr.settings import OcrSettings
from services.ocr.worker import SERVICE, run_worker


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def ocr():
    """The OCR service: finds and reads licence plates in frames with ONNX Runtime."""


@ocr.command()
def run():
    """Consume alpr.frames.v1 and produce plate reads until stopped (SIGINT/SIGTERM).

    Needs KAFKA_BOOTSTRAP_SERVERS; see services/ocr/README.md for the OCR_ settings.
    """
    settings = OcrSettings()
    try:
        settings.require_kafka()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    configure_logging(SERVICE, settings.log_level)
    run_worker(settings, stop_on_signals())


@ocr.command()
@click.argument("images", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Report only plates at least this confident (default: OCR_MIN_CONFIDENCE, 0.5).")
def read(images: tuple[Path, ...], min_confidence: float | None):
    """Read the plates in IMAGE files; prints one JSON object per image, one per line.

    Each line: "image", "plates" (largest first, each with "text", "confidence",
    "box" as [x, y, width, height] of the plate in the image's pixels, and "char_confidences")
    and "latency_ms". An image that cannot be read gets a line with an "error", and the command
    exits with 1.
    """
    reader = PlateReader.from_settings(OcrSettings(), min_confidence)
    failed = False
    for path in images:
        line = _read_one(reader, path)
        failed |= "error" in line
        click.echo(json.dumps(line))
    sys.exit(1 if failed else 0)


def _read_one(reader: PlateReader, path: Path) -> dict:
    image = cv2.imread(str(path), cv2.IMREAD_COLOR) if path.is_file() else None
    if image is None:
        reason = "no such file" if not path.is_file() else "not a readable image"
        return {"image": str(path), "error": reason}
    started = time.perf_counter()
    plates = reader.read_batch([image])[0]
    latency_ms = (time.perf_counter() - started) * 1000
    return {"image": str(path), "plates": [_plate_json(p) for p in plates], "latency_ms": round(latency_ms, 1)}


def _plate_json(plate: PlateResult) -> dict:
    return {"text": plate.text, "confidence": round(plate.confidence, 4), "box": list(plate.box),
            "char_confidences": [round(c, 4) for c in plate.char_confidences]}


ocr.add_command(evaluate)
ocr.add_command(bench)
ocr.add_command(mosaic_command)
ocr.add_command(paste_command)

if __name__ == "__main__":
    ocr()
