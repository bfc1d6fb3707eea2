"""A closer look at a plate found small in a frame: where to look and which plate found there is
the same one (pure geometry).

A 1280x720 frame is shrunk to 960 px for detection, so a US plate 90 px wide in it reaches the
detector at 68 px, and its characters are cut from the frame along boxes found at that scale:
a character at the plate's edge is sometimes left out or cut in two. The reader detects a window
around each plate it reported again, enlarged so its longer side is CLOSER_SIDE, and reads the plate
found there. It also looks again at plate-like text with a digit that it could not report, down to
UNSURE_FLOOR confidence: seen closer, such text is often read with confidence, and is reported only
then. Plates that the first pass already saw large (a tight crop, a car close to the camera)
are not looked at again: the window would reach the detector at less than MIN_GAIN times the
first pass's scale and see nothing new.

Measured on the 222 EU and BR real scenes and on the 751 US plate crops pasted into them at a US
plate's size (`alpr ocr paste`, MODEL_CARD.md): exact reads rose from 82.4% to 84.3% (EU) and from
86.0% to 88.9% (US in scenes); BR and the US crops themselves were unchanged, and no more plates
were reported on the scenes with their plates blurred out (looking again at unsure letters alone
reported 4 more there: in a street they are more often a word than a plate, as second_opinion.py
found). It cost about 30% of the frames a second on 1280x720 real scenes (`alpr ocr bench`) while
every plate seen small was looked at: a window is about a sixth of a frame's pixels to detect, and
the texts on the plate's line in it are read again; with plates read in full left alone, 18% (BR).
Reading only those, not the state's name and the slogan above and below, took 230
instead of 238 s to evaluate the US plates in scenes (`alpr ocr paste`), with the same 677 exact.

The window's detector sometimes boxes the plate's text short of a character the first pass read
with confidence (Hawaii's rainbow behind the last "7" of "GZG 347"): where the window's reading is
the first one less characters at an end where its box falls short of the first box, each read at
least SURE in the first pass, the first reading stands (cut_off_by_box).

A plate read in full the first time is not looked at again (read_in_full): a whole registration's
characters or more (wider_reading.WHOLE, 7), read at least SURE_OF_ALL confidently. What the closer
look adds is mostly a character at an end that the first pass left out (US "RK755A" read
"RK755AJ", "OKM237" read "OKM2371"); a plate that already has as many characters as one holds has
none to add. On the 222 EU and BR scenes at
1280x720 (`alpr ocr mosaic --grid 1`) that skipped 182 of the 234 plates' looks and changed no
exact read for the worse: the looks it skipped had made "BSE5579" "BSE85579" and "JQS5683"
"JOS5683". On the 751 US plates pasted into scenes as wide as their plates, it skipped 173 of 834
looks and changed no read (a shorter US plate is still looked at: with 6 characters read at 0.9,
3 of 5 such changes had been a character added at an end; at 0.95 3 of 4).
"""
from services.ocr.geometry import Box, iou
from services.ocr.round_glyph import round_glyphs_as_one
from services.ocr.wider_reading import may_lack_characters

CLOSER_SIDE = 480  # the window's longer side at detection, in pixels
WIDEN = 1.5  # plate heights added left and right of the plate: room for a character it cut off
HEIGHTEN = 1.0  # plate heights added above and below
MIN_GAIN = 1.5  # look again only where the window is enlarged at least this much more than the frame was
UNSURE_FLOOR = 0.2  # plate-like text with a digit this confident is looked at again (0.1 read no more)
MIN_OVERLAP = 0.3  # intersection over union of a plate found in the window with the first one
SURE_OF_ALL = 0.9  # a plate's confidence read in full (the product of its characters')
SURE = 0.9  # a character the first pass read this confidently is not lost to a box that cut it off


def look_window(box: Box, height: int, width: int) -> Box:
    """The part of a height x width frame to look at again around the plate's box."""
    x, y, w, h = box
    x0, y0 = max(0, round(x - WIDEN * h)), max(0, round(y - HEIGHTEN * h))
    x1, y1 = min(width, round(x + w + WIDEN * h)), min(height, round(y + h + HEIGHTEN * h))
    return x0, y0, x1 - x0, y1 - y0


def worth_a_closer_look(window: Box, first_scale: float) -> bool:
    """Whether detecting the window at CLOSER_SIDE enlarges it MIN_GAIN times more than the first
    pass did the whole frame (first_scale: detection pixels per frame pixel)."""
    longer = max(window[2], window[3])
    return longer > 0 and CLOSER_SIDE / longer >= MIN_GAIN * first_scale


def read_in_full(text: str, confidence: float) -> bool:
    """Whether a plate's first reading leaves a closer look nothing to add: as many characters as a
    whole registration (wider_reading.may_lack_characters), read at least SURE_OF_ALL confidently."""
    return not may_lack_characters(text) and confidence >= SURE_OF_ALL


def in_frame(box: Box, window: Box) -> Box:
    """A box found in the window, in the frame's pixels."""
    return box[0] + window[0], box[1] + window[1], box[2], box[3]


def in_window(box: Box, window: Box) -> Box:
    """A box of the frame, in the window's pixels."""
    return box[0] - window[0], box[1] - window[1], box[2], box[3]


def on_its_line(text: Box, plate: Box) -> bool:
    """Whether a text found in the window lies on the line of the plate looked at (its middle within
    the plate's rows): only those can be the plate's characters. The state's name above a US plate's
    registration and the slogan below it are in the window as well, and are not read again."""
    middle = text[1] + text[3] / 2
    return plate[1] <= middle <= plate[1] + plate[3]


def same_plate(box: Box, found: list[Box]) -> int | None:
    """The index of the box in found overlapping box the most, if at least MIN_OVERLAP."""
    overlaps = [iou(box, other) for other in found]
    best = max(range(len(found)), key=overlaps.__getitem__, default=None)
    return best if best is not None and overlaps[best] >= MIN_OVERLAP else None


def cut_off_by_box(first_text: str, first_confidences: list[float], first_box: Box,
                   closer_text: str, closer_box: Box) -> bool:
    """Whether a second reading (closer_text in closer_box, the frame's pixels: the window's, or a
    tight crop's at its second scale) is the first reading less characters at its ends, each read at
    least SURE in the first pass, and at each end that lost some the second box falls short of the
    first box: the second box cut them off. (O and 0 count as one glyph: a plate's layout may spell
    them anew once a neighbour is lost.)"""
    first_text, closer_text = round_glyphs_as_one(first_text), round_glyphs_as_one(closer_text)
    start = first_text.find(closer_text) if closer_text else -1
    if start < 0 or len(closer_text) == len(first_text):
        return False
    end = start + len(closer_text)
    lost = first_confidences[:start] + first_confidences[end:]
    short_left = closer_box[0] > first_box[0]
    short_right = closer_box[0] + closer_box[2] < first_box[0] + first_box[2]
    return (all(c >= SURE for c in lost) and (start == 0 or short_left)
            and (end == len(first_text) or short_right))
