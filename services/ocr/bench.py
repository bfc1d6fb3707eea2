"""Median latency per frame: PlateReader.read_batch (batches of 8) against the RapidOCR pipeline.

    python -m services.ocr.bench --frames 16

Both run on the same rendered 960x540 JPEG frames on this machine's CPU (or GPU where present for
PlateReader); the exact-read counts show both actually read the plates.
"""
import random
import statistics
import time

import click
import cv2
import numpy as np

from services.ocr.plate_text import normalise
from services.ocr.reader import PlateReader
from services.ocr.synthetic import parked_car_scene, random_plate_text


def demo_frames(count: int, seed: int) -> tuple[list[str], list[np.ndarray]]:
    rng = random.Random(seed)
    texts = [random_plate_text(rng) for _ in range(count)]
    jpegs = [cv2.imencode(".jpg", parked_car_scene(t, seed=seed + i))[1] for i, t in enumerate(texts)]
    return texts, [cv2.imdecode(j, cv2.IMREAD_COLOR) for j in jpegs]


def time_plate_reader(frames: list[np.ndarray], batch: int) -> tuple[float, list[set[str]]]:
    reader = PlateReader()
    reader.read_batch(frames[:1])  # warm up
    per_frame, found = [], []
    for start in range(0, len(frames), batch):
        chunk = frames[start: start + batch]
        began = time.perf_counter()
        results = reader.read_batch(chunk)
        per_frame.append((time.perf_counter() - began) / len(chunk))
        found += [{p.text for p in plates} for plates in results]
    return statistics.median(per_frame), found


def time_rapidocr(frames: list[np.ndarray]) -> tuple[float, list[set[str]]]:
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()
    engine(frames[0])  # warm up
    per_frame, found = [], []
    for frame in frames:
        began = time.perf_counter()
        lines, _ = engine(frame)
        per_frame.append(time.perf_counter() - began)
        found.append({normalise(text, [1.0] * len(text))[0].text for _, text, _ in lines or []})
    return statistics.median(per_frame), found


@click.command()
@click.option("--frames", default=16, show_default=True, help="How many rendered frames to time.")
@click.option("--batch", default=8, show_default=True, help="Frames per PlateReader.read_batch call.")
@click.option("--seed", default=2024, show_default=True, help="Seed for the rendered plates.")
def bench(frames: int, batch: int, seed: int):
    """Print the median latency per 960x540 frame of both readers side by side."""
    texts, images = demo_frames(frames, seed)
    ours, our_found = time_plate_reader(images, batch)
    theirs, their_found = time_rapidocr(images)
    click.echo(f"{'reader':<34}{'median ms/frame':>16}{'exact reads':>13}")
    for name, median, found in ((f"PlateReader.read_batch (batch {batch})", ours, our_found),
                                ("rapidocr_onnxruntime.RapidOCR()", theirs, their_found)):
        exact = sum(t in f for t, f in zip(texts, found))
        click.echo(f"{name:<34}{median * 1000:>16.1f}{f'{exact}/{len(texts)}':>13}")


if __name__ == "__main__":
    bench()
