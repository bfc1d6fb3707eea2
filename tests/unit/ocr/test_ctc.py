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
