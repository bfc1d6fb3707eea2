"""A plate's text line read again, wider on either side: characters its box left out at its ends (pure).

The detector sometimes ends a registration's box a character short: after a separator ("094·MWJ" and
"12132·W" of Nevada and Washington read "094MW" and "12132"), past an emblem between two groups
("832 <emblem> AXV" of a Colorado Marine Corps plate read "832"), at the edge of a photo ("BATMANX"),
or where a group stands apart ("B 33333" of Idaho, the county number left of Wyoming's bison). The
reader cuts the plate's rows out again, WIDEN text heights wider on either side (the band), and reads
them as one text with the first recognizer, dropping artwork and stacked pairs from it as from any
text (ink.py, stacked.py). Where that reading is a plate whose characters are the first reading's
(O and 0 as one) and more at its ends, each read at least SURE, those characters are added, and the
box grown over them. In a frame the band stops where the plate's background does (a tight crop is
the plate), but not within NEAR of a text height of the box: where the box cut a character in part,
the plate's colour along the rows often stops at the box too (New Mexico's "LJM 367" read "JM367",
Rhode Island's "12345" beside its osprey read "2345"). A plate is read again only where the band
reaches past its box (ROOM) and its reading is shorter than a whole registration (WHOLE): of the 120
plates read on the 114 BR scenes at 1280x720, that left 5 to read again (3 before NEAR), and the step
took under 1% of the batch path's time (0.11 of 12.3 s).

Measured with `alpr ocr evaluate` (2026-12-06, Xeon), exact reads before -> after: the 751 US plate
crops 705 -> 714 (10 read right that were not; Idaho's small "N" beside "46 914", which the labels
leave out, now read "N46914"); the same pasted into EU and BR scenes 685 -> 686; the 222 EU and BR
scenes at 1280x720 197 -> 198; the 114 BR scenes 107 -> 109; the 108 EU scenes unchanged. What was
tried and not kept: a band as wide in frames as in crops added a sticker on the car's paint beside
the plate ("S5VCF203") and the bumper's edge ("WA7631") in the pasted scenes; the band stopped at the
plate's background in tight crops too read 707 of the crops (their plates' colours fade and change
along their rows: Idaho's, Nevada's); read by the second recognizer, or by both, it added
characters to 4 pasted plates read right (Minnesota's wheelchair as "H") where the first added none;
without the artwork and stacked-pair checks, 7 crops read right gained a character (Arizona's cactus
read as "4", Mississippi's stacked "M/C" as "M", Michigan's red "USA" beside a blue "SAMPL"); a
check of the added characters' height on the band's ink found no character height on bands whose
ink runs together (Idaho's red-to-white plate), and dropped 3 of the 10 it completed.
Without ROOM, Wyoming's stacked "B/B" on a plate 64 px wide was read as "H" after "5501" (a band no
wider than the box: the plate's edge); with half a text height, 2 of the 10 crops were left as read,
their last character half inside the box ("12132·W").
NEAR (2026-12-07, Xeon; the only value tried), exact reads before -> after: the US crops pasted into
the scenes at their plates' size 694 -> 696 (and Idaho's small "N" read, as on the crops; 3 read),
pasted as wide as the scenes' plates 696 -> 697 (North Dakota's Navy emblem read as "O" at 0.90 before
"BB63"; 2 read); the crops, the EU, BR, 1280x720 and plate-free scenes unchanged; the BR bench at
1280x720 ran at the same rate (14.76 and 15.18 frames/s against 14.85 and 15.19, in turns).
"""
import numpy as np

from services.ocr.ctc import Decoded
from services.ocr.geometry import Box
from services.ocr.panel import background_columns
from services.ocr.plate_text import MAX_LENGTH, PlateText, as_plate, kept_indexes
from services.ocr.round_glyph import round_glyphs_as_one, spell_round_glyphs
from services.ocr.tight_crops import is_tight_crop

WIDEN = 2.0  # text heights added left and right of the plate's text
SURE = 0.9   # an added character is read at least this confidently
ROOM = 0.25  # text heights of band past the box, on one side at least: room for the narrowest character ("1")
WHOLE = 7    # characters: a reading this long is taken for a whole registration and not read again
NEAR = 0.5   # text heights: the band reaches at least this far past the box on either side


def band_of(image: np.ndarray, box: Box) -> Box:
    """The rows of a plate's text box, WIDEN of its heights wider on either side. In a frame, no further
    than its background runs along them (panel.background_columns): past the plate's edge, a sticker
    on the car ("SK") or the bumper's edge ("1") would read as a character; but at least NEAR of its
    height past the box (a plate's colour may fade or change along it). A tight crop is the plate."""
    x, y, w, h = box
    left, right = (0, image.shape[1]) if is_tight_crop(*image.shape[:2]) else background_columns(image, box, WIDEN)
    near = round(NEAR * h)
    x0 = max(0, round(x - WIDEN * h), min(x - near, left))
    x1 = min(image.shape[1], round(x + w + WIDEN * h), max(x + w + near, right))
    return x0, y, x1 - x0, h


def may_lack_characters(text: str) -> bool:
    """Whether a plate's reading is short enough to lack a character: few registrations are longer
    than WHOLE (Brazil's and most European and US ones are 7 long, a few US ones 8)."""
    return len(text) < WHOLE


def has_room(box: Box, band: Box) -> bool:
    """Whether the band reaches at least ROOM text heights past the box on one side."""
    x, _, w, h = box
    return max(x - band[0], band[0] + band[2] - (x + w)) >= ROOM * h


def characters_added(first: str, wider: PlateText) -> tuple[int, int] | None:
    """How many characters the wider reading adds before and after the first reading (plate characters):
    None unless it is the first reading (O and 0 as one) with characters read at least SURE added at
    its ends, and no longer than a plate."""
    if len(wider.text) <= len(first) or len(wider.text) > MAX_LENGTH:
        return None
    start = round_glyphs_as_one(wider.text).find(round_glyphs_as_one(first))
    if start < 0:
        return None
    end = start + len(first)
    added = wider.char_confidences[:start] + wider.char_confidences[end:]
    return (start, len(wider.text) - end) if all(c >= SURE for c in added) else None


def widened(first: str, confidences: list[float], box: Box, wider: Decoded,
            band: Box) -> tuple[str, list[float], Box] | None:
    """The first reading with the characters the wider reading (read in the band) adds at its ends
    (characters_added), spelled anew by its layout, each with its confidence, and the box grown over
    them; None where it adds none or is no plate."""
    plate = as_plate(wider.text, wider.char_confidences)
    added = characters_added(first, plate) if plate is not None else None
    if added is None:
        return None
    before, after = added
    tail = len(plate.text) - after
    text = spell_round_glyphs(plate.text[:before] + first + plate.text[tail:])
    positions = [wider.char_positions[k] for k in kept_indexes(wider.text, wider.char_confidences)]
    half = box[2] / len(first) / 2  # half the first reading's advance per character
    middles = [band[0] + p * band[2] for p in positions[:before] + positions[tail:]]
    x0 = max(band[0], round(min([box[0], *(m - half for m in middles)])))
    x1 = min(band[0] + band[2], round(max([box[0] + box[2], *(m + half for m in middles)])))
    return (text, plate.char_confidences[:before] + confidences + plate.char_confidences[tail:],
            (x0, box[1], x1 - x0, box[3]))
