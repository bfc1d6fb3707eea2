import numpy as np
import pytest

from services.ocr.ctc import ctc_greedy_decode

ALPHABET = ["<blank>", "A", "B", "1", " "]


def steps(*rows):
    """One softmax-like row per time step, from (class, probability) pairs; the rest share what is left."""
    probs = np.zeros((len(rows), len(ALPHABET)), np.float32)
    for t, (cls, p) in enumerate(rows):
        probs[t] = (1 - p) / (len(ALPHABET) - 1)
        probs[t, cls] = p
    return probs


def test_repeats_collapse_and_blanks_separate_equal_characters():
    decoded = ctc_greedy_decode(steps((1, .9), (1, .8), (0, .9), (1, .7), (2, .6), (0, .99), (3, .95)), ALPHABET)
    assert decoded.text == "AAB1"
    assert decoded.char_confidences == pytest.approx([0.9, 0.7, 0.6, 0.95])


def test_a_character_takes_the_best_probability_of_its_run():
    decoded = ctc_greedy_decode(steps((2, .5), (2, .97), (2, .6)), ALPHABET)
    assert decoded.text == "B"
    assert decoded.char_confidences == pytest.approx([0.97])


def test_all_blank_decodes_to_nothing():
    decoded = ctc_greedy_decode(steps((0, .9), (0, .8)), ALPHABET)
    assert decoded.text == "" and decoded.char_confidences == []


def test_space_is_a_character_like_any_other():
    assert ctc_greedy_decode(steps((1, .9), (4, .8), (3, .9)), ALPHABET).text == "A 1"


def test_a_character_lies_in_the_middle_of_its_run_within_the_text():
    rows = ((1, .9), (1, .9), (0, .9), (2, .9), (0, .9), (0, .9), (0, .9), (0, .9))
    decoded = ctc_greedy_decode(steps(*rows), ALPHABET, text_fraction=0.5)  # the last 4 steps are padding
    assert decoded.char_positions == pytest.approx([1 / 4, 7 / 8])


def test_classes_drawn_alike_decode_as_one_with_their_probability_together():
    alphabet = ["<blank>", "O", "0", "A"]
    probs = np.array([[0.0, 0.25, 0.35, 0.4],    # "O" and "0" together (0.6) beat "A"
                      [0.45, 0.35, 0.2, 0.0],    # and the blank: the same character goes on
                      [0.9, 0.05, 0.05, 0.0]], np.float32)
    decoded = ctc_greedy_decode(probs, alphabet, one_glyph=(1, 2))
    assert decoded.text == "0"  # printed as the likelier of the two at the character's best step
    assert decoded.char_confidences == pytest.approx([0.6])
    assert decoded.char_positions == pytest.approx([1 / 3])  # steps 0 and 1 of 3
    assert ctc_greedy_decode(probs, alphabet).text == "A"
