"""What counts as a plate among the texts read in a frame (pure).

A plate's text is upper-case A-Z and 0-9 only, 2 to 8 characters (or a vanity plate's words, up to
10: has_a_plates_length), after separators are dropped
(spaces, punctuation and symbols: what a gap, a dash, a dot or an emblem between a registration's
groups is read as, "CU*N*AZ" or "CU+N+AZ" for Arizona's cacti), and not one character repeated,
unless it is a vanity plate's ("5555"): at least MIN_REPEATS times, and not a thin stroke or a
round glyph (a row of windows or fence posts reads as "IIIIII"; a sticker's year as "22").
Regions whose text is mostly something else (words, other scripts) are not plates, nor is the
name of a US state printed across the top of a plate, nor a make's badge, an engine's size or a
country sticker (badges.py), nor the date and time a camera stamps on its frames (overlays.py), nor
words set in lower case (is_prose).

A character read with less than UNSURE confidence is taken for a mark that is not a character (a
bolt, the plate's edge, an emblem between two groups) and dropped like a foreign character; at
most MAX_FOREIGN of either are dropped from one plate.
"""
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from alpr_common.plates import canonical_plate
from services.ocr.badges import is_badge, is_engine_size
from services.ocr.overlays import is_date_or_time

PLATE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
ROW_GLYPHS = frozenset("I1L0O")  # what a row of posts, bars or round windows is read as
MIN_REPEATS = 4  # one character repeated fewer times is a number on a sticker or a sign, not a plate
MIN_LENGTH, MAX_LENGTH = 2, 8
# Vanity and novelty plates spell words of up to 10 letters ("SWEETTHING", "BIGCHEESE", "1TARHEELS");
# a longer text with more digits is a registration and something beside it (an EU plate's country
# letters, "SK" + "BB135BO"), or a phone number.
MAX_WORDS_LENGTH, MAX_WORDS_DIGITS = 10, 1
MAX_FOREIGN = 1  # characters that are neither plate characters nor separators (a letter of another script)
UNSURE = 0.5  # a character read less confidently than this is a mark, not a character
# Lower-case letters drawn unlike their capitals (not c, k, o, p, s, u, v, w, x, z, and not the thin
# i, j and l, which a model may read for an I or a 1); a text with MIN_LOWER of them is set in lower or
# sentence case: a banner's "The Art of Entertainment", a badge's "Berlingo". A registration is
# printed in capitals, and a model reads one of them as lower-case only now and then.
LOWER_UNLIKE = frozenset("abdefghmnqrty")
MIN_LOWER = 2
STATE_NAMES = frozenset(canonical_plate(name) for name in (
    "ALABAMA", "ALASKA", "ARIZONA", "ARKANSAS", "CALIFORNIA", "COLORADO", "CONNECTICUT", "DELAWARE", "FLORIDA",
    "GEORGIA", "HAWAII", "IDAHO", "ILLINOIS", "INDIANA", "IOWA", "KANSAS", "KENTUCKY", "LOUISIANA", "MAINE",
    "MARYLAND", "MASSACHUSETTS", "MICHIGAN", "MINNESOTA", "MISSISSIPPI", "MISSOURI", "MONTANA", "NEBRASKA",
    "NEVADA", "NEW HAMPSHIRE", "NEW JERSEY", "NEW MEXICO", "NEW YORK", "NORTH CAROLINA", "NORTH DAKOTA", "OHIO",
    "OKLAHOMA", "OREGON", "PENNSYLVANIA", "RHODE ISLAND", "SOUTH CAROLINA", "SOUTH DAKOTA", "TENNESSEE", "TEXAS",
    "UTAH", "VERMONT", "VIRGINIA", "WASHINGTON", "WEST VIRGINIA", "WISCONSIN", "WYOMING", "DISTRICT OF COLUMBIA"))


def plate_confidence(char_confidences: Sequence[float], marks_clear: float = 1.0) -> float:
    """A plate's text is right only if every character is and no dropped mark was a character."""
    return math.prod(char_confidences) * marks_clear if char_confidences else 0.0


@dataclass(frozen=True)
class PlateText:
    text: str
    char_confidences: list[float]
    dropped_marks: tuple[float, ...] = ()  # the confidences of unsure characters dropped as marks

    @property
    def marks_clear(self) -> float:
        """The chance that no dropped mark was a character: the product of one minus each mark's confidence."""
        return math.prod(1 - m for m in self.dropped_marks)

    @property
    def confidence(self) -> float:
        return plate_confidence(self.char_confidences, self.marks_clear)

    @property
    def has_digit(self) -> bool:
        return any(c.isdigit() for c in self.text)


def is_separator(char: str) -> bool:
    """A space, punctuation or a symbol (char: one character, NFKC-normalised, so perhaps several)."""
    return all(unicodedata.category(c)[0] in "ZPS" for c in char)


def normalise(raw: str, confidences: list[float]) -> tuple[PlateText, int]:
    """Upper-case plate characters with their confidences, and how many foreign characters (or
    unsure ones, dropped as marks) were dropped."""
    kept, scores, marks, foreign = [], [], [], 0
    for char, score in zip(raw, confidences):
        char = plate_char(char)
        if char in PLATE_CHARS and score >= UNSURE:
            kept.append(char)
            scores.append(score)
        elif char in PLATE_CHARS:
            marks.append(score)
        elif not is_separator(char):
            foreign += 1
    return PlateText("".join(kept), scores, tuple(marks)), foreign + len(marks)


def plate_char(char: str) -> str:
    """A character read, as a plate character where it is one (NFKC-normalised, upper-case)."""
    return unicodedata.normalize("NFKC", char).upper()


def kept_indexes(raw: str, confidences: list[float]) -> list[int]:
    """The indexes in `raw` of the characters normalise keeps, in order."""
    return [k for k, (char, score) in enumerate(zip(raw, confidences))
            if plate_char(char) in PLATE_CHARS and score >= UNSURE]


def has_a_plates_length(text: str) -> bool:
    """2 to 8 characters, or up to 10 that spell words (at most one digit)."""
    if len(text) > MAX_LENGTH:
        return len(text) <= MAX_WORDS_LENGTH and sum(c.isdigit() for c in text) <= MAX_WORDS_DIGITS
    return len(text) >= MIN_LENGTH


def is_a_row(text: str) -> bool:
    """One character repeated, as posts, bars or windows read, or a sticker's year; not a vanity plate's."""
    return len(set(text)) == 1 and (text[0] in ROW_GLYPHS or len(text) < MIN_REPEATS)


def is_prose(raw: str) -> bool:
    """`raw` (a text as read) has MIN_LOWER lower-case letters drawn unlike their capitals: it is set in lower case."""
    return sum(c in LOWER_UNLIKE for c in raw) >= MIN_LOWER


def as_plate(raw: str, confidences: list[float]) -> PlateText | None:
    """The plate text read in a region or a line, or None when it is not plate-like."""
    if is_date_or_time(raw) or is_engine_size(raw) or is_prose(raw):
        return None
    plate, foreign = normalise(raw, confidences)
    if foreign > MAX_FOREIGN or not has_a_plates_length(plate.text) or is_a_row(plate.text):
        return None
    if canonical_plate(plate.text) in STATE_NAMES or is_badge(plate.text):  # also with look-alikes: "0HI0", "F0RD"
        return None
    return plate

