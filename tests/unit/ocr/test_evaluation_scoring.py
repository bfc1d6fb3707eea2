from dataclasses import replace

import pytest

from services.ocr.evaluation.labels import Label, LabelError, parse_crop_line, parse_scene_file, parse_scene_line
from services.ocr.evaluation.report import as_dict, as_text
from services.ocr.evaluation.scoring import failure_kind, fold_o_zero, outcome, score, tally_by_state, unlabelled_plates
from services.ocr.geometry import iou


def test_the_two_label_formats_parse_into_one_label_type():
    assert parse_crop_line("al1156.png,al,6A5730A") == Label("al1156.png", "6A5730A", state="AL", crop=True)
    assert parse_scene_line("eu1.jpg\t396\t340\t203\t46\tM5XSX\n") == Label("eu1.jpg", "M5XSX", box=(396, 340, 203, 46))


def test_an_empty_scene_file_labels_the_image_beside_it_as_having_no_plate():
    files = {"street.txt", "street.png", "street.txt.jpg", "eu1.txt", "eu1.jpg"}
    assert parse_scene_file("street.txt", " \n\n", files) == [Label("street.png", "")]
    assert not Label("street.png", "").has_plate and Label("eu1.jpg", "M5XSX").has_plate
    assert parse_scene_file("eu1.txt", "\neu1.jpg\t396\t340\t203\t46\tM5XSX\n", files) == [
        Label("eu1.jpg", "M5XSX", box=(396, 340, 203, 46))]
    assert parse_scene_file("both.txt", "", {"both.png", "both.jpg"}) == [Label("both.jpg", "")]


def test_an_empty_scene_file_without_its_image_is_an_error_naming_it():
    with pytest.raises(LabelError, match=r"^night\.txt is empty .* no night\.jpg, \.jpeg or \.png"):
        parse_scene_file("night.txt", "", {"night.txt", "night.gif", "nights.jpg"})


def test_iou_of_identical_disjoint_and_half_overlapping_boxes():
    assert iou((10, 10, 100, 40), (10, 10, 100, 40)) == 1.0
    assert iou((0, 0, 10, 10), (20, 20, 10, 10)) == 0.0
    assert iou((0, 0, 10, 10), (5, 0, 10, 10)) == pytest.approx(50 / 150)
    assert iou((0, 0, 0, 0), (0, 0, 0, 0)) == 0.0


def test_folding_makes_the_letter_o_and_the_digit_zero_one_character():
    assert fold_o_zero("O0OB") == "000B"
    read_zero_for_o = outcome(Label("a.png", "BOB12"), [("B0B12", (0, 0, 1, 1))])
    assert not read_zero_for_o.exact and read_zero_for_o.folded


def test_a_crop_is_read_as_its_first_plate():
    label = Label("a.png", "ABC123", state="CA")
    assert outcome(label, [("ABC123", (0, 0, 5, 5)), ("XYZ", (9, 9, 5, 5))]).read == "ABC123"
    assert outcome(label, []).read == "" and outcome(label, []).detected is None


def test_a_crops_plate_is_detected_when_its_box_covers_the_crop():
    label = Label("a.png", "ABC123", state="CA", crop=True)
    whole = (0, 0, 320, 160)
    assert outcome(label, [("ABC123", (10, 20, 300, 120)), ("CALIFORNIA", (40, 0, 240, 20))], whole).detected
    assert not outcome(label, [("ABC123", (60, 50, 200, 60))], whole).detected  # the characters' box only
    assert outcome(label, [], whole).detected is False


def test_a_scene_is_read_as_the_plate_overlapping_the_labelled_box_most():
    label = Label("s.jpg", "M5XSX", box=(100, 100, 100, 40))
    plates = [("TOYOTA", (0, 0, 50, 20)), ("M5XSX", (110, 105, 90, 30))]
    assert outcome(label, plates).read == "M5XSX" and outcome(label, plates).detected
    barely = outcome(label, [("M5XSX", (180, 100, 100, 40))])
    assert barely.read == "M5XSX" and barely.detected is False  # overlaps, but IoU < 0.5
    assert outcome(label, [("TOYOTA", (0, 0, 50, 20))]).read == ""


