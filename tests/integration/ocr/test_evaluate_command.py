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
        scene = parked_car_scene(text, seed=i)
        x, y, w, h = plate_of(scene)
        band = h // 5  # the rendered plate's plain margin above and below its characters, left out
        cv2.imwrite(str(tmp_path / file), scene[y + band: y + h - band, x: x + w])  # a tight crop of the plate
    (tmp_path / "groundtruth.csv").write_text("".join(f"{f},{s},{'X' + t[1:] if f == 'c.jpg' else t}\n"
                                                      for f, s, t in rows))
    report = evaluate(str(tmp_path))
    assert (report["images"], report["exact"], report["labelled_boxes"], report["detected"]) == (3, 2, 3, 3)
    assert report["by_state"]["CA"] == {"exact": 2, "images": 2, "accuracy": 1.0}
    assert report["misreads"] == [{"file": "c.jpg", "truth": "X9WX38P", "read": "K9WX38P", "detected": True,
                                  "kind": "characters confused"}]


def test_a_rendered_scene_folder_is_scored_for_detection_against_the_labelled_box(tmp_path):
    frame = np.full((540, 960, 3), 110, np.uint8)
    cv2.rectangle(frame, (400, 300), (580, 376), (235, 235, 230), -1)
    cv2.putText(frame, "HT5582", (412, 352), cv2.FONT_HERSHEY_DUPLEX, 1.2, (20, 20, 20), 2, cv2.LINE_AA)
    cv2.rectangle(frame, (640, 30), (900, 100), (60, 120, 20), -1)  # a road sign, far from the plate
    cv2.putText(frame, "EXIT 79B", (655, 82), cv2.FONT_HERSHEY_DUPLEX, 1.4, (255, 255, 255), 2, cv2.LINE_AA)
    box = (400, 300, 180, 76)  # the plate's, as a person labels it
    cv2.imwrite(str(tmp_path / "one.jpg"), frame)
    (tmp_path / "one.txt").write_text("one.jpg\t{}\t{}\t{}\t{}\tHT5582\n".format(*box))
    cv2.imwrite(str(tmp_path / "empty.jpg"), np.full((540, 960, 3), 110, np.uint8))
    (tmp_path / "empty.txt").write_text("empty.jpg\t10\t10\t100\t40\tZZ99\n")
    report = evaluate(str(tmp_path))
    assert (report["images"], report["exact"], report["labelled_boxes"], report["detected"]) == (2, 1, 2, 1)
    assert report["misreads"] == [{"file": "empty.jpg", "truth": "ZZ99", "read": "", "detected": False,
                                  "kind": "nothing read"}]
    assert report["unlabelled_plate_reads"] == [{"file": "one.jpg", "read": "EXIT79B"}]


def plate_of(frame: np.ndarray) -> tuple[int, int, int, int]:
    """Where parked_car_scene drew the plate: its fill colour is drawn after the noise, so it is exact."""
    return cv2.boundingRect(np.all(frame == (235, 235, 230), axis=2).astype(np.uint8))


def street(seed: int) -> np.ndarray:
    """An empty street as parked_car_scene paints it, without the car: sky, asphalt and a kerb."""
    frame = np.full((540, 960, 3), 90, np.uint8)
    frame[:180] = (150, 140, 120)
    cv2.line(frame, (0, 330), (960, 300), (170, 170, 170), 8)
    return np.clip(frame + np.random.default_rng(seed).normal(0, 6, frame.shape), 0, 255).astype(np.uint8)


def with_time_overlay(frame: np.ndarray) -> np.ndarray:
    """The date and time a camera burns into its frames: text with digits, but not a plate."""
    cv2.rectangle(frame, (10, 10), (400, 52), (0, 0, 0), -1)
    cv2.putText(frame, "2026-11-22 14:03:27", (16, 42), cv2.FONT_HERSHEY_SIMPLEX, 0.9, (255, 255, 255), 2, cv2.LINE_AA)
    return frame


