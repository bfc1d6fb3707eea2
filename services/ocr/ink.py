"""Characters printed in another ink than the rest of their text: state artwork read as a character.

A registration is printed in one ink. The artwork some states put between its groups (Georgia's
peach, Arizona's cactus, Oregon's tree) is drawn in other colours, and a text model reads it as a
character ("BVN<peach>0669" as "BVNC0669"). Each character's ink is the colour of the quarter of
the pixels in its column of the text's crop that lie furthest on the ink's side: the darkest, on a
light plate, the lightest on a dark one, so that a scene printed behind the characters does not
count where it is between plate and ink (where it is further out than the ink, the character may
be taken for artwork). Which side is the plate's is told by Otsu's threshold over the crop's
lightness: the side the median pixel lies on (a fixed mid-grey took Utah's plate, whose red arch
darkens it to mid-grey, for a dark plate, and its characters' ink for the sky's). A character whose
ink lies far from the ink of most of its text in hue and saturation (CIELAB a*, b*; lightness is
left out, as shadows change it), and is more colourful than it, is taken for artwork and dropped,
unless it is of the ink's own hue: a coloured ink printed or lit unevenly is more saturated in one
character than in the rest (a "Y" of Wisconsin's red "FGY·127", 23 units from the rest but 9 degrees
of hue), while artwork is of another hue than a coloured registration (a green cactus on a maroon
registration is 120 degrees from its ink, an orange peach 37). Glare and fading only wash the ink's
colour out, so they never make a character artwork.
"""
import cv2
import numpy as np

from services.ocr.ctc import Decoded

# CIELAB a*b* distance from the text's ink beyond which a character is in another ink. About ten
# just-noticeable differences (2.3 each): a different colour at a glance, not the same ink under
# uneven light or JPEG's coarse colour. On rendered plates (tests/unit/ocr/test_ink.py) one ink stays
# within 9 of itself with the light falling to half across the plate, and coloured artwork lies 40
# or more away.
ARTWORK_CHROMA = 23.0
# A text ink at least MIN_HUE_CHROMA from grey has a hue; a character within SAME_HUE degrees of it is
# in that ink, however saturated. A named hue (red, orange, yellow) spans about 30 to 45 degrees of
# CIELAB hue; SAME_HUE is the only value tried: on the 751 US plate crops it kept the "Y" of "FGY127"
# and changed no other read there; of the US plates pasted into scenes it read one more ("LJM367"), and on
# the 222 EU and BR scenes (as they are, at 1280x720, and with their plates hidden) it changed nothing.
MIN_HUE_CHROMA = 10.0
SAME_HUE = 25.0    # degrees
HALF_BAND = 0.2    # half the width of a character's column, in text heights
INK_SHARE = 0.25   # the share of a column's pixels taken for ink: about a character's strokes
MIN_CHARS = 3      # a text of fewer characters has no majority ink to compare with


def ink_side(lightness: np.ndarray) -> tuple[float, bool]:
    """Otsu's threshold between plate and ink over a crop's lightness (uint8, one channel), and
    whether the ink is on its dark side (the plate, the median pixel, on its light side)."""
    threshold, _ = cv2.threshold(lightness, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return threshold, bool(np.median(lightness) >= threshold)


def char_inks(crop: np.ndarray, positions: list[float]) -> np.ndarray:
    """(characters, 2): the a*, b* of each character's ink; positions are fractions of the crop's width."""
    lab = cv2.cvtColor(crop, cv2.COLOR_BGR2LAB)
    _, light_plate = ink_side(lab[..., 0])
    lab = lab.astype(np.float32)
    height, width = crop.shape[:2]
    half = max(1, round(HALF_BAND * height))
    inks = []
    for position in positions:
        centre = round(position * width)
        column = lab[:, max(0, centre - half): min(width, centre + half + 1)].reshape(-1, 3)
        inkness = -column[:, 0] if light_plate else column[:, 0]
        ink = column[inkness >= np.quantile(inkness, 1 - INK_SHARE)]
        inks.append(np.median(ink[:, 1:], axis=0))
    return np.array(inks, np.float32).reshape(-1, 2) - 128  # OpenCV stores a* and b* plus 128


def artwork(crop: np.ndarray, decoded: Decoded) -> list[bool]:
    """Which characters of `decoded` (read in `crop`) are in another ink than most of the text
    (none, where no one ink is most of it)."""
    if len(decoded.text) < MIN_CHARS:
        return [False] * len(decoded.text)
    inks = char_inks(crop, decoded.char_positions)
    text_ink = np.median(inks, axis=0)
    far = np.linalg.norm(inks - text_ink, axis=1) > ARTWORK_CHROMA
    more_colourful = np.linalg.norm(inks, axis=1) > np.linalg.norm(text_ink)
    drawn = far & more_colourful & ~of_its_hue(inks, text_ink)
    if 2 * drawn.sum() >= len(drawn):  # no ink is most of the text's: a sticker, a sign in colours
        return [False] * len(drawn)
    return drawn.tolist()


def of_its_hue(inks: np.ndarray, text_ink: np.ndarray) -> np.ndarray:
    """Which of the characters' inks (a*, b*) are of the hue of a coloured text ink (none where the text's
    ink is near grey: black, white and grey inks have no hue to share)."""
    if np.linalg.norm(text_ink) < MIN_HUE_CHROMA:
        return np.zeros(len(inks), bool)
    turn = np.degrees(np.arctan2(inks[:, 1], inks[:, 0]) - np.arctan2(text_ink[1], text_ink[0]))
    return np.abs((turn + 180) % 360 - 180) < SAME_HUE  # the shorter way round the hue circle


def without_artwork(crop: np.ndarray, decoded: Decoded) -> Decoded:
    """`decoded` less the characters in another ink than most of it."""
    return decoded.without({k for k, is_art in enumerate(artwork(crop, decoded)) if is_art})
