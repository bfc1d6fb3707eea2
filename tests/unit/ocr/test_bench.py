import numpy as np
import pytest

from services.ocr.bench import Timing, table, timing
from services.ocr.bench_frames import letterbox, parse_size


def test_sizes_are_width_by_height():
    assert parse_size("1280x720") == (1280, 720)
    assert parse_size("640X480") == (640, 480)


@pytest.mark.parametrize("text", ["1280", "0x720", "wide", "1280x720x3"])
def test_anything_else_is_no_size(text):
    with pytest.raises(ValueError):
        parse_size(text)


def test_letterboxing_keeps_the_aspect_ratio_and_centres_the_image():
    tall = np.full((400, 200, 3), 255, np.uint8)
    framed = letterbox(tall, 1280, 720)
    assert framed.shape == (720, 1280, 3)
    columns = np.flatnonzero(framed[360, :, 0])
    assert (columns[0], columns[-1]) == (460, 819)  # 360 wide, centred
    assert framed[:, :460].max() == 0 and framed[0, 640, 0] == 255
    wide = letterbox(np.full((100, 400, 3), 255, np.uint8), 1280, 720)
    rows = np.flatnonzero(wide[:, 640, 0])
    assert (rows[0], rows[-1]) == (200, 519)  # 1280x320, centred


def test_timing_gives_throughput_median_p95_and_exact_reads_of_labelled_frames():
    latencies = [0.1] * 18 + [0.5, 1.0]
    found = [{"ABC123"}] * 10 + [set()] * 10
    truths = ["ABC123"] * 5 + [None] * 5 + ["XYZ9"] * 10
    t = timing(latencies, total_s=4.0, found=found, truths=truths)
    assert t.frames_per_s == 5.0
    assert t.median_ms == pytest.approx(100.0)
    assert 500 <= t.p95_ms <= 1000
    assert (t.exact, t.labelled) == (5, 15)


def test_the_table_puts_both_readers_side_by_side_with_the_ratio():
    lines = table([("ours", Timing(30.0, 40.0, 50.0, 9, 10)), ("theirs", Timing(10.0, 90.0, 120.0, 8, 10))])
    assert lines[1].split() == ["ours", "30.00", "40.0", "50.0", "9/10"]
    assert lines[2].split()[-1] == "8/10"
    assert lines[-1] == "throughput ratio (batch path / RapidOCR): 3.00x"

