import cv2
import numpy as np
import pytest

from services.ocr.ctc import Decoded
from services.ocr.stacked import blobs_of, ink_of, is_stacked_pair, without_stacked_pairs

FONT = cv2.FONT_HERSHEY_SIMPLEX
HEIGHT, STEP = 64, 36  # the crop's height; pixels between character centres


def ink_blobs(crop: np.ndarray) -> list:
    """The connected pieces of ink of a text crop, as without_stacked_pairs finds them."""
    return blobs_of(ink_of(crop))


def put(crop: np.ndarray, char: str, centre_x: int, top: int, height: int, ink) -> None:
    scale = cv2.getFontScaleFromHeight(FONT, height, 3)
    (w, h), _ = cv2.getTextSize(char, FONT, scale, 3)
    cv2.putText(crop, char, (centre_x - w // 2, top + h), FONT, scale, ink, 3, cv2.LINE_AA)


def text_crop(chars: str, stacked: dict[int, str] | None = None, plate=(235, 235, 230),
              ink=(40, 30, 150)) -> tuple[np.ndarray, Decoded]:
    """A registration's text region as the reader crops it: characters about 42 of 64 px tall, STEP
    apart, and at the indexes in `stacked` two small characters one above the other instead;
    JPEG-compressed like a camera frame."""
    stacked = stacked or {}
    crop = np.full((HEIGHT, STEP * (len(chars) + 1), 3), plate, np.uint8)
    for k, char in enumerate(chars):
        centre = STEP * (k + 1)
        if k in stacked:
            put(crop, stacked[k][0], centre, 10, 22, ink)
            put(crop, stacked[k][1], centre, 36, 22, ink)
        else:
            put(crop, char, centre, 10, 54, ink)
    crop = cv2.imdecode(cv2.imencode(".jpg", crop, [cv2.IMWRITE_JPEG_QUALITY, 75])[1], cv2.IMREAD_COLOR)
    positions = [STEP * (k + 1) / crop.shape[1] for k in range(len(chars))]
    return crop, Decoded(chars, [0.9] * len(chars), positions)


def test_a_stacked_pair_before_the_registration_is_dropped():
    crop, decoded = text_crop("R72LY", stacked={0: "RT"})
    assert without_stacked_pairs(crop, decoded) == Decoded("72LY", [0.9] * 4, decoded.char_positions[1:])


def test_a_stacked_pair_after_the_registration_is_dropped_on_a_dark_plate_too():
    crop, decoded = text_crop("7364H", stacked={4: "HC"}, plate=(90, 40, 20), ink=(235, 235, 235))
    assert without_stacked_pairs(crop, decoded).text == "7364"


def test_a_stacked_pair_touching_print_above_the_registration_is_dropped():
    # at a plate's size in a street scene the upper letter runs into the state's name above it
    # (Wyoming's "A/N" under its "g"): only the registration's rows are looked at
    crop, decoded = text_crop("3555H", stacked={4: "AN"})
    centre = STEP * 5
    cv2.rectangle(crop, (centre - 8, 0), (centre + 8, 16), (40, 30, 150), -1)
    assert not is_stacked_pair(ink_blobs(crop), centre, 40)  # one piece of ink, as tall as a character
    assert without_stacked_pairs(crop, decoded).text == "3555"


@pytest.mark.parametrize("registration", ["B83388", "S8E3B5", "ZZ2Z5Z", "MN3934"])
def test_characters_of_the_registrations_height_are_never_a_stacked_pair(registration):
    # an 8, a 3, a B or an E has bars one above the other, but is one piece of ink, and tall
    crop, decoded = text_crop(registration)
    assert without_stacked_pairs(crop, decoded) == decoded


def test_a_stacked_pair_inside_the_text_is_not_dropped():
    crop, decoded = text_crop("72R4LY", stacked={2: "RT"})
    assert is_stacked_pair(ink_blobs(crop), 3 * STEP, 42)
    assert without_stacked_pairs(crop, decoded) == decoded


def test_a_text_too_short_to_keep_a_registration_keeps_its_pair():
    crop, decoded = text_crop("R72", stacked={0: "RT"})
    assert is_stacked_pair(ink_blobs(crop), STEP, 42)
    assert without_stacked_pairs(crop, decoded) == decoded


def test_one_small_character_alone_is_not_a_pair():
    crop, decoded = text_crop("R72LY", stacked={0: "RT"})
    cv2.rectangle(crop, (0, 33), (STEP + STEP // 2, HEIGHT), (235, 235, 230), -1)  # the lower one wiped out
    blobs = ink_blobs(crop)
    assert not is_stacked_pair(blobs, STEP, 42)
    assert without_stacked_pairs(crop, decoded) == decoded


def test_a_text_without_characters_of_one_height_is_left_alone():
    crop = np.full((HEIGHT, 200, 3), 235, np.uint8)
    decoded = Decoded("ABCD", [0.9] * 4, [0.2, 0.4, 0.6, 0.8])
    assert without_stacked_pairs(crop, decoded) == decoded


def test_a_character_cut_in_two_unequal_pieces_is_not_a_pair():
    # glare or a bar across the plate cuts the D: a piece of a quarter of its height above one of a
    # half (its foot lost), each shorter than a stacked character may be, and the recognizer puts
    # the D at its stem, where the two pieces lie one above the other
    crop, decoded = text_crop("DZ1555")
    left, top, _, height = next(b for b in ink_blobs(crop) if b[0] < STEP)
    plate = (235, 235, 230)
    cv2.rectangle(crop, (0, top + height // 4), (STEP + STEP // 2, top + height // 4 + 3), plate, -1)
    cv2.rectangle(crop, (0, top + 4 * height // 5), (STEP + STEP // 2, HEIGHT), plate, -1)
    stem = left + 4
    pieces = sorted((b for b in ink_blobs(crop) if b[0] <= stem <= b[0] + b[2]), key=lambda b: b[1])
    assert len(pieces) == 2 and pieces[1][3] > 1.5 * pieces[0][3]
    at_the_stem = Decoded(decoded.text, decoded.char_confidences, [stem / crop.shape[1], *decoded.char_positions[1:]])
    assert without_stacked_pairs(crop, at_the_stem) == at_the_stem
