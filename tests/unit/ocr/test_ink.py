import cv2
import numpy as np
import pytest

from services.ocr.ctc import Decoded
from services.ocr.ink import ARTWORK_CHROMA, artwork, char_inks, ink_side, of_its_hue, without_artwork

NAVY, BLACK, MAROON = (90, 30, 20), (25, 25, 25), (40, 30, 120)  # BGR inks of registrations
PEACH, CACTUS, TREE = (60, 140, 240), (60, 150, 40), (50, 120, 30)  # BGR colours of state artwork
WHITE_PLATE, DARK_PLATE, WHITE_INK, GOLD = (225, 232, 235), (80, 30, 20), (235, 235, 235), (40, 180, 220)
STEP, HEIGHT = 30, 50  # pixels between character centres; the crop's height


def text_crop(chars: str, ink, drawn: dict[int, tuple] | None = None, light_falloff: float = 0.0,
              plate=WHITE_PLATE, behind: dict[int, tuple] | None = None,
              inks: dict[int, tuple] | None = None) -> tuple[np.ndarray, Decoded]:
    """A text region as the reader crops it: a plate, characters STEP apart in `ink` (or in
    `inks[k]`), the characters at the indexes in `drawn` replaced by a blob of artwork in that
    colour, a scene in `behind[k]`'s colour printed behind character k; light falling off from left
    to right by `light_falloff`; JPEG-compressed like a camera frame."""
    width = STEP * (len(chars) + 1)
    crop = np.full((HEIGHT, width, 3), plate, np.uint8)
    for k, colour in (behind or {}).items():
        cv2.rectangle(crop, (STEP * (k + 1) - STEP // 2, 0), (STEP * (k + 1) + STEP // 2, HEIGHT), colour, -1)
    for k, char in enumerate(chars):
        centre = STEP * (k + 1)
        if drawn and k in drawn:
            cv2.ellipse(crop, (centre, HEIGHT // 2), (10, 15), 0, 0, 360, drawn[k], -1)
        else:
            (w, h), _ = cv2.getTextSize(char, cv2.FONT_HERSHEY_DUPLEX, 1.2, 3)
            cv2.putText(crop, char, (centre - w // 2, (HEIGHT + h) // 2), cv2.FONT_HERSHEY_DUPLEX, 1.2,
                        (inks or {}).get(k, ink), 3, cv2.LINE_AA)
    light = np.linspace(1.0, 1.0 - light_falloff, width, dtype=np.float32)[None, :, None]
    crop = np.clip(crop * light, 0, 255).astype(np.uint8)
    crop = cv2.imdecode(cv2.imencode(".jpg", crop, [cv2.IMWRITE_JPEG_QUALITY, 75])[1], cv2.IMREAD_COLOR)
    positions = [STEP * (k + 1) / width for k in range(len(chars))]
    return crop, Decoded(chars, [0.9 + k / 100 for k in range(len(chars))], positions)


def spread(crop: np.ndarray, decoded: Decoded) -> np.ndarray:
    """Each character's ink's distance from the text's (median) ink."""
    inks = char_inks(crop, decoded.char_positions)
    return np.linalg.norm(inks - np.median(inks, axis=0), axis=1)


@pytest.mark.parametrize("ink", [NAVY, BLACK, MAROON])
@pytest.mark.parametrize("light_falloff", [0.0, 0.5])
def test_a_registration_in_one_ink_has_no_artwork_even_in_uneven_light(ink, light_falloff):
    crop, decoded = text_crop("ABC1234", ink, light_falloff=light_falloff)
    assert spread(crop, decoded).max() < ARTWORK_CHROMA / 2
    assert artwork(crop, decoded) == [False] * 7
    assert without_artwork(crop, decoded) == decoded


@pytest.mark.parametrize("ink", [NAVY, BLACK, MAROON])
@pytest.mark.parametrize("colour", [PEACH, CACTUS, TREE])
def test_artwork_between_groups_is_in_another_ink(ink, colour):
    crop, decoded = text_crop("BVNC0669", ink, drawn={3: colour})
    assert spread(crop, decoded)[3] > 1.5 * ARTWORK_CHROMA
    assert artwork(crop, decoded) == [k == 3 for k in range(8)]


def test_artwork_on_a_dark_plate_is_in_another_ink_than_its_light_characters():
    crop, decoded = text_crop("ABC123", WHITE_INK, drawn={2: GOLD}, plate=DARK_PLATE)
    assert artwork(crop, decoded) == [k == 2 for k in range(6)]


def test_a_scene_printed_behind_a_character_does_not_make_it_artwork():
    crop, decoded = text_crop("TENKARA", NAVY, behind={6: PEACH, 5: CACTUS})
    assert spread(crop, decoded).max() < ARTWORK_CHROMA / 2
    assert not any(artwork(crop, decoded))


def test_characters_washed_grey_by_glare_are_not_artwork():
    grey = (150, 150, 150)
    crop, decoded = text_crop("NTGUILTY", NAVY, inks={5: grey, 6: grey, 7: grey})
    assert spread(crop, decoded)[5:].min() > ARTWORK_CHROMA  # far in colour, but less colourful
    assert not any(artwork(crop, decoded))


def test_a_character_printed_more_saturated_in_its_texts_own_hue_is_not_artwork():
    # Wisconsin's red "FGY·127": one character's red is more vivid than the rest's, far from it in
    # a*b* and more colourful, as artwork would be, but of the same hue
    faded_red, vivid_red = (70, 60, 150), (20, 10, 220)
    crop, decoded = text_crop("FGY127", faded_red, inks={2: vivid_red})
    assert spread(crop, decoded)[2] > 1.5 * ARTWORK_CHROMA
    assert artwork(crop, decoded) == [False] * 6


def test_a_registrations_hue_is_shared_by_its_own_ink_only():
    maroon, peach, cactus = lab_chroma(MAROON), lab_chroma(PEACH), lab_chroma(CACTUS)
    assert of_its_hue(np.array([maroon * 1.5, peach, cactus]), maroon).tolist() == [True, False, False]
    grey = np.float32([2, -3])  # a black or grey ink has no hue: nothing shares it
    assert not of_its_hue(np.array([grey * 10, peach]), grey).any()


def test_a_text_in_two_inks_half_and_half_has_no_artwork():
    crop, decoded = text_crop("WB3199", BLACK, inks={k: PEACH for k in (3, 4, 5)})
    assert spread(crop, decoded)[3:].min() > ARTWORK_CHROMA
    assert artwork(crop, decoded) == [False] * 6


def test_dropping_artwork_keeps_each_characters_confidence_and_position():
    crop, decoded = text_crop("4919RMW", MAROON, drawn={0: CACTUS})
    kept = without_artwork(crop, decoded)
    assert kept.text == "919RMW"
    assert kept.char_confidences == decoded.char_confidences[1:]
    assert kept.char_positions == decoded.char_positions[1:]


def test_a_text_of_two_characters_has_no_majority_ink_to_compare_with():
    crop, decoded = text_crop("7A", NAVY, drawn={0: PEACH})
    assert artwork(crop, decoded) == [False, False]


def test_no_text_has_no_artwork():
    crop, _ = text_crop("AB", NAVY)
    assert artwork(crop, Decoded("", [], [])) == []
    assert char_inks(crop, []).shape == (0, 2)


def lab_chroma(bgr) -> np.ndarray:
    """a*, b* of one BGR colour."""
    return cv2.cvtColor(np.array([[bgr]], np.uint8), cv2.COLOR_BGR2LAB)[0, 0, 1:].astype(np.float32) - 128


def test_a_plate_darkened_to_mid_grey_by_its_artwork_is_still_a_light_plate():
    # Utah's red arch behind the characters: the crop's median is darker than a fixed mid-grey,
    # but the ink is darker still, and it is the ink's colour that is measured, not the arch's
    arch = (60, 90, 165)
    crop, decoded = text_crop("Z387RY", NAVY, plate=arch)
    lightness = cv2.cvtColor(crop, cv2.COLOR_BGR2LAB)[..., 0]
    assert np.median(lightness) < 128
    threshold, dark_ink = ink_side(lightness)
    assert dark_ink and threshold < np.median(lightness)
    inks = char_inks(crop, decoded.char_positions)
    assert np.linalg.norm(inks - lab_chroma(NAVY), axis=1).max() < np.linalg.norm(lab_chroma(arch) - lab_chroma(NAVY)) / 2


def test_light_ink_on_a_dark_plate_is_on_the_light_side():
    crop, _ = text_crop("ABC123", WHITE_INK, plate=DARK_PLATE)
    assert ink_side(cv2.cvtColor(crop, cv2.COLOR_BGR2LAB)[..., 0])[1] is False
