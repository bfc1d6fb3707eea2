"""Words on a car's paint, not on a plate: the background around a text (pure).

Where a frame's plate is hidden, dirty or out of view, words on the car's back are read as a plate
of letters (a personalised one's form): a model's badge ("TOURAN", "GOL"), a dealer's name
("CARBRAXX"); so are short badges with digits ("C3", "HB20") and years. A plate is a panel little
larger than its characters: its background ends at the plate's edge, a character height or so
beyond them, where the bumper, the frame or the car's paint begins. A badge's background is the
car's paint, which goes on all around it. So the text's background colour is followed outward from
its box: the pixels within SAME_COLOUR of it that touch its own background pixels. Where they cover
more than SPILL of a side of the window REACH text heights around the box, the background is a
surface larger than a plate and the text is not one. A side where the window meets the image's edge
says nothing: a tight crop's plate fills the image. Only texts of letters and short ones are asked
(needs_a_panel): a registration with digits is rarely on a car's paint, and a plate of the car's own
colour may not stand out from it.

Measured on the 222 EU and BR real scenes, letterboxed to 1280x720 (`alpr ocr mosaic`,
MODEL_CARD.md): of the 212 plates read exactly, 3 had a background reaching that far (plates of
their car's colour: a black one on a black car, white ones on a white car and a light grey van); of
36 letters-only texts reported on the same scenes with their plates blurred out, 19 had. Of the 751
US plates pasted into those scenes, none of the 81 read exactly with letters only did. Asking texts
of at most SHORT characters as well refused 6 more texts reported where none is labelled on the EU
and BR scenes ("HB20", "C3", "X14", "S24") and 15 on the US plates pasted into them, at no loss of
a plate read right. SAME_COLOUR and SPILL were chosen on these scenes among few values (8 and 14
units; a fifth, a quarter and three tenths of a side: each dropped the same letters-only texts),
so these figures flatter them a little; SHORT is the only value tried. A sign is a panel too, and
its words are still reported where no plate is read. Asking letters for a smaller line of text above
or below them as well (a US plate's state name or slogan, found by the closer look's detector in a
window around them) would have refused 10 of the 11 words of five letters or more reported on the
plate-free scenes, but also 32 of the 98 letters-only US plates read in scenes: at a US plate's
size there, its state's name is often too small to be found.
"""
from dataclasses import dataclass

import cv2
import numpy as np

from services.ocr.geometry import Box
from services.ocr.ink import ink_side
from services.ocr.round_glyph import has_a_digit_not_round

REACH = 3.0        # text heights around the text's box looked at
TEXT_HEIGHT = 24   # pixels: the window is shrunk so the text is at most this high (speed; JPEG's noise averaged)
SAME_COLOUR = 14   # CIELAB units on each axis from the background's median colour: about six just-noticeable steps
MIN_PART = 0.05    # a patch of background colour counts where it holds this share of the box's background
SPILL = 0.25       # the share of a window's side the background may cover before it is more than a plate's
PLATE_REACH = 1.0  # text heights above and below its characters that a plate's background is followed (a US plate's runs about half)
# A row above or below the characters counts as the plate's where its background covers ACROSS of
# their columns: a US plate's state name, slogan and artwork cover much of the rest, and a colour
# gradient (Alaska's yellow to orange) leaves less of it within SAME_COLOUR. At 0.3 instead of 0.5,
# detection recall (IoU >= 0.5, `alpr ocr evaluate`, 2026-12-07) rose on the 751 US crops pasted into
# the EU and BR scenes twice as wide as their plates (`alpr ocr paste ... 180`, MODEL_CARD.md) from
# 714 to 720 and on the crops themselves from 733 to 734; it was the same on the EU, BR and 1280x720
# scenes and on the crops pasted at the scenes' plates' size and width; it lost 2 of the 222 scenes
# nine to a 1920x1080 frame and 1 four to one (191 -> 189, 214 -> 213): small EU plates whose box now
# reaches into a bumper of their colour above them (IoU 0.51, 0.66 and 0.50 to 0.49, 0.48 and 0.48).
# Measured on the boxes alone, 0.4 and 0.25 found 715 and 720 of the close US plates, and 0.25 one EU
# plate fewer; a wider SAME_COLOUR for these rows (20 and 26 units) found 728 and 730, but 212 and
# 205 instead of 214 of the 1280x720 scenes' plates: a small EU plate's background then runs on into
# a light bumper.
ACROSS = 0.3       # the share of the text's columns a row of the plate's background covers at least
SHORT = 4          # characters: a text with digits this short may be a badge ("C3", "HB20") or a year ("2011")


