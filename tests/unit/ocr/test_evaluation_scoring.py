import pytest

from services.ocr.evaluation.labels import Label, parse_crop_line, parse_scene_line
from services.ocr.evaluation.report import as_dict, as_text
from services.ocr.evaluation.scoring import failure_kind, fold_o_zero, outcome, score, tally_by_state
from services.ocr.geometry import iou


def test_the_two_label_formats_parse_into_one_label_type():
    assert parse_crop_line("al1156.png,al,6A5730A") == Label("al1156.png", "6A5730A", state="AL")
    assert parse_scene_line("eu1.jpg\t396\t340\t203\t46\tM5XSX\n") == Label("eu1.jpg", "M5XSX", box=(396, 340, 203, 46))


def test_iou_of_identical_disjoint_and_half_overlapping_boxes():
    assert iou((10, 10, 100, 40), (10, 10, 100, 40)) == 1.0
    assert iou((0, 0, 10, 10), (20, 20, 10, 10)) == 0.0
    assert iou((0, 0, 10, 10), (5, 0, 10, 10)) == pytest.approx(50 / 150)
    assert iou((0, 0, 0, 0), (0, 0, 0, 0)) == 0.0


def test_folding_makes_the_letter_o_and_the_digit_zero_one_character():
    assert fold_o_zero("O0OB") == "000B"
    read_zero_for_o = outcome(Label("a.png", "BOB12"), [("B0B12", (0, 0, 1, 1))])
    assert not read_zero_for_o.exact and read_zero_for_o.folded


def test_a_crop_is_read_as_its_most_confident_plate():
    label = Label("a.png", "ABC123", state="CA")
    assert outcome(label, [("ABC123", (0, 0, 5, 5)), ("XYZ", (9, 9, 5, 5))]).read == "ABC123"
    assert outcome(label, []).read == "" and outcome(label, []).detected is None


def test_a_scene_is_read_as_the_plate_overlapping_the_labelled_box_most():
    label = Label("s.jpg", "M5XSX", box=(100, 100, 100, 40))
    plates = [("TOYOTA", (0, 0, 50, 20)), ("M5XSX", (110, 105, 90, 30))]
    assert outcome(label, plates).read == "M5XSX" and outcome(label, plates).detected
    barely = outcome(label, [("M5XSX", (180, 100, 100, 40))])
    assert barely.read == "M5XSX" and barely.detected is False  # overlaps, but IoU < 0.5
    assert outcome(label, [("TOYOTA", (0, 0, 50, 20))]).read == ""


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
    assert [o.label.file for o in scores.misreads] == ["b.jpg", "c.jpg"]
    report = as_dict("f", "v1", scores)
    assert report["exact_accuracy"] == pytest.approx(0.3333) and report["detection_recall"] == pytest.approx(0.6667)
    assert report["misreads"][1] == {"file": "c.jpg", "truth": "EF30", "read": "", "detected": False,
                                     "kind": "nothing read"}
    assert report["failures"] == {"characters confused": 1, "nothing read": 1}
    text = "\n".join(as_text("f", "v1", scores))
    assert "exact match (O and 0 distinct):   1/3 (33.3%)" in text and "detection recall (IoU >= 0.5):    2/3" in text


@pytest.mark.parametrize("read, kind", [("", "nothing read"), ("6A573OA", "O/0 only"), ("2002", "other text read"),
                                        ("6A573A", "characters dropped"), ("6A57300A", "characters added"),
                                        ("6A573DA", "characters confused")])
def test_each_misread_gets_the_kind_of_failure_it_shows(read, kind):
    assert failure_kind(outcome(Label("al.png", "6A5730A"), [(read, (0, 0, 1, 1))] if read else [])) == kind
