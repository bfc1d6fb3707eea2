"""Whether a plate's round glyph is spelled as the letter O or the digit 0 (pure).

Many US plates draw the letter O and the digit 0 alike, and the recognizer decodes them as one glyph
(ctc.py), so the image rarely says which of the two a plate carries; the plate's layout does, as it
does for plate readers that check a registration against the serial formats. A standard plate is
printed in groups of letters and of digits ("5AOJ230", "444 NOQ", "OQK 466"): a round glyph whose
nearest other characters are letters (on both sides, or on its one side at an end of the plate) is
the letter O. Everywhere else it is the digit 0, the form the pipeline folds both to
(alpr_common.plates): among digits, where a group of letters meets one of digits ("355 OCT" reads
"3550CT": the layout cannot tell), and on a plate of letters only (a personalised "CUST0M", where
the owner could have chosen either).

A Q is read as the round glyph on 5 of the 27 US plate crops that have one (Mississippi's "FSQ 769").
Its tail makes its ink unlike itself turned half a turn, as an O, a 0 or a slashed 0 is not; but
measured on the crops' characters cut at the reader's positions, the Qs' median unlikeness was
0.44 and a tenth of the 0s' 0.9 or more (a neighbour's ink in the cut), so nothing is spelled Q.
"""
ROUND = frozenset("O0")


def spell_round_glyphs(text: str) -> str:
    """`text` with each O or 0 spelled as the plate's layout says (upper-case A-Z0-9 text)."""
    has_digits = has_a_digit_not_round(text)
    return "".join(("O" if has_digits and among_letters(text, i) else "0") if c in ROUND else c
                   for i, c in enumerate(text))


def has_a_digit_not_round(text: str) -> bool:
    """`text` has a digit other than 0 (which may be the letter O): it is not of letters only."""
    return any(c.isdigit() and c not in ROUND for c in text)


def as_one_glyph(char: str) -> str:
    """The letter O and the digit 0 as one character (to count votes for either as one)."""
    return "0" if char in ROUND else char


def round_glyphs_as_one(text: str) -> str:
    """`text` with every O and 0 as one character (to compare two readings whatever their layout spelled)."""
    return "".join(as_one_glyph(c) for c in text)


def among_letters(text: str, index: int) -> bool:
    """The nearest characters other than round glyphs on either side of `index` are letters."""
    left = next((c for c in reversed(text[:index]) if c not in ROUND), None)
    right = next((c for c in text[index + 1:] if c not in ROUND), None)
    beside = [c for c in (left, right) if c is not None]
    return bool(beside) and all(c.isalpha() for c in beside)
