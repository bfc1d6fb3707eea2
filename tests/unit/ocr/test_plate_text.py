import pytest

from services.ocr.plate_text import PlateText, as_plate, is_prose, kept_indexes, normalise


def test_normalise_upper_cases_and_drops_separators_with_their_scores():
    plate, foreign = normalise("ab-c 12.3", [0.9, 0.8, 0.1, 0.7, 0.2, 0.6, 0.5, 0.3, 0.9])
    assert plate.text == "ABC123"
    assert plate.char_confidences == [0.9, 0.8, 0.7, 0.6, 0.5, 0.9]
    assert foreign == 0


@pytest.mark.parametrize("raw", ["CU*N*AZ", "CU+N+AZ"])
def test_punctuation_and_symbols_between_groups_are_separators(raw):
    # Arizona's cacti between "CU", "N" and "AZ", read as asterisks in a crop and as plus signs in a scene
    plate, foreign = normalise(raw, [0.98, 1.0, 0.83, 0.98, 0.94, 0.98, 0.98])
    assert (plate.text, foreign) == ("CUNAZ", 0)
    assert plate.char_confidences == [0.98, 1.0, 0.98, 0.98, 0.98]


def test_full_width_characters_become_ascii():
    plate, foreign = normalise("ＡＢ１２", [1.0] * 4)
    assert (plate.text, foreign) == ("AB12", 0)


def test_the_indexes_kept_are_those_of_the_characters_normalise_keeps():
    raw, confidences = "京ａb-C 1x2", [0.9, 0.9, 0.8, 0.9, 0.3, 0.9, 0.7, 0.9, 0.6]
    assert [raw[k] for k in kept_indexes(raw, confidences)] == ["ａ", "b", "1", "x", "2"]  # "C" is unsure: a mark
    assert normalise(raw, confidences)[0].text == "AB1X2"


def test_foreign_characters_are_counted_and_dropped():
    plate, foreign = normalise("京A12345", [0.5] + [0.9] * 6)
    assert (plate.text, foreign) == ("A12345", 1)


@pytest.mark.parametrize("raw", ["ABC1234", "7FDMS6", "AB", "ABCD1234", "Abc 123", "xcv 123", "京A12345", "5555"])
def test_plate_like_texts_are_plates(raw):
    assert as_plate(raw, [0.9] * len(raw)) is not None


@pytest.mark.parametrize("raw", ["A", "", "CALIFORNIA", "ABCD12345", "--", "停车场A1", "ÄÖA1", "IIIIII", "11", "OOOO", "22", "777"])
def test_too_short_too_long_or_foreign_texts_are_not_plates(raw):
    assert as_plate(raw, [0.9] * len(raw)) is None


@pytest.mark.parametrize("raw", ["SWEETTHING", "BIG CHEESE", "#1TARHEELS", "JUSTMAUI'D"])
def test_a_vanity_plates_words_may_run_to_ten_characters(raw):
    assert as_plate(raw, [0.9] * len(raw)) is not None


@pytest.mark.parametrize("raw", ["SKBB135BO", "5551234567", "SWEETTHINGS", "AB12CD34E"])
def test_more_than_eight_characters_that_are_not_words_are_not_plates(raw):
    """A registration beside an EU plate's country letters, a phone number, eleven letters."""
    assert as_plate(raw, [0.9] * len(raw)) is None


def test_confidence_is_the_product_of_the_character_confidences():
    assert PlateText("AB1", [1.0, 0.5, 0.6]).confidence == pytest.approx(0.3)
    assert PlateText("", []).confidence == 0.0


def test_an_unsure_character_is_dropped_as_a_mark_and_doubts_the_plate():
    # "H" read at 0.4 at a plate's left edge is more likely a bolt than a character
    plate = as_plate("HAAAC", [0.4, 0.99, 0.99, 0.97, 0.99])
    assert plate.text == "AAAC"
    assert plate.char_confidences == [0.99, 0.99, 0.97, 0.99]
    assert plate.confidence == pytest.approx(0.99 * 0.99 * 0.97 * 0.99 * (1 - 0.4))


def test_a_plate_has_at_most_one_mark_or_foreign_character():
    assert as_plate("X7ABC12Y", [0.3] + [0.9] * 6 + [0.3]) is None
    assert as_plate("京7ABC12Y", [0.9] * 7 + [0.3]) is None


@pytest.mark.parametrize("raw", ["Oregon", "NEW YORK", "Texas", "IOWA", "0HI0", "TEXA5", "1OWA"])
def test_the_name_of_a_state_across_the_top_of_a_plate_is_not_a_plate(raw):
    assert as_plate(raw, [0.99] * len(raw)) is None


@pytest.mark.parametrize("raw", ["FIAT", "T0Y0TA", "F0RD", "CITR0EN", "RENAULT", "VOLKSWAGEN", "Mercedes-Benz"])
def test_a_make_on_a_cars_badge_is_not_a_plate(raw):
    assert as_plate(raw, [0.99] * len(raw)) is None


@pytest.mark.parametrize("raw", ["SK", "CZ", "GB", "USA", "R0U"])
def test_a_country_sticker_is_not_a_plate(raw):
    assert as_plate(raw, [0.99] * len(raw)) is None


@pytest.mark.parametrize("raw", ["2.0", "1,6", "1.8T", "2.0 TDI", "1.6 HDi"])
def test_an_engines_size_on_its_badge_is_not_a_plate(raw):
    assert as_plate(raw, [0.99] * len(raw)) is None


@pytest.mark.parametrize("raw, text", [("20", "20"), ("1.2ABC34", "12ABC34"), ("AB.2.0", "AB20"), ("2.05", "205")])
def test_digits_with_a_dot_that_are_not_an_engines_size_are_plates(raw, text):
    assert as_plate(raw, [0.99] * len(raw)).text == text


def test_digits_that_look_like_a_country_sign_are_plates():
    assert as_plate("15", [0.99, 0.99]).text == "15"  # "IS" with look-alikes folded
    assert as_plate("SK1", [0.99] * 3).text == "SK1"


def test_texts_that_merely_contain_a_make_are_plates():
    assert as_plate("FORD1", [0.9] * 5).text == "FORD1"
    assert as_plate("KIAB", [0.9] * 4).text == "KIAB"


def test_texts_that_merely_contain_a_state_name_are_plates():
    assert as_plate("TEXAS1", [0.9] * 6).text == "TEXAS1"


@pytest.mark.parametrize("raw", ["The Art", "ntertim", "Berlingo", "Terra Forte"])
def test_words_set_in_lower_case_are_not_plates(raw):
    # a banner's "The Art of Entertainment" read in two regions, a model's badge, its edition's
    assert is_prose(raw)
    assert as_plate(raw, [0.99] * len(raw)) is None


@pytest.mark.parametrize("raw", ["y5555", "MIKROSa", "swoc 12", "l1I0l1"])
def test_one_lower_case_letter_or_letters_drawn_like_capitals_are_no_prose(raw):
    # a model reads a capital as lower case now and then; "c", "o", "s", "w" are drawn like theirs,
    # and a thin "l" or "i" may be an I or a 1
    assert not is_prose(raw)
