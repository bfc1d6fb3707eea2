"""`alpr ocr bench [FOLDER]`: the OCR service's batch path against the RapidOCR pipeline, side by side.

Both read the same frames in the same run on this machine (CPU, or the GPU where present for
PlateReader). A frame's latency is the wall time of the call that returned its plates: for the
batch path that is the whole batch's call, so batching raises latency while it raises throughput.
"""
import resource
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import click
import numpy as np
from tqdm import tqdm

from services.ocr.bench_frames import BenchFrame, folder_frames, rendered_frames, size_option, sized
from services.ocr.evaluation.labels import LabelError
from services.ocr.plate_text import normalise
from services.ocr.reader import PlateReader

ReadMany = Callable[[list[np.ndarray]], list[set[str]]]


@dataclass(frozen=True)
class Timing:
    frames_per_s: float
    median_ms: float
    p95_ms: float
    exact: int      # frames whose labelled plate was among the texts read
    labelled: int


def timing(latencies_s: list[float], total_s: float, found: list[set[str]], truths: list[str | None]) -> Timing:
    """Throughput and per-frame latency (one latency per frame) of one reader over all the frames."""
    labelled = [(t, f) for t, f in zip(truths, found) if t is not None]
    return Timing(len(latencies_s) / total_s, statistics.median(latencies_s) * 1000,
                  float(np.percentile(latencies_s, 95)) * 1000, sum(t in f for t, f in labelled), len(labelled))


def run_interleaved(readers: list[tuple[ReadMany, int]], frames: list[BenchFrame]) -> list[Timing]:
    """Each reader (with its batch size) reads each group of frames in turn, so that load from
    other processes on a shared machine falls on all of them alike; a reader's frames/s counts only
    the time spent in its own calls."""
    for read, _ in readers:
        read([frames[0].image])  # warm up
    group = max(batch for _, batch in readers)
    latencies: list[list[float]] = [[] for _ in readers]
    found: list[list[set[str]]] = [[] for _ in readers]
    busy = [0.0 for _ in readers]
    for start in tqdm(range(0, len(frames), group), desc="benchmarking", unit="group", leave=False):
        images = [f.image for f in frames[start: start + group]]
        for k, (read, batch) in enumerate(readers):
            for first in range(0, len(images), batch):
                chunk = images[first: first + batch]
                began = time.perf_counter()
                found[k] += read(chunk)
                elapsed = time.perf_counter() - began
                busy[k] += elapsed
                latencies[k] += [elapsed] * len(chunk)
    truths = [f.truth for f in frames]
    return [timing(*measured, truths) for measured in zip(latencies, busy, found)]


def plate_readers() -> tuple[ReadMany, ReadMany, ReadMany]:
    """The batch path, and the same reader without its second reading and without its closer look
    (sharing the loaded models)."""
    reader = PlateReader()
    return tuple(lambda images, r=r: [{p.text for p in plates} for plates in r.read_batch(images)]
                 for r in (reader, reader.leaving_out(second_reading=True), reader.leaving_out(closer_look=True)))


def rapidocr() -> ReadMany:
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()

    def read(images: list[np.ndarray]) -> list[set[str]]:
        lines = [engine(image)[0] or [] for image in images]
        return [{normalise(text, [1.0] * len(text))[0].text for _, text, _ in found} for found in lines]
    return read


def table(rows: list[tuple[str, Timing]]) -> list[str]:
    lines = [f"{'reader':<38}{'frames/s':>9}{'median ms':>11}{'p95 ms':>9}{'exact reads':>13}"]
    for name, t in rows:
        exact = f"{t.exact}/{t.labelled}" if t.labelled else "-"
        lines.append(f"{name:<38}{t.frames_per_s:>9.2f}{t.median_ms:>11.1f}{t.p95_ms:>9.1f}{exact:>13}")
    ours, theirs = rows[0][1], rows[1][1]
    lines.append(f"throughput ratio (batch path / RapidOCR): {ours.frames_per_s / theirs.frames_per_s:.2f}x")
    return lines


@click.command()
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--size", default=None, callback=size_option,
              help="Letterbox every frame to WIDTHxHEIGHT first, e.g. 1280x720.")
@click.option("--frames", default=16, show_default=True, help="Without FOLDER: how many scenes to render.")
@click.option("--limit", type=click.IntRange(1), default=None, help="With FOLDER: only the first N images.")
@click.option("--batch", default=8, show_default=True, help="Frames per PlateReader.read_batch call.")
@click.option("--seed", default=2024, show_default=True, help="Seed for the rendered scenes.")
def bench(folder: Path | None, size: tuple[int, int] | None, frames: int, limit: int | None, batch: int, seed: int):
    """Frames/s and per-frame latency (median, p95) of the batch path and of RapidOCR on the same frames
    (and of the batch path without its second reading, and without its closer look, for what each costs).

    FOLDER: images (labelled as for `evaluate` where possible); without it, rendered parked cars
    of --size (default 1280x720). Exact reads count frames whose labelled plate was read.
    """
    try:
        chosen = folder_frames(folder, limit) if folder else rendered_frames(frames, seed, size or (1280, 720))
    except LabelError as exc:
        raise click.ClickException(str(exc)) from exc
    chosen = sized(chosen, size)
    if not chosen:
        raise click.ClickException(f"no .jpg or .png images in {folder}")
    click.echo(f"{len(chosen)} frames{f' letterboxed to {size[0]}x{size[1]}' if size else ''}")
    ours, no_second_reading, no_closer_look = plate_readers()
    timings = run_interleaved([(ours, batch), (rapidocr(), 1), (no_second_reading, batch), (no_closer_look, batch)],
                              chosen)
    rows = list(zip([f"PlateReader.read_batch (batch {batch})", "rapidocr_onnxruntime.RapidOCR()",
                     "PlateReader, no second reading", "PlateReader, no closer look"], timings))
    click.echo("\n".join(table(rows)))
    click.echo(f"peak resident memory of this process, both readers loaded: {peak_rss_mib():.0f} MiB "
               "(an upper bound for the OCR service, which loads only the first)")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


if __name__ == "__main__":
    bench()
