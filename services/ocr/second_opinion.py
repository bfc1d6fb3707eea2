"""A second reading of unsure text by a second recognizer, and which of two readings to keep (pure).

The two recognition models (PP-OCRv4 and PP-OCRv6, models.py) were trained apart and err on
different plates. Asking the second for every region would cost 1.7 times the first's time again,
so it reads only the regions the first read as plate-like text but could not have reported on
its own: less confident than the reader's threshold. Of the two readings the more confident is
kept (the product of the character confidences, the plate confidence of plate_text.py).
"""
import math

from services.ocr.ctc import Decoded
from services.ocr.plate_text import MAX_FOREIGN, MAX_LENGTH, PLATE_CHARS


def text_confidence(decoded: Decoded) -> float:
    """The chance that every character of the reading is right (0 for an empty reading)."""
    return math.prod(decoded.char_confidences) if decoded.text else 0.0


def plate_like(decoded: Decoded) -> bool:
    """Some plate characters, and no more than a plate holds with one mark (MAX_FOREIGN) more:
    a whole plate, or a group of one printed in parts."""
    count = sum(c.upper() in PLATE_CHARS for c in decoded.text)
    return 1 <= count <= MAX_LENGTH + MAX_FOREIGN


def needs_second_reading(decoded: Decoded, min_confidence: float) -> bool:
    return plate_like(decoded) and text_confidence(decoded) < min_confidence


def more_confident(first: Decoded, second: Decoded) -> Decoded:
    """The more confident reading; the first on a tie."""
    return second if text_confidence(second) > text_confidence(first) else first
