"""CTC greedy decoding with a confidence for every character (pure)."""
from dataclasses import dataclass

import numpy as np

BLANK = 0


@dataclass(frozen=True)
class Decoded:
    text: str
    char_confidences: list[float]


def ctc_greedy_decode(probabilities: np.ndarray, alphabet: list[str]) -> Decoded:
    """Best class per time step, repeats collapsed, blanks dropped.

    probabilities: (time steps, classes), each row a softmax. A character's confidence is the
    highest probability over the run of time steps that produced it.
    """
    best = probabilities.argmax(axis=1)
    scores = probabilities.max(axis=1)
    chars, confidences = [], []
    previous = BLANK
    for index, score in zip(best.tolist(), scores.tolist()):
        if index == previous and index != BLANK:
            confidences[-1] = max(confidences[-1], score)
        elif index != BLANK:
            chars.append(alphabet[index])
            confidences.append(score)
        previous = index
    return Decoded("".join(chars), [float(c) for c in confidences])
