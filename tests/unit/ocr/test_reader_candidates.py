"""The reader's plain steps, without its models: which texts of a frame are plate candidates, which
are reported, and which of two readings of a plate is kept."""
import numpy as np
import pytest

from services.ocr.ctc import Decoded
from services.ocr.db_postprocess import Region
from services.ocr.reader import (PlateResult, candidates_of_frame, more_confident_plates, plates_of_frame, reported,
                                 worth_reading)


def plate(text: str, confidence: float, box: tuple[int, int, int, int]) -> PlateResult:
    return PlateResult(text, confidence, [confidence] * len(text), box)


def test_of_a_plate_read_at_two_scales_the_more_confident_reading_is_kept_in_the_first_box():
    first = [plate("ADK80", 0.6, (10, 10, 200, 60)), plate("2015", 0.9, (250, 5, 40, 20))]
    second = [plate("ADT80S", 0.8, (12, 11, 210, 58)), plate("NEWCAR", 0.7, (10, 100, 200, 40))]
    assert more_confident_plates(first, second) == [plate("2015", 0.9, (250, 5, 40, 20)),
                                                    plate("ADT80S", 0.8, (10, 10, 200, 60)),
                                                    plate("NEWCAR", 0.7, (10, 100, 200, 40))]
    assert more_confident_plates(second[:1], first[:1]) == second[:1]  # the less confident gives way
    assert more_confident_plates([], second) == sorted(second, key=lambda p: -p.confidence)


def test_a_more_confident_reading_whose_box_cut_off_surely_read_characters_gives_way():
    first = PlateResult("96381A", 0.93, [0.99, 0.99, 0.99, 1.0, 1.0, 0.96], (16, 37, 287, 99))  # Illinois' "96381 A"
    second = plate("96381", 0.97, (25, 45, 212, 84))  # its box ends left of the "A"
    assert more_confident_plates([first], [second]) == [first]
    assert more_confident_plates([first], [plate("96381", 0.97, (16, 37, 290, 99))]) == [plate("96381", 0.97, first.box)]


def test_an_images_plates_are_reported_largest_first_however_surely_the_smaller_is_read():
    image = np.full((720, 1280, 3), 128, np.uint8)  # a wall: no plate's background ends about a text on it
    sign, near = plate("19208", 0.99, (558, 213, 120, 30)), plate("WRW935", 0.94, (443, 600, 300, 40))
    far = plate("PJ05897", 0.97, (2, 311, 100, 30))
    assert [p.text for p in reported(image, [sign, far, near])] == ["WRW935", "19208", "PJ05897"]
    assert [p.box for p in reported(image, [near])] == [(437, 594, 312, 52)]  # the border of plate_layout.plate_box


def test_a_short_registration_is_reported_in_a_box_as_wide_as_its_plate():
    image = np.full((720, 1280, 3), 128, np.uint8)
    (short,) = reported(image, [plate("76843", 0.99, (500, 300, 80, 40))])
    assert short.box == (474, 294, 132, 52)  # 120 px about the characters' middle, and the border


def spread(text: str, confidence: float = 0.9) -> Decoded:
    """A region's text with its characters evenly spaced across the region."""
    return Decoded(text, [confidence] * len(text), [(k + 0.5) / len(text) for k in range(len(text))])


def test_a_line_whose_parts_together_are_no_plate_is_read_part_by_part():
    parts = [(spread("ABC1234"), (100, 50, 200, 40)), (spread("56"), (320, 50, 50, 40))]
    assert [(p.text, box) for p, box in candidates_of_frame(parts)] == [("ABC1234", (100, 50, 200, 40)),
                                                                       ("56", (320, 50, 50, 40))]


def test_a_line_read_in_parts_is_one_candidate_covering_them_all():
    parts = [(spread("512", 0.8), (220, 52, 70, 38)), (spread("PKX"), (100, 50, 90, 40))]
    ((plate, box),) = candidates_of_frame(parts)
    assert plate.text == "PKX512"
    assert plate.char_confidences == [0.9, 0.9, 0.9, 0.8, 0.8, 0.8]
    assert box == (100, 50, 190, 40)


def test_a_group_of_two_characters_joins_its_line_but_is_no_plate_alone():
    letters, digits = (spread("DP"), (10, 20, 40, 42)), (spread("7160"), (80, 19, 80, 48))
    assert [p.text for p, _ in candidates_of_frame([letters, digits])] == ["DP7160"]
    assert candidates_of_frame([letters]) == []  # narrower than high: not a plate by itself


def test_the_lines_of_a_sign_are_no_plates_but_a_registration_under_its_state_name_is():
    estamos, abertos = (spread("ESTAMOS"), (218, 0, 128, 30)), (spread("ABERTOS"), (220, 23, 129, 34))
    assert candidates_of_frame([estamos, abertos]) == []
    state, registration = (spread("TEXAS"), (220, 40, 130, 24)), (spread("BC5X489"), (200, 66, 180, 40))
    assert [p.text for p, _ in candidates_of_frame([state, registration])] == ["BC5X489"]  # a state name is no plate


def test_a_plate_under_a_grilles_rings_or_its_states_script_name_is_a_plate():
    rings, plate = (spread("oOSO"), (329, 189, 78, 33)), (spread("RK-715AA"), (308, 236, 125, 33))  # an Audi's
    assert "RK715AA" in [p.text for p, _ in candidates_of_frame([rings, plate])]  # the rings may be one too
    script, vanity = (spread("AUGCaliformia"), (23, 8, 1626, 430)), (spread("JAKEMRY"), (119, 356, 1722, 529))
    assert "JAKEMRY" in [p.text for p, _ in candidates_of_frame([script, vanity])]  # on a close-up


def test_a_sticker_on_a_plate_whose_registration_is_unreadable_is_not_reported():
    unsure_registration = (spread("HAL7C02", 0.8), (10, 46, 300, 84))  # 0.8 ** 7 is about 0.21
    sticker = (spread("2012", 0.99), (270, 5, 40, 18))
    candidates = candidates_of_frame([unsure_registration, sticker])
    assert sorted(p.text for p, _ in candidates) == ["2012", "HAL7C02"]
    assert plates_of_frame(candidates, min_confidence=0.5) == []


def test_unsure_texts_with_a_digit_are_kept_down_to_the_floor_for_a_closer_look():
    unsure_plate = (spread("HAL7C02", 0.85), (10, 40, 300, 80))  # 0.85 ** 7 = 0.32
    unsure_word = (spread("CITROEN", 0.85), (10, 300, 300, 80))
    too_unsure = (spread("K9WX38P", 0.75), (1000, 40, 300, 80))  # 0.13
    candidates = candidates_of_frame([unsure_plate, unsure_word, too_unsure])
    assert plates_of_frame(candidates, min_confidence=0.5) == []
    assert [p.text for p in plates_of_frame(candidates, min_confidence=0.5, unsure_floor=0.2)] == ["HAL7C02"]


def test_a_reported_plate_spells_its_round_glyph_by_its_layout():
    candidates = candidates_of_frame([(spread("5A0J23O", 0.99), (10, 40, 300, 80))])
    assert [p.text for p in plates_of_frame(candidates, min_confidence=0.5)] == ["5AOJ230"]


@pytest.mark.parametrize("width, height, worth", [(40, 42, True), (17, 52, False), (60, 6, False), (200, 60, True)])
def test_regions_down_to_two_characters_wide_are_read(width, height, worth):
    # a group of two ("DP" of "DP <flag> 7160") is about square; stacked letters are much taller than wide
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    assert worth_reading(Region(corners, 0.9)) is worth
