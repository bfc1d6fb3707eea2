import cv2
import numpy as np
import pytest

from services.ocr.panel import REACH, background_rows, background_spills, needs_a_panel
from services.ocr.reader import PlateResult, on_a_plate

SILVER, BLUE_PAINT, BLACK_PAINT = (185, 185, 180), (120, 60, 30), (25, 25, 25)  # BGR car paints
WHITE_PLATE, DARK_INK, CHROME = (228, 232, 235), (30, 30, 30), (235, 235, 235)
TEXT_HEIGHT = 30  # pixels


def frame_with_text(text: str, paint, ink, plate=None, frame_line=None, size=(720, 1280), at=(500, 300)):
    """A JPEG-compressed frame of one paint with `text` in `ink` at `at` (left, top of the text's box),
    on a plate of colour `plate` (a character height around it) edged by `frame_line` where given;
    and the text's box as the detector boxes it (a fifth of its height around the characters)."""
    image = np.full((*size, 3), paint, np.uint8)
    scale = TEXT_HEIGHT / cv2.getTextSize("H", cv2.FONT_HERSHEY_DUPLEX, 1.0, 2)[0][1]
    (w, h), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_DUPLEX, scale, 3)
    margin = round(0.2 * h)
    x, y = at
    box = (x - margin, y - margin, w + 2 * margin, h + 2 * margin)
    if plate is not None:
        corners = (x - h, y - h), (x + w + h, y + 2 * h)
        cv2.rectangle(image, *corners, plate, -1)
        if frame_line is not None:
            cv2.rectangle(image, *corners, frame_line, 3)
    cv2.putText(image, text, (x, y + h), cv2.FONT_HERSHEY_DUPLEX, scale, ink, 3, cv2.LINE_AA)
    image = cv2.imdecode(cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 80])[1], cv2.IMREAD_COLOR)
    return image, box


@pytest.mark.parametrize("paint, ink", [(SILVER, DARK_INK), (BLUE_PAINT, CHROME), (BLACK_PAINT, CHROME)])
def test_letters_on_a_cars_paint_have_a_background_that_spills_past_a_plates_edge(paint, ink):
    image, box = frame_with_text("TOURAN", paint, ink)
    assert background_spills(image, box)


@pytest.mark.parametrize("paint", [SILVER, BLUE_PAINT, BLACK_PAINT])
def test_letters_on_a_plate_have_a_background_that_ends_at_its_edge(paint):
    image, box = frame_with_text("SQUAW", paint, DARK_INK, plate=WHITE_PLATE)
    assert not background_spills(image, box)


def test_a_white_plate_on_a_white_car_ends_at_its_frame():
    image, box = frame_with_text("SQUAW", WHITE_PLATE, DARK_INK, plate=WHITE_PLATE, frame_line=DARK_INK)
    assert not background_spills(image, box)
    without_frame, box = frame_with_text("SQUAW", WHITE_PLATE, DARK_INK)
    assert background_spills(without_frame, box)


def test_a_side_where_the_window_meets_the_images_edge_says_nothing():
    """A tight crop: the plate's background fills the image; the same text in a wider view of the
    same paint spills."""
    image, box = frame_with_text("SQUAW", WHITE_PLATE, DARK_INK, size=(110, 230), at=(45, 38))
    assert box[0] - REACH * box[3] < 0 and box[0] + box[2] + REACH * box[3] > 230  # the window leaves the image
    assert not background_spills(image, box)
    wide, box = frame_with_text("SQUAW", WHITE_PLATE, DARK_INK, size=(720, 1280), at=(500, 300))
    assert background_spills(wide, box)


@pytest.mark.parametrize("text, needs", [("G0L", True), ("SQUAW", True), ("HB20", True), ("2011", True),
                                         ("G1", True), ("B3954", False), ("5NNY092", False), ("0JT898", False)])
def test_letters_only_and_short_texts_need_a_plates_background(text, needs):
    assert needs_a_panel(text) is needs


def test_only_a_plate_of_letters_or_a_short_one_is_asked_for_its_background():
    image, box = frame_with_text("GOL", SILVER, DARK_INK)
    assert not on_a_plate(image, PlateResult("G0L", 0.99, [0.99] * 3, box))  # a round glyph is no digit
    image, box = frame_with_text("HB20", SILVER, DARK_INK)
    assert not on_a_plate(image, PlateResult("HB20", 0.99, [0.99] * 4, box))
    image, box = frame_with_text("GOL 1234", SILVER, DARK_INK)
    assert on_a_plate(image, PlateResult("G0L1234", 0.99, [0.99] * 7, box))
    image, box = frame_with_text("SQUAW", SILVER, DARK_INK, plate=WHITE_PLATE)
    assert on_a_plate(image, PlateResult("SQUAW", 0.99, [0.99] * 5, box))


@pytest.mark.parametrize("box", [(0, 0, 40, 20), (30, 10, 10, 10), (10, 6, 20, 8)])
def test_a_box_at_the_corners_of_a_tiny_image_says_nothing_against_it(box):
    image = np.full((20, 40, 3), SILVER, np.uint8)
    assert not background_spills(image, box)  # no side of the window lies inside the image


def test_a_plates_rows_run_as_far_as_its_background_above_and_below_its_characters():
    # the plate of frame_with_text runs a character height above and below them, as a US plate's does
    image, box = frame_with_text("ABC123", SILVER, DARK_INK, plate=WHITE_PLATE, at=(500, 300))
    margin = 300 - box[1]
    height = box[3] - 2 * margin
    top, bottom = background_rows(image, box)
    assert abs(top - (300 - height)) <= 2 and abs(bottom - (300 + 2 * height)) <= 2


def test_a_plates_rows_run_past_a_state_name_covering_most_of_the_columns_above_its_characters():
    image, box = frame_with_text("ABC123", SILVER, DARK_INK, plate=WHITE_PLATE, at=(500, 300))
    margin = 300 - box[1]
    height = box[3] - 2 * margin
    state_name = box[0] + round(0.35 * box[2]), box[0] + box[2]  # ink over 65% of the text's columns
    image[300 - height: box[1] - 2, state_name[0]: state_name[1]] = DARK_INK
    top, bottom = background_rows(image, box)
    assert abs(top - (300 - height)) <= 2 and abs(bottom - (300 + 2 * height)) <= 2


@pytest.mark.parametrize("paint, ink", [(SILVER, DARK_INK), (BLUE_PAINT, CHROME)])
def test_text_on_a_cars_paint_has_only_its_own_rows(paint, ink):
    image, box = frame_with_text("ABC123", paint, ink)  # the paint runs on past the window
    assert background_rows(image, box) == (box[1], box[1] + box[3])
