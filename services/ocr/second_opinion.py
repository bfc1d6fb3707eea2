"""A second reading of unsure text by a second recognizer, and which of two readings to keep (pure).

The two recognition models (PP-OCRv4 and PP-OCRv6, models.py) were trained apart and err on
different plates. Asking the second for every region would cost 1.7 times the first's time again,
so it reads only the regions the first read as a registration-like text but could not have
reported on its own: plate characters with a digit among them, less confident than the reader's
threshold. Letters alone are left as read: a registration has digits but for a US personalised
plate, and unsure letters in a street scene are more often a word (a model's badge, a dealer's
name) than a plate: reading them again too reported 8 more words as plates on the 222 real
scenes with their plates hidden, and read 2 more of the 751 US plates right (MODEL_CARD.md). Of the two
readings the more confident is kept (the product of the character confidences, as a plate's
confidence is in plate_text.py). Asking it also for registration-like text read at 0.5 to 0.9 read
no more of the 751 US plate crops exactly (703 instead of 704, 2026-12-06).
"""
import math

from services.ocr.ctc import Decoded
from services.ocr.plate_text import MAX_FOREIGN, MAX_LENGTH, PLATE_CHARS


def text_confidence(decoded: Decoded) -> float:
    """The chance that every character of the reading is right (0 for an empty reading)."""
    return math.prod(decoded.char_confidences) if decoded.text else 0.0


def registration_like(decoded: Decoded) -> bool:
    """A digit, and no more plate characters than a plate holds with one mark (MAX_FOREIGN) more:
    a whole registration, or a group of one printed in parts."""
    plate_chars = [c for c in decoded.text.upper() if c in PLATE_CHARS]
    return any(c.isdigit() for c in plate_chars) and len(plate_chars) <= MAX_LENGTH + MAX_FOREIGN


def needs_second_reading(decoded: Decoded, min_confidence: float) -> bool:
    return registration_like(decoded) and text_confidence(decoded) < min_confidence


def more_confident(first: Decoded, second: Decoded) -> Decoded:
    """The more confident reading; the first on a tie."""
    return second if text_confidence(second) > text_confidence(first) else first
