"""CTC greedy decoding with a confidence and a position for every character (pure)."""
from dataclasses import dataclass

import numpy as np

BLANK = 0


@dataclass(frozen=True)
class Decoded:
    text: str
    char_confidences: list[float]
    char_positions: list[float]  # each character's centre, as a fraction of the text's width (0 to 1)


def ctc_greedy_decode(probabilities: np.ndarray, alphabet: list[str], text_fraction: float = 1.0) -> Decoded:
    """Best class per time step, repeats collapsed, blanks dropped.

    probabilities: (time steps, classes), each row a softmax. A character's confidence is the
    highest probability over the run of time steps that produced it; its position is the middle of
    that run. text_fraction: the share of the time steps that covers the text (the rest is padding).
    """
    best = probabilities.argmax(axis=1)
    scores = probabilities.max(axis=1)
    chars, confidences, runs = [], [], []
    previous = BLANK
    for step, (index, score) in enumerate(zip(best.tolist(), scores.tolist())):
        if index == previous and index != BLANK:
            confidences[-1] = max(confidences[-1], score)
            runs[-1][1] = step
        elif index != BLANK:
            chars.append(alphabet[index])
            confidences.append(score)
            runs.append([step, step])
        previous = index
    text_steps = len(best) * text_fraction
    positions = [min(1.0, (first + last + 1) / 2 / text_steps) for first, last in runs]
    return Decoded("".join(chars), [float(c) for c in confidences], positions)