def test_a_scene_is_read_exactly_first_only_where_its_plate_is_the_first_reported():
    label = Label("s.jpg", "M5XSX", box=(100, 100, 100, 40))
    second = outcome(label, [("G1", (0, 0, 50, 20)), ("M5XSX", (110, 105, 90, 30))])
    assert second.exact and not second.exact_first
    assert outcome(label, [("M5XSX", (110, 105, 90, 30)), ("G1", (0, 0, 50, 20))]).exact_first
    assert not outcome(label, []).exact_first
    crop = Label("a.png", "ABC123", state="CA", crop=True)
    assert outcome(crop, [("ABC123", (0, 0, 5, 5))], (0, 0, 5, 5)).exact_first
    assert score([second]).exact_first == 0 and score([second]).exact == 1


def test_accuracy_by_state_counts_exact_reads_of_each_state():
    outcomes = [outcome(Label(f"{s}.png", t, state=s), [(r, (0, 0, 1, 1))])
                for s, t, r in [("CA", "A1", "A1"), ("CA", "B2", "B3"), ("NY", "C3", "C3"), ("NY", "D4", "D4")]]
    outcomes.append(outcome(Label("x.png", "E5"), []))
    assert tally_by_state(outcomes) == {"CA": (1, 2), "NY": (2, 2)}


def test_scores_and_their_report():
    outcomes = [outcome(Label("a.jpg", "AB10", box=(0, 0, 10, 10)), [("AB10", (0, 0, 10, 10))]),
                outcome(Label("b.jpg", "CD20", box=(0, 0, 10, 10)), [("CDZO", (1, 1, 10, 10))]),
                outcome(Label("c.jpg", "EF30", box=(0, 0, 10, 10)), [])]
    scores = score(outcomes)
    assert (scores.images, scores.exact, scores.folded, scores.boxes, scores.detected) == (3, 1, 1, 3, 2)
    assert scores.exact_first == 1
    assert [o.label.file for o in scores.misreads] == ["b.jpg", "c.jpg"]
    report = as_dict("f", "v1", scores)
    assert report["exact_accuracy"] == pytest.approx(0.3333) and report["detection_recall"] == pytest.approx(0.6667)
    assert report["exact_first_accuracy"] == pytest.approx(0.3333)
    assert report["misreads"][1] == {"file": "c.jpg", "truth": "EF30", "read": "", "detected": False,
                                     "kind": "nothing read"}
    assert report["failures"] == {"characters confused": 1, "nothing read": 1}
    text = "\n".join(as_text("f", "v1", scores))
    assert "exact match (O and 0 distinct):   1/3 (33.3%)" in text and "detection recall (IoU >= 0.5):    2/3" in text
    assert "exact, the first plate reported:  1/3 (33.3%)" in text


def no_plate_mix() -> list:
    """Two plates (one misread) and three images with no plate, on two of which a plate was reported."""
    return [outcome(Label("a.jpg", "AB10", box=(0, 0, 10, 10)), [("AB10", (0, 0, 10, 10))]),
            outcome(Label("b.png", "CD20", state="CA"), [("CD2", (0, 0, 10, 10))]),
            outcome(Label("street.jpg", ""), []),
            outcome(Label("clock.png", ""), [("20261122", (0, 0, 90, 10)), ("AB10", (0, 20, 40, 10))]),
            outcome(Label("van.jpg", ""), [("KX72PLM", (5, 5, 40, 10))])]


def test_images_with_no_plate_count_only_as_no_plate_images_and_false_plates():
    scores = score(no_plate_mix())
    assert (scores.images, scores.exact, scores.folded, scores.boxes, scores.detected) == (2, 1, 1, 1, 1)
    assert [o.label.file for o in scores.misreads] == ["b.png"]
    assert scores.failures == {"characters dropped": 1} and scores.by_state == {"CA": (0, 1)}
    assert scores.no_plate_images == 3
    assert [(o.label.file, o.read) for o in scores.false_plates] == [("clock.png", "20261122"), ("van.jpg", "KX72PLM")]


