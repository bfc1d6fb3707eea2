"""`alpr ocr evaluate FOLDER`: score the reader on a folder of labelled images."""
import json
from pathlib import Path

import click
from tqdm import tqdm

from services.ocr.evaluation.labels import Label, LabelError, read_labels
from services.ocr.evaluation.report import as_dict, as_text
from services.ocr.evaluation.run import evaluate as evaluate_folder, unreadable_images
from services.ocr.evaluation.scoring import score
from services.ocr.reader import PlateReader
from services.ocr.settings import OcrSettings


def labels_of(folder: Path) -> list[Label]:
    try:
        return read_labels(folder)
    except LabelError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the text report.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Score only the first N labels (by file name).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Report only plates at least this confident (default: OCR_MIN_CONFIDENCE, 0.5).")
def evaluate(folder: Path, as_json: bool, limit: int | None, min_confidence: float | None):
    """Score the reader on FOLDER, labelled as in ../shared/datasets/README.md.

    Either a groundtruth.csv (file,state,plate_text) of plate crops, or one NAME.txt per image
    (file, x, y, w, h, plate_text as tab-separated fields); an empty NAME.txt labels the image
    NAME.jpg, .jpeg or .png beside it as having no plate. Prints, over the images with a plate,
    exact-match accuracy, accuracy with the letter O and the digit 0 folded together, detection
    recall (a reported box overlapping the labelled one with IoU >= 0.5), accuracy by state and
    every misread; over the images with no plate, how many had no plate reported, and every plate
    that was (a false plate); on scenes with a plate, every plate reported where none is labelled
    (another car's unlabelled plate, or a sign or a badge read as a plate).
    """
    labels = labels_of(folder)[:limit]
    if not labels:
        raise click.ClickException(f"no labels in {folder}: expected groundtruth.csv or NAME.txt files")
    missing = unreadable_images(folder, labels)
    if missing:
        raise click.ClickException(f"{len(missing)} labelled image(s) not found, e.g. {missing[0]}")
    reader = PlateReader.from_settings(OcrSettings(), min_confidence)
    scores = score(evaluate_folder(reader, folder, tqdm(labels, desc="evaluating", unit="image")))
    if as_json:
        click.echo(json.dumps(as_dict(str(folder), reader.model_version, scores)))
    else:
        click.echo("\n".join(as_text(str(folder), reader.model_version, scores)))
