"""Plate crops pasted into street scenes, for evaluating one country's plates as a camera sees them.

The labelled US plates at hand are tight crops; the labelled street scenes show EU and BR plates.
`alpr ocr paste` blurs each scene's plate out (mosaic.without_plates) and pastes a crop over it at
the size that plate would have in that scene: scaled by the two plates' physical widths (a US
plate is 305 mm wide, an EU plate 520 mm, a Mercosul plate 400 mm) and centred where the scene's
plate was. The crops take the scenes in turn. The frames are labelled with the crop's text and its
pasted box, for `alpr ocr evaluate` and `alpr ocr bench`: the crops' plates, small and in a street,
as an enforcement vehicle's camera sees them.
"""
from pathlib import Path

import click
import cv2
import numpy as np
from tqdm import tqdm

from services.ocr.evaluation.labels import Label, LabelError, read_labels
from services.ocr.evaluation.mosaic import Scene, labelled_scenes, without_plates, write_mosaic
from services.ocr.geometry import Box

US_PLATE_MM = 305


def pasted(scene: Scene, crop: np.ndarray, width: int) -> tuple[np.ndarray, Box]:
    """The scene with its plates blurred out and the crop, resized to `width` pixels wide, centred
    on its first plate (kept inside the frame); and the crop's box there."""
    image = without_plates(scene).image
    frame_h, frame_w = image.shape[:2]
    w = max(1, min(width, frame_w))
    h = max(1, min(round(crop.shape[0] * w / crop.shape[1]), frame_h))
    x, y, pw, ph = scene.labels[0].box
    left = int(np.clip(round(x + pw / 2 - w / 2), 0, frame_w - w))
    top = int(np.clip(round(y + ph / 2 - h / 2), 0, frame_h - h))
    image[top: top + h, left: left + w] = cv2.resize(crop, (w, h), interpolation=cv2.INTER_AREA)
    return image, (left, top, w, h)


@click.command("paste")
@click.argument("crops", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--scenes", "scene_folders", required=True, multiple=True,
              type=(click.Path(exists=True, file_okay=False, path_type=Path), click.IntRange(1)),
              help="A folder of labelled scenes and the width of its plates in mm, e.g. "
                   "`--scenes real-scenes/eu 520 --scenes real-scenes/br 400`; repeatable.")
@click.option("--crop-plate-mm", type=click.IntRange(1), default=US_PLATE_MM, show_default=True,
              help="The physical width of the cropped plates (a US plate's by default).")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the frames and their labels to (created if missing).")
def paste_command(crops: Path, scene_folders: tuple[tuple[Path, int], ...], crop_plate_mm: int, out: Path):
    """Paste each plate crop of CROPS (a groundtruth.csv folder) over the blurred-out plate of a
    scene, at the size its plate would have there, and write the frames to --out labelled with the
    crop's text and box, for `alpr ocr evaluate`. The crops take the scenes in turn."""
    try:
        labels = [label for label in read_labels(crops) if label.crop]
        scenes = [(path, plates, crop_plate_mm / mm) for folder, mm in scene_folders
                  for path, plates in labelled_scenes(folder) if plates]
    except LabelError as exc:
        raise click.ClickException(str(exc)) from exc
    if not labels:
        raise click.ClickException(f"no plate crops (groundtruth.csv) in {crops}")
    if not scenes:
        raise click.ClickException("no labelled scene with a plate in " + ", ".join(str(f) for f, _ in scene_folders))
    paths = [crops / label.file for label in labels] + [path for path, _, _ in scenes]
    unreadable = [path for path in paths if not path.is_file() or not cv2.haveImageReader(str(path))]
    if unreadable:
        raise click.ClickException(f"{len(unreadable)} labelled image(s) cannot be read, e.g. {unreadable[0]}")
    out.mkdir(parents=True, exist_ok=True)
    for k, label in enumerate(tqdm(labels, desc="pasting", unit="crop")):
        path, plates, ratio = scenes[k % len(scenes)]
        crop, image = cv2.imread(str(crops / label.file), cv2.IMREAD_COLOR), cv2.imread(str(path), cv2.IMREAD_COLOR)
        frame, box = pasted(Scene(image, plates), crop, round(plates[0].box[2] * ratio))
        name = f"{k:04d}_{Path(label.file).stem}.jpg"
        write_mosaic(out, name, frame, [Label(name, label.text, box=box)])
    click.echo(f"{len(labels)} frames with a pasted plate written to {out}")
