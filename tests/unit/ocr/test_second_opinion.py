"""Which texts get a second reading, and which of two readings is kept (pure)."""
import pytest

from services.ocr.ctc import Decoded
from services.ocr.second_opinion import (SURE, kept_reading, less_a_symbol, more_confident,
                                         needs_second_reading, one_fewer, registration_like, text_confidence)


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


def test_registration_like_text_too_unsure_to_report_or_with_one_unsure_character_is_read_again():
    too_unsure = read("W77C2UO", 0.97, 0.99, 0.99, 0.34, 0.97, 0.89, 0.65)
    one_unsure = read("57364", 0.79, 0.99, 0.99, 0.98, 0.99)  # Minnesota's wheelchair read as "5"?
    two_unsure = read("W772UQ", 0.97, 0.89, 0.99, 0.97, 0.89, 0.95)
    sure = read("W772UQ", 0.99, 1.0, 1.0, 0.99, 0.99, 0.99)
    assert text_confidence(too_unsure) < 0.5 < min(text_confidence(one_unsure), text_confidence(two_unsure))
    assert min(one_unsure.char_confidences[1:]) >= SURE > one_unsure.char_confidences[0]
    assert needs_second_reading(too_unsure, 0.5) and needs_second_reading(one_unsure, 0.5)
    assert not needs_second_reading(two_unsure, 0.5) and not needs_second_reading(sure, 0.5)
    assert needs_second_reading(two_unsure, 0.8)  # the reader's threshold, where it is higher
    unsure_dash = read("RK-755AJ", 0.99, 0.99, 0.8, 0.99, 0.99, 0.99, 0.99, 0.99)
    assert not needs_second_reading(unsure_dash, 0.5)  # a separator read unsurely is no symbol read as a character
    assert not needs_second_reading(read("SUNSHINESTATE", *[0.3] * 13), 0.5)  # a slogan, however unsure
    assert not needs_second_reading(read("CITRO", *[0.6] * 5), 0.5)


def test_the_more_confident_reading_is_kept_and_the_first_on_a_tie():
    first, second = read("HALTCO2", 0.99, 0.95, 0.95, 0.59, 0.98, 0.97, 0.91), read("HALTCO2", *[0.99] * 7)
    assert more_confident(first, second) is second
    assert more_confident(second, first) is second
    tie = read("HALTCO2", *first.char_confidences)
    assert more_confident(first, tie) is first
    nothing = read("")
    assert more_confident(nothing, read("")) is nothing


def test_a_text_is_one_fewer_than_another_where_one_character_is_left_out_anywhere():
    assert one_fewer("57364", "7364") and one_fewer("BZM82227", "BZM2227") and one_fewer("ABC1", "ABC")
    assert not one_fewer("BZM82227", "BZM82227")  # the same
    assert not one_fewer("BZM82227", "BZM2226")   # one left out and one changed
    assert not one_fewer("57364", "364")          # two left out
    assert not one_fewer("7364", "57364")         # one more


def test_a_symbol_read_as_a_character_gives_way_to_a_reading_without_it():
    # Minnesota's wheelchair read as "5" before "7364": the second reading passes over it, surely
    first, second = read("57364", 0.79, 0.99, 0.99, 0.98, 0.99), read("7364", 1.0, 1.0, 1.0, 1.0)
    assert less_a_symbol(first, second) is second
    sticker = read("BZM8 22-27", 1.0, 1.0, 1.0, 0.53, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)  # separators do not count
    assert less_a_symbol(sticker, read("BZM22·27", *[0.99] * 8)).text == "BZM22·27"


def test_a_second_reading_that_is_not_the_first_less_one_character_or_less_sure_gives_way():
    first = read("1404MY", 0.97, 0.99, 0.99, 0.97, 0.99, 0.96)
    assert less_a_symbol(first, read("I404MY", *[1.0] * 6)) is first  # a substitution: no better than the first
    assert less_a_symbol(first, read("404MY", 0.9, 0.9, 0.9, 0.9, 0.9)) is first  # one fewer, but less sure
    assert less_a_symbol(first, read("14O4MY", *[1.0] * 6)) is first


def test_the_first_reading_too_unsure_to_report_gives_way_to_a_more_confident_second():
    unsure = read("1404MY", 0.97, 0.99, 0.99, 0.3, 0.99, 0.96)
    substituted = read("I404MY", *[1.0] * 6)
    assert kept_reading(unsure, substituted, 0.5) is substituted
    reportable = read("1404MY", 0.97, 0.99, 0.99, 0.97, 0.99, 0.96)
    assert kept_reading(reportable, substituted, 0.5) is reportable
    assert kept_reading(reportable, read("404MY", *[1.0] * 5), 0.5).text == "404MY"
