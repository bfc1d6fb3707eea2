"""One text for a line of text read in several regions (pure).

The detector often finds one registration as two regions, and where the regions overlap, a
character in the overlap is read twice: once at the end of the left region and once at the start
of the right ("DB3" and "3043" for "DB 3043"). Each character carries its position in the frame,
so characters of different regions at one place are recognised as one, and the more confident
reading of it is kept.

A region in which no character is read with any confidence is a drawing the detector took for
text (an emblem, a state's outline): it holds the line together but adds no characters.
"""
from services.ocr.ctc import Decoded
from services.ocr.geometry import Box
from services.ocr.plate_text import UNSURE

# Two characters closer than this, in character heights, are one character read twice. Neighbouring
# characters on a plate are at least about 0.4 character heights apart (centre to centre).
SAME_PLACE = 0.25


def is_drawing(decoded: Decoded) -> bool:
    """No character of the region is read with even UNSURE confidence."""
    return max(decoded.char_confidences, default=0.0) < UNSURE


def join_line(pieces: list[tuple[Decoded, Box]]) -> Decoded:
    """The text of a line read in `pieces` (each a region's text and its box in the frame), in
    reading order, each character once. Positions are fractions of the joined line's box."""
    placed = sorted((x + position * w, confidence, char, k)
                    for k, (decoded, (x, _, w, _)) in enumerate(pieces) if not is_drawing(decoded)
                    for char, confidence, position in zip(decoded.text, decoded.char_confidences,
                                                          decoded.char_positions))
    height = min(h for _, (_, _, _, h) in pieces)
    kept: list[tuple[float, float, str, int]] = []
    for char in placed:
        if kept and kept[-1][3] != char[3] and char[0] - kept[-1][0] < SAME_PLACE * height:
            if char[1] > kept[-1][1]:
                kept[-1] = char
            continue
        kept.append(char)
    left = min(x for _, (x, _, _, _) in pieces)
    width = max(x + w for _, (x, _, w, _) in pieces) - left
    return Decoded("".join(c for _, _, c, _ in kept), [p for _, p, _, _ in kept],
                   [(x - left) / width for x, _, _, _ in kept])