def test_images_labelled_as_having_no_plate_are_scored_for_false_plates(tmp_path):
    for i, text in enumerate(["ABC2345", "7FDMS6"]):
        frame = parked_car_scene(text, seed=i)
        cv2.imwrite(str(tmp_path / f"car{i}.jpg"), frame)
        (tmp_path / f"car{i}.txt").write_text("car{}.jpg\t{}\t{}\t{}\t{}\t{}\n".format(i, *plate_of(frame), text))
    cv2.imwrite(str(tmp_path / "street.jpg"), street(seed=1))
    cv2.imwrite(str(tmp_path / "clock.png"), with_time_overlay(street(seed=2)))
    cv2.imwrite(str(tmp_path / "van.jpeg"), parked_car_scene("KX72PLM", seed=5))  # labelled wrongly: has a plate
    cv2.imwrite(str(tmp_path / "unlabelled.jpg"), parked_car_scene("ZZ2222", seed=6))
    for name in ("street", "clock", "van"):
        (tmp_path / f"{name}.txt").write_text("" if name != "clock" else "\n")
    report = evaluate(str(tmp_path))
    assert (report["images"], report["exact"], report["labelled_boxes"], report["detected"]) == (2, 2, 2, 2)
    assert report["misreads"] == []
    assert (report["no_plate_images"], report["false_plates"]) == (3, 1)
    assert report["false_plate_reads"] == [{"file": "van.jpeg", "read": "KX72PLM"}]  # none on street or clock


def test_an_empty_label_without_its_image_is_refused(tmp_path):
    (tmp_path / "night.gif").write_bytes(b"GIF89a")
    (tmp_path / "night.txt").write_text("")
    result = CliRunner().invoke(ocr, ["evaluate", str(tmp_path)])
    assert result.exit_code == 1 and "Error: night.txt is empty" in result.output


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


