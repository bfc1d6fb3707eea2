"""A second reading of registration-like text by a second recognizer, and which reading to keep (pure).

The two recognition models (PP-OCRv4 and PP-OCRv6, models.py) were trained apart and err on
different plates. Asking the second for every region would cost 1.7 times the first's time again,
so it reads only the regions the first read as a registration-like text (plate characters with a
digit among them) too unsure to report, or reportable but with one plate character, and only one,
less sure than SURE (needs_second_reading). Letters alone are left as read: a registration
has digits but for a US personalised plate, and unsure letters in a street scene are more often a
word (a model's badge, a dealer's name) than a plate: reading them again too reported 8 more words
as plates on the 222 real scenes with their plates hidden, and read 2 more of the 751 US plates
right (MODEL_CARD.md). Measured again with every later step in place (2026-12-07), reading letters
alone again where too unsure to report: 700 instead of 697 of the US plates pasted into scenes as wide
as their plates read exactly, but a plate reported on 4 more of the plate-free scenes (195 of 222
without one instead of 199: "FELICIA" twice, "PALIO", "C2", models' badges).

Which reading is kept (kept_reading):
- Text the first could not have reported on its own (less confident than the reader's threshold):
  the more confident reading (the product of the character confidences, as a plate's confidence is
  in plate_text.py).
- Text the first could have reported: its own reading, unless the second reads the same plate
  characters less one, more confidently (less_a_symbol). A symbol drawn in a registration's own ink
  is read by the first model as one more character, though rarely surely: Minnesota's wheelchair as
  "5", Georgia's peach (where ink.py misses it) as "0", the two round inspection stickers between a
  Czech or Slovak plate's groups as "8". The second passes over them.
  Taking the more confident reading here as well read 2 more of the 751 US plate crops exactly but
  lost 3 that the first had read right (I for 1, 1 for I, 0 for D): the two models' substitutions
  are no better than each other's, but the second's deletion of a symbol is.
Measured on 2026-12-07 (MODEL_CARD.md): 716 of the 751 US crops exact instead of 714, 693 of them
pasted into scenes instead of 691 (one lost: Oregon's "149BPB" read "49BPB"), 93 of the 108 EU scenes
instead of 91; no change on the BR scenes or the plate-free scenes. Checking every reportable text
read less surely than 0.95, or every one with one unsure character, separators counted, read the
same plates at about a sixth fewer frames a second on the BR scenes at 1280x720 (`alpr ocr bench`):
separators (a dash, a dot) are what the first model is most often unsure of on a European plate.
Counting plate characters only, 10 texts were checked on the first 110 of the 222 EU and BR scenes
at 1280x720 (48 with separators counted), besides the 55 too unsure to report. SURE is the only
value tried.
"""
import math

from services.ocr.ctc import Decoded
from services.ocr.plate_text import MAX_FOREIGN, MAX_LENGTH, PLATE_CHARS

SURE = 0.9  # a character read at least this confidently; a symbol read as one rarely is


def text_confidence(decoded: Decoded) -> float:
    """The chance that every character of the reading is right (0 for an empty reading)."""
    return math.prod(decoded.char_confidences) if decoded.text else 0.0


def registration_like(decoded: Decoded) -> bool:
    """A digit, and no more plate characters than a plate holds with one mark (MAX_FOREIGN) more:
    a whole registration, or a group of one printed in parts."""
    chars = plate_chars(decoded)
    return any(c.isdigit() for c in chars) and len(chars) <= MAX_LENGTH + MAX_FOREIGN


def needs_second_reading(decoded: Decoded, min_confidence: float) -> bool:
    """Registration-like text too unsure to report, or reportable but with one plate character, and
    only one, less sure than SURE: perhaps a symbol read as a character (an unsure separator is not)."""
    if not registration_like(decoded):
        return False
    unsure = [c for char, c in zip(decoded.text, decoded.char_confidences) if char.upper() in PLATE_CHARS and c < SURE]
    return text_confidence(decoded) < min_confidence or len(unsure) == 1


def kept_reading(first: Decoded, second: Decoded, min_confidence: float) -> Decoded:
    """Of two readings of one text, the more confident where the first is too unsure to report;
    else the first, less a symbol the second passed over (less_a_symbol)."""
    if text_confidence(first) < min_confidence:
        return more_confident(first, second)
    return less_a_symbol(first, second)


def more_confident(first: Decoded, second: Decoded) -> Decoded:
    """The more confident reading; the first on a tie."""
    return second if text_confidence(second) > text_confidence(first) else first


def less_a_symbol(first: Decoded, second: Decoded) -> Decoded:
    """The second reading where it is the first's plate characters less one, read more confidently;
    else the first."""
    passed_over = one_fewer(plate_chars(first), plate_chars(second))
    return second if passed_over and more_confident(first, second) is second else first


def plate_chars(decoded: Decoded) -> str:
    """The plate characters of a reading, upper-case, without separators."""
    return "".join(c for c in decoded.text.upper() if c in PLATE_CHARS)


def one_fewer(text: str, shorter: str) -> bool:
    """`shorter` is `text` less one character."""
    return len(shorter) == len(text) - 1 and any(text[:k] + text[k + 1:] == shorter for k in range(len(text)))
