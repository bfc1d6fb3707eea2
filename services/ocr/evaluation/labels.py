"""The two label formats of ../shared/datasets (see its README), parsed into one Label type.

- plate crops: `groundtruth.csv` lines `file,state,plate_text` (no header);
- scenes: one `NAME.txt` per image, `file<TAB>x<TAB>y<TAB>w<TAB>h<TAB>plate_text` (the plate's box);
  an empty `NAME.txt` labels the image beside it (NAME.jpg, .jpeg or .png) as having no plate.
"""
from dataclasses import dataclass
from pathlib import Path

from services.ocr.geometry import Box

GROUNDTRUTH_CSV = "groundtruth.csv"
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")  # looked for in this order beside an empty NAME.txt


class LabelError(ValueError):
    """A label file that cannot be used; the message names it."""


@dataclass(frozen=True)
class Label:
    file: str              # the image's name, relative to the labelled folder
    text: str              # upper-case letters and digits; "" for an image with no plate
    state: str | None = None
    box: Box | None = None  # where the plate is, for scenes
    crop: bool = False      # the image is a tight crop of the plate: its whole area is the plate's box

    @property
    def has_plate(self) -> bool:
        return bool(self.text)


def parse_crop_line(line: str) -> Label:
    file, state, text = (part.strip() for part in line.split(","))
    return Label(file, text.upper(), state=state.upper(), crop=True)


def parse_scene_line(line: str) -> Label:
    file, x, y, w, h, text = line.rstrip("\r\n").split("\t")
    return Label(file, text.strip().upper(), box=(int(x), int(y), int(w), int(h)))


def no_plate_label(txt_name: str, files: set[str]) -> Label:
    """The label of an empty NAME.txt: NAME's image, among the folder's files, has no plate."""
    stem = txt_name.removesuffix(".txt")
    image = next((stem + suffix for suffix in IMAGE_SUFFIXES if stem + suffix in files), None)
    if image is None:
        raise LabelError(f"{txt_name} is empty (an image with no plate), but no {stem}.jpg, .jpeg or .png is beside it")
    return Label(image, "")


def parse_scene_file(txt_name: str, content: str, files: set[str]) -> list[Label]:
    """The labels of one NAME.txt, given its content and the names of the files in its folder."""
    lines = [line for line in content.splitlines() if line.strip()]
    return [parse_scene_line(line) for line in lines] if lines else [no_plate_label(txt_name, files)]


def read_labels(folder: Path) -> list[Label]:
    """Every label in the folder, in file-name order; [] when it holds neither format.
    Raises LabelError for an empty NAME.txt with no image beside it."""
    csv = folder / GROUNDTRUTH_CSV
    if csv.is_file():
        lines = csv.read_text().splitlines()
        return sorted((parse_crop_line(line) for line in lines if line.strip()), key=lambda lab: lab.file)
    files = {path.name for path in folder.iterdir()}
    txts = sorted(folder.glob("*.txt"))
    return [label for txt in txts for label in parse_scene_file(txt.name, txt.read_text(), files)]