def test_bench_times_the_readers_on_the_same_rendered_frames():
    result = CliRunner().invoke(ocr, ["bench", "--frames", "2", "--batch", "2", "--size", "960x540"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "2 frames letterboxed to 960x540"
    ours, theirs = (line.split() for line in lines[2:4])
    assert ours[-1] == "2/2" and theirs[-1] == "2/2"  # both read the rendered plates
    assert float(ours[-4]) > 0 and float(theirs[-4]) > 0
    no_second_reading, no_closer_look = lines[4].split(), lines[5].split()
    assert no_second_reading[:4] == ["PlateReader,", "no", "second", "reading"] and no_second_reading[-1] == "2/2"
    assert no_closer_look[:4] == ["PlateReader,", "no", "closer", "look"] and no_closer_look[-1] == "2/2"
    assert lines[-2].startswith("throughput ratio (batch path / RapidOCR): ")
    assert lines[-1].startswith("peak resident memory of this process") and int(lines[-1].split(": ")[1].split()[0]) > 0


def labelled_scenes(folder: Path) -> Path:
    folder.mkdir()
    for i, text in enumerate(["ABC2345", "7FDMS6", "K9WX38P", "HZM836"]):
        frame = parked_car_scene(text, seed=i)
        cv2.imwrite(str(folder / f"car{i}.jpg"), frame)
        (folder / f"car{i}.txt").write_text("car{}.jpg\t{}\t{}\t{}\t{}\t{}\n".format(i, *plate_of(frame), text))
    return folder


def test_scenes_laid_out_in_a_wide_frame_are_scored_against_their_moved_labels(tmp_path):
    scenes = labelled_scenes(tmp_path / "scenes")
    result = CliRunner().invoke(ocr, ["mosaic", str(scenes), "--out", str(tmp_path / "wide"), "--grid", "2",
                                      "--size", "1920x1080"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "wide").iterdir()) == ["mosaic000.jpg", "mosaic000.txt"]
    report = evaluate(str(tmp_path / "wide"))
    assert (report["images"], report["exact"], report["detected"]) == (4, 4, 4)


def test_scenes_with_their_plates_hidden_are_scored_for_false_plates(tmp_path):
    scenes = labelled_scenes(tmp_path / "scenes")
    result = CliRunner().invoke(ocr, ["mosaic", str(scenes), "--out", str(tmp_path / "hidden"), "--grid", "1",
                                      "--size", "960x540", "--hide-plates"])
    assert result.exit_code == 0, result.output
    assert all((tmp_path / "hidden" / f"mosaic{k:03d}.txt").read_text() == "" for k in range(4))
    report = evaluate(str(tmp_path / "hidden"))
    assert (report["images"], report["no_plate_images"], report["false_plates"]) == (0, 4, 0)


def test_a_mosaic_of_plate_crops_or_of_a_bad_size_is_refused(tmp_path):
    (tmp_path / "groundtruth.csv").write_text("a.jpg,ca,ABC123\n")
    crops = CliRunner().invoke(ocr, ["mosaic", str(tmp_path), "--out", str(tmp_path / "out")])
    assert crops.exit_code == 1 and "holds plate crops" in crops.output
    size = CliRunner().invoke(ocr, ["mosaic", str(tmp_path), "--out", str(tmp_path / "out"), "--size", "wide"])
    assert size.exit_code == 2 and "'wide' is not WIDTHxHEIGHT" in size.output
    assert not (tmp_path / "out").exists()


def test_a_mosaic_of_no_scenes_or_of_an_unreadable_image_is_refused(tmp_path):
    empty = CliRunner().invoke(ocr, ["mosaic", str(tmp_path), "--out", str(tmp_path / "out")])
    assert empty.exit_code == 1 and "no labelled scenes" in empty.output
    (tmp_path / "car.jpg").write_bytes(b"not a jpeg")
    (tmp_path / "car.txt").write_text("car.jpg\t1\t2\t30\t10\tABC123\n")
    broken = CliRunner().invoke(ocr, ["mosaic", str(tmp_path), "--out", str(tmp_path / "out")])
    assert broken.exit_code == 1 and "1 labelled image(s) cannot be read" in broken.output
    assert not (tmp_path / "out").exists()


def rendered_crops(folder: Path, texts: list[str]) -> Path:
    """Tight crops of rendered plates, labelled in a groundtruth.csv."""
    folder.mkdir()
    for i, text in enumerate(texts):
        scene = parked_car_scene(text, seed=10 + i)
        x, y, w, h = plate_of(scene)
        cv2.imwrite(str(folder / f"p{i}.png"), scene[y: y + h, x: x + w])
    (folder / "groundtruth.csv").write_text("".join(f"p{i}.png,ca,{t}\n" for i, t in enumerate(texts)))
    return folder


def test_plate_crops_pasted_into_scenes_are_scored_where_they_were_pasted(tmp_path):
    crops = rendered_crops(tmp_path / "crops", ["KTR4827", "7XVT25", "BKR4729"])
    scenes = labelled_scenes(tmp_path / "scenes")
    result = CliRunner().invoke(ocr, ["paste", str(crops), "--scenes", str(scenes), "400",
                                      "--out", str(tmp_path / "pasted")])
    assert result.exit_code == 0, result.output
    labels = sorted((tmp_path / "pasted").glob("*.txt"))
    assert [label.read_text().split("\t")[5].strip() for label in labels] == ["KTR4827", "7XVT25", "BKR4729"]
    report = evaluate(str(tmp_path / "pasted"))
    assert (report["images"], report["exact"], report["detected"]) == (3, 3, 3)


def test_pasting_needs_plate_crops_and_scenes_with_a_plate(tmp_path):
    scenes = labelled_scenes(tmp_path / "scenes")
    no_crops = CliRunner().invoke(ocr, ["paste", str(scenes), "--scenes", str(scenes), "520", "--out", str(tmp_path / "out")])
    assert no_crops.exit_code == 1 and "no plate crops (groundtruth.csv)" in no_crops.output
    crops = rendered_crops(tmp_path / "crops", ["KTR4827"])
    not_scenes = CliRunner().invoke(ocr, ["paste", str(crops), "--scenes", str(crops), "520", "--out", str(tmp_path / "out")])
    assert not_scenes.exit_code == 1 and "holds plate crops" in not_scenes.output
    no_width = CliRunner().invoke(ocr, ["paste", str(crops), "--scenes", str(scenes), "--out", str(tmp_path / "out")])
    assert no_width.exit_code == 2
    (crops / "p0.png").write_bytes(b"not a png")
    broken = CliRunner().invoke(ocr, ["paste", str(crops), "--scenes", str(scenes), "400", "--out", str(tmp_path / "out")])
    assert broken.exit_code == 1 and "1 labelled image(s) cannot be read" in broken.output
    assert not (tmp_path / "out").exists()


@needs_datasets
def test_real_plates_with_a_symbol_the_first_model_reads_as_a_character_are_read_without_it(tmp_path):
    # Minnesota's wheelchair before "2678" (read "52678" by the first model alone) and Georgia's
    # peach between "ASN" and "1074" ("ASN01074"): the second model's reading without them is kept
    crops = DATASETS / "us-plate-crops"
    rows = [("mn1618.png", "mn", "2678"), ("ga16.png", "ga", "ASN1074")]
    for file, _, _ in rows:
        (tmp_path / file).write_bytes((crops / file).read_bytes())
    (tmp_path / "groundtruth.csv").write_text("".join(f"{f},{s},{t}\n" for f, s, t in rows))
    report = evaluate(str(tmp_path))
    assert (report["images"], report["exact"]) == (2, 2), report["misreads"]
