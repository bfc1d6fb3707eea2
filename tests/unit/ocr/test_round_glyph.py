import pytest
from hypothesis import given, strategies as st

from services.ocr.round_glyph import has_a_digit_not_round, spell_round_glyphs


@pytest.mark.parametrize("read, spelled", [
    ("355C0T", "355COT"),    # three digits and three letters: among the letters it is O
    ("5A0J230", "5AOJ230"),  # digit, letters, digits: O among the letters, 0 among the digits
    ("0QK466", "OQK466"),    # at the start of the letters
    ("471NZ0", "471NZO"),    # at the end of the letters
    ("ABC1O23", "ABC1023"),  # among digits it is 0
    ("HYDRO1", "HYDR01"),    # between a letter and a digit
    ("3550CT", "3550CT"),    # (so also where a group of letters meets one of digits)
    ("CUSTOM", "CUST0M"),    # a plate of letters only: the folded form
    ("M00SE", "M00SE"),
    ("MOOSE", "M00SE"),
    ("BT000", "BT000"),      # no digit but round glyphs
    ("ABC123", "ABC123"),    # nothing round: unchanged
])
def test_the_round_glyph_is_spelled_by_the_plates_layout(read, spelled):
    assert spell_round_glyphs(read) == spelled


def test_o_and_0_read_either_way_spell_the_same():
    assert spell_round_glyphs("444N0Q") == spell_round_glyphs("444NOQ") == "444NOQ"


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", max_size=8))
def test_spelling_keeps_every_other_character_and_is_settled_once_spelled(text):
    spelled = spell_round_glyphs(text)
    assert [c for c in spelled if c not in "O0"] == [c for c in text if c not in "O0"]
    assert [c in "O0" for c in spelled] == [c in "O0" for c in text]
    assert spell_round_glyphs(spelled) == spelled


@pytest.mark.parametrize("text, has", [("G0L", False), ("T0URAN", False), ("SQUAW", False), ("GOL1", True),
                                       ("5AOJ230", True), ("00000", False)])
def test_a_text_of_letters_and_round_glyphs_has_no_digit_but_them(text, has):
    assert has_a_digit_not_round(text) is has
