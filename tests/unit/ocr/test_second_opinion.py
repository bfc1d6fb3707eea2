"""Which texts get a second reading, and which of two readings is kept (pure)."""
import pytest

from services.ocr.ctc import Decoded
from services.ocr.second_opinion import more_confident, needs_second_reading, registration_like, text_confidence


def read(text: str, *confidences: float) -> Decoded:
    return Decoded(text, list(confidences), [(k + 0.5) / len(text) for k in range(len(text))])


def test_the_confidence_of_a_text_is_the_chance_every_character_is_right():
    assert text_confidence(read("AB1", 0.9, 0.5, 1.0)) == pytest.approx(0.45)
    assert text_confidence(read("")) == 0.0


@pytest.mark.parametrize("text, expected", [
    ("7", True),                # one group of a plate printed in parts
    ("KTR 4827", True),
    ("ABCD12345", True),        # nine: a plate of eight with one mark
    ("ABCD123456", False),      # more than a plate holds
    ("FELICIA", False),         # letters alone: more often a word than a plate
    ("Massachusetts", False),
    ("·-:", False),             # no plate character
    ("", False),
])
def test_registration_like_texts(text, expected):
    assert registration_like(read(text, *[0.9] * len(text))) is expected


def test_only_plate_like_text_too_unsure_to_report_is_read_again():
    assert needs_second_reading(read("W77C2UO", 0.97, 0.99, 0.99, 0.34, 0.97, 0.89, 0.65), 0.5)
    assert not needs_second_reading(read("W772UQ", 0.97, 0.99, 0.99, 0.97, 0.89, 0.95), 0.5)
    assert not needs_second_reading(read("SUNSHINESTATE", *[0.3] * 13), 0.5)  # a slogan, however unsure
    assert not needs_second_reading(read("CITRO", *[0.6] * 5), 0.5)
    assert needs_second_reading(read("W772UQ", 0.97, 0.99, 0.99, 0.97, 0.89, 0.95), 0.9)  # the reader's threshold


def test_the_more_confident_reading_is_kept_and_the_first_on_a_tie():
    first, second = read("HALTCO2", 0.99, 0.95, 0.95, 0.59, 0.98, 0.97, 0.91), read("HALTCO2", *[0.99] * 7)
    assert more_confident(first, second) is second
    assert more_confident(second, first) is second
    tie = read("HALTCO2", *first.char_confidences)
    assert more_confident(first, tie) is first
    nothing = read("")
    assert more_confident(nothing, read("")) is nothing
