import pytest

from services.ocr.plate_text import PlateText, as_joined_plate, as_plate, drop_words_beside_plates, normalise


def test_normalise_upper_cases_and_drops_separators_with_their_scores():
    plate, foreign = normalise("ab-c 12.3", [0.9, 0.8, 0.1, 0.7, 0.2, 0.6, 0.5, 0.3, 0.4])
    assert plate.text == "ABC123"
    assert plate.char_confidences == [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]
    assert foreign == 0


def test_full_width_characters_become_ascii():
    plate, foreign = normalise("ＡＢ１２", [1.0] * 4)
    assert (plate.text, foreign) == ("AB12", 0)


def test_foreign_characters_are_counted_and_dropped():
    plate, foreign = normalise("京A12345", [0.5] + [0.9] * 6)
    assert (plate.text, foreign) == ("A12345", 1)


@pytest.mark.parametrize("raw", ["ABC1234", "7FDMS6", "AB", "ABCD1234", "abc 123", "京A12345"])
def test_plate_like_texts_are_plates(raw):
    assert as_plate(raw, [0.9] * len(raw)) is not None


@pytest.mark.parametrize("raw", ["A", "", "CALIFORNIA", "ABCD12345", "--", "停车场A1", "©®A1", "IIIIII", "11"])
def test_too_short_too_long_or_foreign_texts_are_not_plates(raw):
    assert as_plate(raw, [0.9] * len(raw)) is None


def test_confidence_is_the_product_of_the_character_confidences():
    assert PlateText("AB1", [1.0, 0.5, 0.6]).confidence == pytest.approx(0.3)
    assert PlateText("", []).confidence == 0.0


def test_letters_only_words_give_way_to_texts_with_digits():
    texts = [PlateText("TOYOTA", [1.0] * 6), PlateText("ABC123", [0.9] * 6), PlateText("XYZ", [1.0] * 3)]
    assert drop_words_beside_plates(texts) == [False, True, False]


def test_letters_only_plate_is_kept_when_alone():
    assert drop_words_beside_plates([PlateText("NUDVHA", [0.9] * 6)]) == [True]
    assert drop_words_beside_plates([]) == []


def test_a_line_read_in_parts_is_one_plate_with_every_character_score():
    plate = as_joined_plate([("PKX", [0.9, 0.8, 0.7]), ("5-12", [0.6, 0.1, 0.5, 0.4])])
    assert plate == PlateText("PKX512", [0.9, 0.8, 0.7, 0.6, 0.5, 0.4])


def test_parts_that_together_are_too_long_or_too_foreign_are_not_one_plate():
    assert as_joined_plate([("ABCD123", [0.9] * 7), ("45", [0.9] * 2)]) is None
    assert as_joined_plate([("京A1", [0.9] * 3), ("停B2", [0.9] * 3)]) is None


@pytest.mark.parametrize("raw", ["Oregon", "NEW YORK", "Texas", "IOWA"])
def test_the_name_of_a_state_across_the_top_of_a_plate_is_not_a_plate(raw):
    assert as_plate(raw, [0.99] * len(raw)) is None
    assert as_joined_plate([("NEW", [0.99] * 3), ("YORK", [0.99] * 4)]) is None


def test_texts_that_merely_contain_a_state_name_are_plates():
    assert as_plate("TEXAS1", [0.9] * 6).text == "TEXAS1"
