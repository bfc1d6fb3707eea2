"""The two label formats of ../shared/datasets (see its README), parsed into one Label type.

- plate crops: `groundtruth.csv` lines `file,state,plate_text` (no header);
- scenes: one `NAME.txt` per image, `file<TAB>x<TAB>y<TAB>w<TAB>h<TAB>plate_text` (the plate's box).
"""
from dataclasses import dataclass
from pathlib import Path

from services.ocr.geometry import Box

GROUNDTRUTH_CSV = "groundtruth.csv"


@dataclass(frozen=True)
class Label:
    file: str              # the image's name, relative to the labelled folder
    text: str              # upper-case letters and digits
    state: str | None = None
    box: Box | None = None  # where the plate is, for scenes


def parse_crop_line(line: str) -> Label:
    file, state, text = (part.strip() for part in line.split(","))
    return Label(file, text.upper(), state=state.upper())


def parse_scene_line(line: str) -> Label:
    file, x, y, w, h, text = line.rstrip("\r\n").split("\t")
    return Label(file, text.strip().upper(), box=(int(x), int(y), int(w), int(h)))


def read_labels(folder: Path) -> list[Label]:
    """Every label in the folder, in file-name order; [] when it holds neither format."""
    csv = folder / GROUNDTRUTH_CSV
    if csv.is_file():
        lines = csv.read_text().splitlines()
        return sorted((parse_crop_line(line) for line in lines if line.strip()), key=lambda lab: lab.file)
    lines = [line for txt in sorted(folder.glob("*.txt")) for line in txt.read_text().splitlines() if line.strip()]
    return [parse_scene_line(line) for line in lines]
