"""Demo plate texts: letters and digits that no reader could mistake for one another."""
import random

LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O, Q
DIGITS = "23456789"  # no 0, 1
PLATE_ALPHABET = LETTERS + DIGITS


def plate_text(rng: random.Random) -> str:
    """Three letters then three or four digits, e.g. `KTR4827`."""
    letters = "".join(rng.choice(LETTERS) for _ in range(3))
    digits = "".join(rng.choice(DIGITS) for _ in range(rng.choice((3, 4))))
    return letters + digits


def unique_plates(rng: random.Random, count: int) -> list[str]:
    plates: list[str] = []
    while len(plates) < count:
        text = plate_text(rng)
        if text not in plates:
            plates.append(text)
    return plates
