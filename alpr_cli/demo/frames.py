"""Writes the drive's frames: `frames/passN/NAME.jpg` with its `NAME.json` sidecar."""
import json
import zlib
from pathlib import Path

from alpr_cli.demo.drive import Shot, sidecar
from alpr_cli.demo.render import render_car_frame, render_empty_frame


def write_frames(frames_dir: Path, shots: list[Shot], passes: int, seed: int, tz) -> list[Path]:
    """One folder per pass (stale frames from an earlier run removed); returns the folders."""
    pass_dirs = [frames_dir / f"pass{index + 1}" for index in range(passes)]
    for folder in pass_dirs:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in [*folder.glob("*.jpg"), *folder.glob("*.json")]:
            stale.unlink()
    for shot in shots:
        folder = pass_dirs[shot.pass_index]
        (folder / f"{shot.name}.jpg").write_bytes(render_shot(shot, seed))
        (folder / f"{shot.name}.json").write_text(json.dumps(sidecar(shot, tz), indent=2) + "\n")
    return pass_dirs


def render_shot(shot: Shot, seed: int) -> bytes:
    frame_seed = zlib.crc32(f"{seed}|{shot.frame_id}".encode())
    if not shot.plates:
        return render_empty_frame(frame_seed)
    return render_car_frame(shot.plates[0], frame_seed)
