"""Which texts of a frame are plates, by where they lie and how tall they are (pure).

A plate's registration is the tallest text on it; a month or year sticker, a slogan or a dealer's
name on the same plate is much smaller. Such smaller text close to taller text is not a plate.
"""
from services.ocr.geometry import Box

TALLER = 1.5  # a plate's characters are at least this many times the height of its other texts


def on_the_plate_of(small: Box, big: Box) -> bool:
    """small's centre lies on big's plate: big's box grown by big's height on every side."""
    x, y, w, h = big
    cx, cy = small[0] + small[2] / 2, small[1] + small[3] / 2
    return x - h <= cx <= x + w + h and y - h <= cy <= y + 2 * h


def registration_texts(boxes: list[Box]) -> list[bool]:
    """Which boxes to keep: not those lying on the plate of a text TALLER times their height."""
    return [not any(big[3] >= TALLER * small[3] and on_the_plate_of(small, big) for big in boxes) for small in boxes]
