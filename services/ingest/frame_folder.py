"""A folder of frames to upload (NAME.jpg|png + NAME.json) and its ledger of frames already accepted."""
import os
from dataclasses import dataclass
from pathlib import Path

LEDGER_NAME = ".uploaded"
CONTENT_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


@dataclass(frozen=True)
class FrameFile:
    image: Path

    @property
    def name(self) -> str:
        return self.image.name

    @property
    def sidecar(self) -> Path:
        return self.image.with_suffix(".json")

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.image.suffix.lower()]


def frame_files(folder: Path) -> list[FrameFile]:
    """Every JPEG or PNG in the folder (not its subfolders), in name order."""
    return [FrameFile(p) for p in sorted(folder.iterdir())
            if p.is_file() and p.suffix.lower() in CONTENT_TYPES and not p.name.startswith(".")]


class Ledger:
    """One image file name per line; appended and synced as soon as the server accepted the frame."""

    def __init__(self, folder: Path):
        self.path = folder / LEDGER_NAME
        self.done = set(self.path.read_text().split("\n")) - {""} if self.path.exists() else set()

    def pending(self, files: list[FrameFile]) -> list[FrameFile]:
        return [f for f in files if f.name not in self.done]

    def record(self, file: FrameFile) -> None:
        with self.path.open("a") as ledger:
            ledger.write(file.name + "\n")
            ledger.flush()
            os.fsync(ledger.fileno())
        self.done.add(file.name)