def test_scores_without_no_plate_images_have_none_and_no_false_plates():
    scores = score(no_plate_mix()[:2])
    assert (scores.images, scores.no_plate_images, scores.false_plates) == (2, 0, [])


def test_the_report_gives_no_plate_images_and_each_false_plate():
    report = as_dict("f", "v1", score(no_plate_mix()))
    assert {"folder", "model_version", "images", "exact", "exact_accuracy", "o0_folded", "o0_folded_accuracy",
            "labelled_boxes", "detected", "detection_recall", "min_iou", "by_state", "failures",
            "misreads"} < set(report)
    assert (report["images"], report["exact_accuracy"]) == (2, 0.5)
    assert (report["no_plate_images"], report["false_plates"]) == (3, 2)
    assert report["false_plate_reads"] == [{"file": "clock.png", "read": "20261122"},
                                           {"file": "van.jpg", "read": "KX72PLM"}]
    lines = as_text("f", "v1", score(no_plate_mix()))
    assert "no plate reported on no-plate images: 1/3 (33.3%)" in lines
    assert "exact match (O and 0 distinct):   1/2 (50.0%)" in lines
    false_plates = lines.index("false plates (2): file, read")
    assert [line.split() for line in lines[false_plates + 1: false_plates + 3]] == [["clock.png", "20261122"],
                                                                                  ["van.jpg", "KX72PLM"]]
    assert lines[false_plates + 3:] == ["", "plates where none is labelled, on images with a plate (0): file, read"]


def test_the_report_says_n_a_when_no_image_is_labelled_as_having_no_plate():
    lines = as_text("f", "v1", score(no_plate_mix()[:2]))
    assert "no plate reported on no-plate images: n/a" in lines and not any("false plates" in line for line in lines)
    assert as_dict("f", "v1", score(no_plate_mix()[:2]))["false_plate_reads"] == []


def test_plates_overlapping_no_labelled_plate_of_a_scene_are_unlabelled():
    labels = [Label("s.jpg", "M5XSX", box=(100, 100, 100, 40)), Label("s.jpg", "KX72PLM", box=(400, 100, 100, 40))]
    plates = [("M5XSX", (110, 105, 90, 30)), ("EXIT79B", (0, 0, 60, 20)), ("KX72", (380, 90, 40, 30)),
              ("2011", (600, 300, 30, 10))]
    assert unlabelled_plates(labels, plates) == ("EXIT79B", "2011")  # KX72 overlaps the second plate
    assert unlabelled_plates([Label("a.png", "ABC123", state="CA", crop=True)], plates) == ()  # a crop
    assert unlabelled_plates([Label("street.jpg", "")], plates) == ()  # no plate: its plates are false plates


def test_the_report_lists_the_unlabelled_plates_once_per_image():
    first = outcome(Label("s.jpg", "M5XSX", box=(100, 100, 100, 40)), [("M5XSX", (110, 105, 90, 30))])
    outcomes = [replace(first, unlabelled=("EXIT79B", "2011")),
                outcome(Label("s.jpg", "KX72PLM", box=(400, 100, 100, 40)), [])]
    scores = score(outcomes)
    assert scores.unlabelled_plates == [("s.jpg", "EXIT79B"), ("s.jpg", "2011")]
    assert as_dict("f", "v1", scores)["unlabelled_plates"] == 2
    lines = as_text("f", "v1", scores)
    assert "plates where none is labelled, on images with a plate: 2" in lines
    listed = lines.index("plates where none is labelled, on images with a plate (2): file, read")
    assert [line.split() for line in lines[listed + 1:]] == [["s.jpg", "EXIT79B"], ["s.jpg", "2011"]]
    assert not any("none is labelled" in line for line in as_text("f", "v1", score(no_plate_mix()[1:])))


@pytest.mark.parametrize("read, kind", [("", "nothing read"), ("6A573OA", "O/0 only"), ("2002", "other text read"),
                                        ("6A573A", "characters dropped"), ("6A57300A", "characters added"),
                                        ("6A573DA", "characters confused")])
def test_each_misread_gets_the_kind_of_failure_it_shows(read, kind):
    assert failure_kind(outcome(Label("al.png", "6A5730A"), [(read, (0, 0, 1, 1))] if read else [])) == kind
