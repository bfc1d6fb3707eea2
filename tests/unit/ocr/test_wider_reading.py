import cv2
import numpy as np

from services.ocr.ctc import Decoded
from services.ocr.geometry import Box
from services.ocr.plate_text import PlateText
from services.ocr.wider_reading import band_of, characters_added, has_room, may_lack_characters, widened

BOX = (100, 50, 150, 40)  # "094MW" as the detector boxed it: 30 px per character
BAND = (20, 50, 310, 40)  # its rows, two text heights (80 px) wider on either side


def wider(text: str, confidences: list[float] | None = None) -> PlateText:
    return PlateText(text, confidences or [0.99] * len(text))


def frame_with_plate(plate: tuple[int, int, int, int], size: tuple[int, int] = (540, 960)) -> np.ndarray:
    """A grey frame with a white plate (x0, y0, x1, y1) and dark text across the middle of it."""
    frame = np.full((*size, 3), 110, np.uint8)
    cv2.rectangle(frame, plate[:2], plate[2:], (235, 235, 235), -1)
    middle = (plate[1] + plate[3]) // 2
    cv2.putText(frame, "ABC 123", (plate[0] + 30, middle + 15), cv2.FONT_HERSHEY_DUPLEX, 1.2, (20, 20, 20), 2)
    return frame


def test_in_a_frame_the_band_stops_where_the_plates_background_does():
    frame = frame_with_plate((300, 250, 520, 330))
    x, y, w, h = band_of(frame, (330, 275, 150, 30))  # two heights would reach 270 to 540 px
    assert (y, h) == (275, 30)
    assert 296 <= x <= 304 and 516 <= x + w <= 524  # the plate's edges, within the colour's blur


def test_in_a_frame_the_band_reaches_half_a_text_height_past_the_box_where_the_background_stops_sooner():
    # the background's colour changes at the box (a plate's artwork, its colours fading along it):
    # a character the box cut off in part still lies in the band
    frame = frame_with_plate((300, 250, 520, 330))
    assert band_of(frame, (302, 275, 216, 30)) == (287, 275, 246, 30)


def test_in_a_frame_the_band_reaches_two_text_heights_on_a_wide_plate_and_stops_at_the_frame_edges():
    frame = frame_with_plate((0, 250, 960, 330))
    assert band_of(frame, (330, 275, 150, 30)) == (270, 275, 270, 30)
    assert band_of(frame, (30, 275, 150, 30)) == (0, 275, 240, 30)


def test_a_tight_crop_is_the_plate_the_band_reaches_two_text_heights_whatever_its_colours():
    crop = np.full((150, 320, 3), 235, np.uint8)
    crop[:, :40] = (40, 40, 200)  # a red panel at the plate's left end
    assert band_of(crop, (60, 50, 150, 40)) == (0, 50, 290, 40)


def test_a_character_read_surely_past_either_end_is_added():
    assert characters_added("094MW", wider("094MWJ")) == (0, 1)
    assert characters_added("33333", wider("B33333")) == (1, 0)
    assert characters_added("345D", wider("1345DX")) == (1, 1)


def test_the_round_glyph_counts_as_one_whichever_way_each_reading_spelled_it():
    assert characters_added("OJW695", wider("0JW6955")) == (0, 1)


def test_nothing_is_added_unless_every_added_character_is_sure():
    assert characters_added("094MW", wider("094MWJ", [0.99] * 5 + [0.89])) is None
    assert characters_added("345D", wider("1345DX", [0.95, 1, 1, 1, 1, 0.6])) is None


def test_nothing_is_added_where_the_wider_reading_differs_inside_the_first_or_is_too_long():
    assert characters_added("N78BBY", wider("N788BY")) is None   # not the first reading with more
    assert characters_added("N78BBY", wider("N788BBY")) is None  # a character inserted, not added
    assert characters_added("ABC1234", wider("ABC12345Z")) is None  # longer than a plate
    assert characters_added("094MWJ", wider("094MWJ")) is None   # the same
    assert characters_added("094MWJ", wider("94MWJ")) is None    # shorter


def read_in(band: Box, text: str, first: int, last: int, confidences: list[float] | None = None) -> Decoded:
    """`text` as read in the band, its characters' middles spread evenly from x = first to x = last."""
    middles = [first + k * (last - first) / (len(text) - 1) for k in range(len(text))]
    return Decoded(text, confidences or [0.99] * len(text), [(m - band[0]) / band[2] for m in middles])


def test_the_added_characters_join_the_first_reading_with_their_confidences_and_grow_its_box():
    text, confidences, box = widened("094MW", [0.9, 0.8, 0.9, 0.8, 0.9], BOX,
                                     read_in(BAND, "094MWJ", 115, 290, [0.5] * 5 + [0.95]), BAND)
    assert text == "094MWJ"
    assert confidences == [0.9, 0.8, 0.9, 0.8, 0.9, 0.95]  # the first reading's own, and the added one's
    assert box == (100, 50, 205, 40)  # to half a character's advance right of the J's middle (x = 290)


def test_separators_and_marks_in_the_wider_reading_are_dropped_before_it_is_compared():
    # "12132·W": the dot a separator, a bolt read as "1" at 0.3 a mark; the W's middle at x = 274
    wider = read_in(BAND, "12132·W1", 115, 300, [0.99] * 5 + [0.9, 0.95, 0.3])
    text, confidences, box = widened("12132", [0.99] * 5, BOX, wider, BAND)
    assert (text, confidences[-1]) == ("12132W", 0.95)
    assert box[0] + box[2] == round(115 + 6 * 185 / 7 + 15)  # over the W, not the mark beyond it


def test_the_grown_box_stays_in_the_band_and_the_layout_spells_the_round_glyph_anew():
    first_box = (10, 50, 150, 40)
    band = (0, 50, 240, 40)  # stops at the frame's left edge
    text, _, box = widened("0JW695", [0.99] * 6, first_box, read_in(band, "X0JW695", 2, 148), band)
    assert text == "XOJW695"  # the round glyph between letters is the letter O
    assert box == (0, 50, 160, 40)


def test_a_wider_reading_that_adds_nothing_or_is_no_plate_leaves_the_plate_as_it_was():
    assert widened("094MW", [0.99] * 5, BOX, read_in(BAND, "094MW", 115, 235), BAND) is None
    assert widened("VADA", [0.99] * 4, BOX, read_in(BAND, "NEVADA", 60, 235), BAND) is None  # a state's name


def test_a_reading_as_long_as_a_whole_registration_is_not_read_again():
    assert may_lack_characters("094MW") and may_lack_characters("B33333")
    assert not may_lack_characters("5VCF203") and not may_lack_characters("XHILR8N1")


def test_a_band_that_reaches_no_further_than_the_box_leaves_no_room_for_a_character():
    assert has_room(BOX, BAND)
    assert has_room(BOX, (100, 50, 160, 40))  # a quarter of a text height (10 px) past its right end
    assert not has_room(BOX, (95, 50, 164, 40))  # 5 px past either end: the plate's edges
