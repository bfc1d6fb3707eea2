import pytest

from services.ocr.ctc import Decoded
from services.ocr.line_text import join_line


def placed(text: str, positions: list[float], confidences: list[float] | None = None) -> Decoded:
    return Decoded(text, confidences or [0.9] * len(text), positions)


def test_a_character_in_the_overlap_of_two_regions_is_kept_once():
    # "DB 3043": the left region ends on the first "3", which the right region starts with
    left = (placed("DB=3", [0.14, 0.32, 0.6, 0.97], [0.99, 0.99, 0.87, 0.95]), (2, 18, 103, 57))
    right = (placed("3043", [0.19, 0.42, 0.6, 0.875], [1.0, 1.0, 1.0, 1.0]), (82, 19, 96, 52))
    joined = join_line([left, right])
    assert joined.text == "DB=3043"
    assert joined.char_confidences == [0.99, 0.99, 0.87, 1.0, 1.0, 1.0, 1.0]  # the surer "3"


def test_two_readings_of_one_place_keep_the_more_confident():
    left = (placed("H507", [0.1, 0.3, 0.5, 0.9], [0.98, 0.96, 0.9, 0.4]), (0, 0, 200, 100))
    right = (placed("2VU", [0.15, 0.5, 0.85], [0.95, 0.98, 0.94]), (170, 0, 120, 100))
    assert join_line([left, right]).text == "H502VU"  # "7" at 180 and "2" at 188 are one character


def test_neighbouring_characters_of_two_regions_are_both_kept():
    left = (placed("PKX", [0.17, 0.5, 0.83]), (100, 50, 90, 40))
    right = (placed("512", [0.17, 0.5, 0.83]), (200, 52, 70, 38))
    joined = join_line([left, right])
    assert joined.text == "PKX512"
    assert joined.char_positions == pytest.approx([(x - 100) / 170 for x in (115, 145, 175, 212, 235, 258)], abs=0.01)


def test_characters_of_one_region_are_never_merged():
    assert join_line([(placed("11", [0.5, 0.52]), (0, 0, 50, 40))]).text == "11"


def test_a_region_read_with_no_confidence_adds_no_characters():
    emblem = (placed("C", [0.5], [0.28]), (12, 31, 68, 91))
    digits = (placed("09144", [0.1, 0.3, 0.5, 0.7, 0.9], [1.0] * 5), (81, 27, 237, 106))
    assert join_line([emblem, digits]).text == "09144"
