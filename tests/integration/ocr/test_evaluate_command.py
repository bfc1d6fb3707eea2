"""`alpr ocr evaluate` with the real models: on rendered labelled folders, and on a few real photos."""
import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from click.testing import CliRunner

from services.ocr.cli import ocr
from services.ocr.synthetic import parked_car_scene

DATASETS = Path(__file__).resolve().parents[3].parent / "shared" / "datasets"
needs_datasets = pytest.mark.skipif(not (DATASETS / "us-plate-crops").is_dir(),
                                    reason=f"no real photos at {DATASETS} (a fresh clone has none)")


def evaluate(*args: str) -> dict:
    result = CliRunner().invoke(ocr, ["evaluate", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_rendered_crop_folder_scores_every_plate_with_its_state(tmp_path):
    rows = [("a.jpg", "ca", "ABC2345"), ("b.jpg", "ca", "7FDMS6"), ("c.jpg", "ny", "K9WX38P")]
    for i, (file, _, text) in enumerate(rows):
        cv2.imwrite(str(tmp_path / file), parked_car_scene(text, seed=i))
    (tmp_path / "groundtruth.csv").write_text("".join(f"{f},{s},{'X' + t[1:] if f == 'c.jpg' else t}\n"
                                                      for f, s, t in rows))
    report = evaluate(str(tmp_path))
    assert (report["images"], report["exact"], report["labelled_boxes"]) == (3, 2, 0)
    assert report["by_state"]["CA"] == {"exact": 2, "images": 2, "accuracy": 1.0}
    assert report["misreads"] == [{"file": "c.jpg", "truth": "X9WX38P", "read": "K9WX38P", "detected": None,
                                  "kind": "characters confused"}]


def test_a_rendered_scene_folder_is_scored_for_detection_against_the_labelled_box(tmp_path):
    frame = np.full((540, 960, 3), 110, np.uint8)
    cv2.rectangle(frame, (400, 300), (580, 376), (235, 235, 230), -1)
    cv2.putText(frame, "HT5582", (412, 352), cv2.FONT_HERSHEY_DUPLEX, 1.2, (20, 20, 20), 2, cv2.LINE_AA)
    (width, height), _ = cv2.getTextSize("HT5582", cv2.FONT_HERSHEY_DUPLEX, 1.2, 2)
    box = (412, 352 - height, width, height)  # the reader reports the box of the characters
    cv2.imwrite(str(tmp_path / "one.jpg"), frame)
    (tmp_path / "one.txt").write_text("one.jpg\t{}\t{}\t{}\t{}\tHT5582\n".format(*box))
    cv2.imwrite(str(tmp_path / "empty.jpg"), np.full((540, 960, 3), 110, np.uint8))
    (tmp_path / "empty.txt").write_text("empty.jpg\t10\t10\t100\t40\tZZ99\n")
    report = evaluate(str(tmp_path))
    assert (report["images"], report["exact"], report["labelled_boxes"], report["detected"]) == (2, 1, 2, 1)
    assert report["misreads"] == [{"file": "empty.jpg", "truth": "ZZ99", "read": "", "detected": False,
                                  "kind": "nothing read"}]


def test_a_folder_without_labels_is_refused(tmp_path):
    result = CliRunner().invoke(ocr, ["evaluate", str(tmp_path)])
    assert result.exit_code != 0 and "no labels" in result.output


@needs_datasets
@pytest.mark.parametrize("folder", ["us-plate-crops", "real-scenes/br"])
def test_a_handful_of_real_photos_are_scored(folder):
    report = evaluate(str(DATASETS / folder), "--limit", "4")
    assert report["images"] == 4
    assert 0 <= report["exact"] <= report["o0_folded"] <= 4
    assert len(report["misreads"]) == 4 - report["exact"]
    if folder == "us-plate-crops":
        assert sum(s["images"] for s in report["by_state"].values()) == 4
    else:
        assert report["labelled_boxes"] == 4 and report["detection_recall"] is not None


def test_bench_times_both_readers_on_the_same_rendered_frames():
    result = CliRunner().invoke(ocr, ["bench", "--frames", "2", "--batch", "2", "--size", "960x540"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "2 frames letterboxed to 960x540"
    ours, theirs = (line.split() for line in lines[2:4])
    assert ours[-1] == "2/2" and theirs[-1] == "2/2"  # both read the rendered plates
    assert float(ours[-4]) > 0 and float(theirs[-4]) > 0
    assert lines[-2].startswith("throughput ratio (batch path / RapidOCR): ")
    assert lines[-1].startswith("peak resident memory of this process") and int(lines[-1].split(": ")[1].split()[0]) > 0
