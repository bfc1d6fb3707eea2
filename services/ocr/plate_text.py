"""What counts as a plate among the texts read in a frame (pure).

A plate's text is upper-case A-Z and 0-9 only, 2 to 8 characters, after separators are dropped,
and not one character repeated (a row of windows or fence posts reads as "IIIIII").
Regions whose text is mostly something else (words, other scripts) are not plates, nor is the
name of a US state printed across the top of a plate.
"""
import math
import unicodedata
from dataclasses import dataclass

PLATE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
SEPARATORS = frozenset(" -.·•:_'\"")
MIN_LENGTH, MAX_LENGTH = 2, 8
MAX_FOREIGN = 1  # characters that are neither plate characters nor separators (a state emblem, a smudge)
STATE_NAMES = frozenset(name.replace(" ", "") for name in (
    "ALABAMA", "ALASKA", "ARIZONA", "ARKANSAS", "CALIFORNIA", "COLORADO", "CONNECTICUT", "DELAWARE", "FLORIDA",
    "GEORGIA", "HAWAII", "IDAHO", "ILLINOIS", "INDIANA", "IOWA", "KANSAS", "KENTUCKY", "LOUISIANA", "MAINE",
    "MARYLAND", "MASSACHUSETTS", "MICHIGAN", "MINNESOTA", "MISSISSIPPI", "MISSOURI", "MONTANA", "NEBRASKA",
    "NEVADA", "NEW HAMPSHIRE", "NEW JERSEY", "NEW MEXICO", "NEW YORK", "NORTH CAROLINA", "NORTH DAKOTA", "OHIO",
    "OKLAHOMA", "OREGON", "PENNSYLVANIA", "RHODE ISLAND", "SOUTH CAROLINA", "SOUTH DAKOTA", "TENNESSEE", "TEXAS",
    "UTAH", "VERMONT", "VIRGINIA", "WASHINGTON", "WEST VIRGINIA", "WISCONSIN", "WYOMING", "DISTRICT OF COLUMBIA"))


@dataclass(frozen=True)
class PlateText:
    text: str
    char_confidences: list[float]

    @property
    def confidence(self) -> float:
        """The product of the character confidences: the whole text is right only if every character is."""
        return math.prod(self.char_confidences) if self.char_confidences else 0.0

    @property
    def has_digit(self) -> bool:
        return any(c.isdigit() for c in self.text)


def normalise(raw: str, confidences: list[float]) -> tuple[PlateText, int]:
    """Upper-case plate characters with their confidences, and how many foreign characters were dropped."""
    kept, scores, foreign = [], [], 0
    for char, score in zip(raw, confidences):
        char = unicodedata.normalize("NFKC", char).upper()
        if char in PLATE_CHARS:
            kept.append(char)
            scores.append(score)
        elif char not in SEPARATORS:
            foreign += 1
    return PlateText("".join(kept), scores), foreign


def as_plate(raw: str, confidences: list[float]) -> PlateText | None:
    """The plate text read in one region, or None when the region is not plate-like."""
    return as_joined_plate([(raw, confidences)])


def as_joined_plate(parts: list[tuple[str, list[float]]]) -> PlateText | None:
    """The plate text of a line read in parts (left to right, each a raw text and its character
    confidences), or None when together they are not plate-like."""
    normalised = [normalise(raw, confidences) for raw, confidences in parts]
    plate = PlateText("".join(p.text for p, _ in normalised), [c for p, _ in normalised for c in p.char_confidences])
    foreign = sum(f for _, f in normalised)
    if foreign > MAX_FOREIGN or not MIN_LENGTH <= len(plate.text) <= MAX_LENGTH or len(set(plate.text)) < 2:
        return None
    if plate.text in STATE_NAMES:
        return None
    return plate


def drop_words_beside_plates(plates: list[PlateText]) -> list[bool]:
    """Which texts of one frame to keep: letters-only texts (a make, a sticker) give way to any with digits."""
    any_with_digits = any(p.has_digit for p in plates)
    return [p.has_digit or not any_with_digits for p in plates]
