"""CTC greedy decoding with a confidence and a position for every character (pure)."""
from dataclasses import dataclass

import numpy as np

BLANK = 0


@dataclass(frozen=True)
class Decoded:
    text: str
    char_confidences: list[float]
    char_positions: list[float]  # each character's centre, as a fraction of the text's width (0 to 1)

    def without(self, dropped: set[int]) -> "Decoded":
        """The text less the characters at the indexes in `dropped`, each kept with its confidence and position."""
        kept = [k for k in range(len(self.text)) if k not in dropped]
        return Decoded("".join(self.text[k] for k in kept), [self.char_confidences[k] for k in kept],
                       [self.char_positions[k] for k in kept])


def ctc_greedy_decode(probabilities: np.ndarray, alphabet: list[str], text_fraction: float = 1.0,
                      one_glyph: tuple[int, ...] = ()) -> Decoded:
    """Best class per time step, repeats collapsed, blanks dropped.

    probabilities: (time steps, classes), each row a softmax. A character's confidence is the
    highest probability over the run of time steps that produced it; its position is the middle of
    that run. text_fraction: the share of the time steps that covers the text (the rest is padding).
    one_glyph: classes drawn alike (the letter O and the digit 0 on many plates), decoded as one
    class whose probability is theirs together; the character printed is the likelier of them (a
    reported plate spells it anew by its layout: round_glyph.py).
    """
    best = probabilities.argmax(axis=1)
    scores = probabilities.max(axis=1)
    if one_glyph:
        together = probabilities[:, one_glyph].sum(axis=1)
        glyph = np.isin(best, one_glyph) | (together > scores)
        best[glyph], scores[glyph] = one_glyph[0], together[glyph]
    chars, confidences, runs = [], [], []
    previous = BLANK
    for step, (index, score) in enumerate(zip(best.tolist(), scores.tolist())):
        if index == previous and index != BLANK:
            runs[-1][1] = step
            if score > confidences[-1]:
                confidences[-1], chars[-1] = score, alphabet[likeliest(probabilities[step], index, one_glyph)]
        elif index != BLANK:
            chars.append(alphabet[likeliest(probabilities[step], index, one_glyph)])
            confidences.append(score)
            runs.append([step, step])
        previous = index
    text_steps = len(best) * text_fraction
    positions = [min(1.0, (first + last + 1) / 2 / text_steps) for first, last in runs]
    return Decoded("".join(chars), [float(c) for c in confidences], positions)


def likeliest(step: np.ndarray, index: int, one_glyph: tuple[int, ...]) -> int:
    """The class to print for `index` at one step: itself, or the likeliest class of one glyph."""
    if one_glyph and index == one_glyph[0]:
        return max(one_glyph, key=lambda k: step[k])
    return index
