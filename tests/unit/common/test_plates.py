import pytest
from hypothesis import given
from hypothesis import strategies as st

from alpr_common.plates import LOOK_ALIKES, canonical_plate, normalize_plate

PLATE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def test_plates_are_normalized_for_comparison():
    assert normalize_plate(" ab-12.3 cd ") == "AB123CD"


@pytest.mark.parametrize("look_alikes, representative", [
    ("0ODQ", "0"), ("8B", "8"), ("1I", "1"), ("5S", "5"), ("2Z", "2"),
])
def test_each_look_alike_class_folds_to_one_representative(look_alikes, representative):
    assert {canonical_plate(c) for c in look_alikes} == {representative}


@pytest.mark.parametrize("first, second", [
    ("ABC123", "A8C1Z3"), ("SO5ABC", "S05A8C"), ("DI2-OB", "01Z0 8"), ("q5z", "O52"),
])
def test_misread_pairs_share_a_canonical_form(first, second):
    assert canonical_plate(first) == canonical_plate(second)


def test_characters_that_are_not_look_alikes_still_differ():
    assert canonical_plate("ABC123") != canonical_plate("ABC124")
    assert canonical_plate("AB1") != canonical_plate("AB7")  # 7 is not in the 1/I class


@given(st.text(PLATE_CHARS, min_size=1, max_size=9))
def test_canonical_form_is_idempotent_and_free_of_folded_letters(text):
    canonical = canonical_plate(text)
    assert canonical_plate(canonical) == canonical
    assert not set(canonical) & set(LOOK_ALIKES)
    assert len(canonical) == len(text)