def needs_a_panel(text: str) -> bool:
    """Whether a plate's text (upper-case A-Z0-9) is reported only on a plate-like background: letters
    only (no digit but 0, which may be the letter O), or at most SHORT characters."""
    return len(text) <= SHORT or not has_a_digit_not_round(text)


def background_spills(image: np.ndarray, text: Box) -> bool:
    """Whether the background of the text in `text` (its box, the image's pixels) reaches over SPILL
    of a side of the window REACH text heights around it, on a side inside the image."""
    patch = background_patch(image, text, REACH)
    if patch is None:
        return False
    height, width = image.shape[:2]
    x0, y0, x1, y1 = patch.window
    spread = patch.spread
    sides = [spread[0] if y0 > 0 else None, spread[-1] if y1 < height else None,
             spread[:, 0] if x0 > 0 else None, spread[:, -1] if x1 < width else None]
    return any(side is not None and side.mean() > SPILL for side in sides)


def background_columns(image: np.ndarray, text: Box, reach: float) -> tuple[int, int]:
    """The image columns from which to which the text's background runs along its rows, within `reach`
    text heights of its box: as far as the plate reaches, as its colour tells (its box's, where it has no
    background)."""
    x, y, w, h = text
    patch = background_patch(image, text, reach)
    if patch is None:
        return x, x + w
    x0, y0 = patch.window[:2]
    rows = patch.spread[round((y - y0) * patch.scale): round((y + h - y0) * patch.scale)]
    columns = np.flatnonzero(rows.any(axis=0))
    if len(columns) == 0:
        return x, x + w
    return round(x0 + columns[0] / patch.scale), round(x0 + (columns[-1] + 1) / patch.scale)


def background_rows(image: np.ndarray, text: Box, reach: float = PLATE_REACH) -> tuple[int, int]:
    """The image rows from which to which the text's background runs across ACROSS of its columns,
    within `reach` text heights of its box: as far as the plate reaches, above and below its
    characters. The box's own rows where the background runs on to the window's edge (a car of the
    plate's colour, a wall behind a sign) or covers no row across most of the text."""
    x, y, w, h = text
    patch = background_patch(image, text, reach)
    if patch is None:
        return y, y + h
    x0, y0, _, y1 = patch.window
    columns = patch.spread[:, round((x - x0) * patch.scale): round((x + w - x0) * patch.scale)]
    rows = np.flatnonzero(columns.mean(axis=1) > ACROSS) if columns.size else np.array([], int)
    if len(rows) == 0 or (rows[0] == 0 and y0 > 0) or (rows[-1] == len(columns) - 1 and y1 < image.shape[0]):
        return y, y + h
    return min(y, round(y0 + rows[0] / patch.scale)), max(y + h, round(y0 + (rows[-1] + 1) / patch.scale))


@dataclass(frozen=True)
class Patch:
    spread: np.ndarray                 # bool: the window's pixels in the text's background patch
    window: tuple[int, int, int, int]  # x0, y0, x1, y1: the window's corners in the image
    scale: float                       # the window's pixels per image pixel


def background_patch(image: np.ndarray, text: Box, reach: float) -> Patch | None:
    """The pixels of the text's background colour (within SAME_COLOUR of its median) that touch its own
    background pixels, in the window `reach` text heights around its box, shrunk so the text is at most
    TEXT_HEIGHT high; None for an empty box."""
    x, y, w, h = text
    height, width = image.shape[:2]
    x0, y0 = max(0, round(x - reach * h)), max(0, round(y - reach * h))
    x1, y1 = min(width, round(x + w + reach * h)), min(height, round(y + h + reach * h))
    scale = min(1.0, TEXT_HEIGHT / h)
    window = cv2.resize(image[y0:y1, x0:x1], None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    lab = cv2.cvtColor(cv2.GaussianBlur(window, (3, 3), 0), cv2.COLOR_BGR2LAB).astype(np.int16)
    rows = slice(round((y - y0) * scale), round((y + h - y0) * scale))
    columns = slice(round((x - x0) * scale), round((x + w - x0) * scale))
    inside = lab[rows, columns]
    if inside.size == 0:
        return None
    lightness = inside[..., 0].astype(np.uint8)
    threshold, light_plate = ink_side(lightness)  # the background: the side of the median pixel
    background = lightness >= threshold if light_plate else lightness < threshold
    similar = (np.abs(lab - np.median(inside[background], axis=0)).max(axis=2) <= SAME_COLOUR).astype(np.uint8)
    _, patches = cv2.connectedComponents(similar, connectivity=4)
    ids, counts = np.unique(patches[rows, columns][background & (similar[rows, columns] > 0)], return_counts=True)
    spread = np.isin(patches, [i for i, n in zip(ids, counts) if i != 0 and n >= MIN_PART * background.sum()])
    return Patch(spread, (x0, y0, x1, y1), scale)
