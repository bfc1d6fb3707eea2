"""Wide frames made of labelled scenes side by side, for evaluating small plates in a wide view.

A traffic camera's 1920x1080 or 3840x2160 frame shows several cars, each plate a few dozen pixels
high. No labelled photos of that kind are at hand, so `alpr ocr mosaic` lays a folder's labelled
scenes out on a grid in frames of that size, each scene shrunk to fit its cell, and writes their
labels moved and scaled with them: `alpr ocr evaluate` and `alpr ocr bench` then run on them.

With --hide-plates every labelled plate is blurred out first and the frames are labelled as having
no plate: real street scenes with cars, badges, stickers and signs in them but no readable
registration, on which `evaluate` counts the false plates a reader reports.
"""
from dataclasses import dataclass
from pathlib import Path

import click
import cv2
import numpy as np
from tqdm import tqdm

from alpr_common.batching import batches
from services.ocr.bench_frames import size_option
from services.ocr.evaluation.labels import Label, LabelError, read_labels

BACKGROUND = 100  # grey between the scenes
HIDE_MARGIN = 0.5  # a hidden plate's blur reaches this many plate heights beyond its labelled box
HIDE_BLUR = 25     # the blur's sigma, in pixels of the scene: no character survives it


@dataclass(frozen=True)
class Scene:
    image: np.ndarray
    labels: list[Label]  # its plates (a scene without a plate has none)


def mosaic(scenes: list[Scene], grid: int, width: int, height: int, name: str) -> tuple[np.ndarray, list[Label]]:
    """One frame of width x height with up to grid x grid scenes, row by row, and their labels
    under the file `name`."""
    frame = np.full((height, width, 3), BACKGROUND, np.uint8)
    cell_w, cell_h = width // grid, height // grid
    labels = []
    for k, scene in enumerate(scenes[: grid * grid]):
        scale = min(cell_w / scene.image.shape[1], cell_h / scene.image.shape[0])
        w, h = round(scene.image.shape[1] * scale), round(scene.image.shape[0] * scale)
        left, top = (k % grid) * cell_w, (k // grid) * cell_h
        frame[top: top + h, left: left + w] = cv2.resize(scene.image, (w, h), interpolation=cv2.INTER_AREA)
        labels += [Label(name, label.text, box=moved(label.box, scale, left, top)) for label in scene.labels]
    return frame, labels


def without_plates(scene: Scene) -> Scene:
    """The scene with each labelled plate blurred out (and its margin), and no plate left to label."""
    image = scene.image.copy()
    blurred = cv2.GaussianBlur(scene.image, (0, 0), HIDE_BLUR)
    for label in scene.labels:
        x, y, w, h = label.box
        margin = round(HIDE_MARGIN * h)
        top, left = max(0, y - margin), max(0, x - margin)
        image[top: y + h + margin, left: x + w + margin] = blurred[top: y + h + margin, left: x + w + margin]
    return Scene(image, [])


def moved(box: tuple[int, int, int, int], scale: float, left: int, top: int) -> tuple[int, int, int, int]:
    x, y, w, h = box
    return round(x * scale) + left, round(y * scale) + top, round(w * scale), round(h * scale)


def label_line(label: Label) -> str:
    """The scene label format of ../shared/datasets: file, x, y, w, h, text, tab-separated."""
    return "\t".join(str(v) for v in (label.file, *label.box, label.text))


def write_mosaic(folder: Path, name: str, frame: np.ndarray, labels: list[Label]) -> None:
    cv2.imwrite(str(folder / name), frame, [cv2.IMWRITE_JPEG_QUALITY, 92])
    (folder / name).with_suffix(".txt").write_text("".join(label_line(label) + "\n" for label in labels))


def labelled_scenes(folder: Path) -> list[tuple[Path, list[Label]]]:
    """Each labelled image of a folder with its plates; LabelError for a folder of crops."""
    labels = read_labels(folder)
    if any(label.crop for label in labels):
        raise LabelError(f"{folder} holds plate crops (groundtruth.csv): a mosaic needs scenes labelled with boxes")
    files = list(dict.fromkeys(label.file for label in labels))
    return [(folder / file, [label for label in labels if label.file == file and label.has_plate]) for file in files]


@click.command("mosaic")
@click.argument("folders", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the frames and their labels to (created if missing).")
@click.option("--grid", type=click.IntRange(1, 8), default=3, show_default=True, help="Scenes across and down a frame.")
@click.option("--size", default="3840x2160", show_default=True, callback=size_option, help="Frame size, WIDTHxHEIGHT.")
@click.option("--hide-plates", is_flag=True,
              help="Blur every labelled plate out and label the frames as having none (for false plates).")
def mosaic_command(folders: tuple[Path, ...], out: Path, grid: int, size: tuple[int, int], hide_plates: bool):
    """Lay the labelled scenes of FOLDERS side by side in wide frames, as a traffic camera sees
    several cars with small plates, and write them to --out with their labels moved along, for
    `alpr ocr evaluate` and `alpr ocr bench`. Scenes are labelled as for `evaluate` (NAME.txt).
    With --grid 1 each scene keeps a frame to itself."""
    try:
        scenes = [scene for folder in folders for scene in labelled_scenes(folder)]
    except LabelError as exc:
        raise click.ClickException(str(exc)) from exc
    if not scenes:
        raise click.ClickException("no labelled scenes in " + ", ".join(map(str, folders)))
    unreadable = [path for path, _ in scenes if not path.is_file() or not cv2.haveImageReader(str(path))]
    if unreadable:
        raise click.ClickException(f"{len(unreadable)} labelled image(s) cannot be read, e.g. {unreadable[0]}")
    out.mkdir(parents=True, exist_ok=True)
    groups = batches(scenes, grid * grid)
    for k, group in enumerate(tqdm(groups, desc="mosaics", unit="frame")):
        name = f"mosaic{k:03d}.jpg"
        loaded = [Scene(cv2.imread(str(path), cv2.IMREAD_COLOR), labels) for path, labels in group]
        if hide_plates:
            loaded = [without_plates(scene) for scene in loaded]
        write_mosaic(out, name, *mosaic(loaded, grid, *size, name))
    click.echo(f"{len(groups)} frames of {size[0]}x{size[1]} with {len(scenes)} scenes written to {out}")
