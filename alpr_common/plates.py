"""Plate text as it is tokenized: normalized, then with look-alike characters folded together.

Readers confuse 0/O/D/Q, 8/B, 1/I, 5/S and 2/Z. Folding each class to one representative gives a
canonical form; two reads of the same plate that differ only by such confusions share it, and so
share their token (alpr_common.crypto.token), by which the rules key chalks, permits and case ids.
The text shown to officers stays the text as read.
"""
import re

LOOK_ALIKES = {"O": "0", "D": "0", "Q": "0", "B": "8", "I": "1", "S": "5", "Z": "2"}
_FOLD = str.maketrans(LOOK_ALIKES)
_SEPARATORS = re.compile(r"[\s.\-]")


def normalize_plate(text: str) -> str:
    """Plates compare without spaces, dashes or dots, in upper case: 'ab-123 c' == 'AB123C'."""
    return _SEPARATORS.sub("", text).upper()


def canonical_plate(text: str) -> str:
    """'A8C-1Z3' and 'abc 123' both give 'A8C123': one representative per look-alike class."""
    return normalize_plate(text).translate(_FOLD)
