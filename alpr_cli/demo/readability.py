"""How well an off-the-shelf reader (RapidOCR) reads the demo plates: a check, not part of the pipeline.

Run: `python -m alpr_cli.demo.readability [COUNT]`
"""
import random
import sys

import cv2
import numpy as np

from alpr_cli.demo.plates import unique_plates
from alpr_cli.demo.render import render_car_frame


def texts_in(reader, jpeg: bytes) -> set[str]:
    img = cv2.imdecode(np.frombuffer(jpeg, dtype=np.uint8), cv2.IMREAD_COLOR)
    result, _ = reader(img)
    return {"".join(text.upper().split()) for _, text, _ in (result or [])}


def read_rate(count: int, seed: int = 1) -> tuple[float, list[tuple[str, set[str]]]]:
    """Share of `count` rendered plates read exactly, and the misses (plate, texts found)."""
    from rapidocr_onnxruntime import RapidOCR

    reader = RapidOCR()
    plates = unique_plates(random.Random(seed), count)
    misses = []
    for index, plate in enumerate(plates):
        found = texts_in(reader, render_car_frame(plate, seed * 100_003 + index))
        if plate not in found:
            misses.append((plate, found))
    return 1 - len(misses) / count, misses


if __name__ == "__main__":
    rate, missed = read_rate(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
    print(f"read exactly: {rate:.1%}")
    for plate, found in missed:
        print(f"  {plate}: {sorted(found)}")
