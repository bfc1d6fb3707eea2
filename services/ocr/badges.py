"""Text on a car's back that is not its registration: the make's badge, the country sticker (pure).

A badge is text like a registration's: letters, large and clear, on the back of the car; so is the
oval sticker with the distinguishing sign of the country of registration ("SK", "CZ", "GB"). Where a
frame's plate is read, letters-only text gives way to it (plate_layout.words_kept);
where the plate is hidden, dirty or out of the frame, the badge or the sticker would be reported as
the plate, and one read on two cars would chalk them as one car. So neither the name of a make nor
a country's sign of two or three letters is ever a plate, as a state's name is not. Makes are
compared after look-alike folding ("T0Y0TA", "F0RD"); signs only with O and 0 as one, as folded they
would be pairs of digits ("IS" is "15"). Model names (thousands, many of them also plausible plates)
are not listed. The engine's size in litres ("2.0", "1.6", "1.8T", "2.0 TDI") is a badge too:
without its decimal point it passes for a plate of two digits, while no registration is one digit,
a decimal point, one digit and at most a few letters. (On the 222 EU and BR scenes with their
plates blurred out, two "2.0" badges were reported as plate "20"; two more beside the BR plates.)
"""
import re
import unicodedata

from alpr_common.plates import canonical_plate

MAKES = (
    "ACURA", "ALFA ROMEO", "AUDI", "BENZ", "BMW", "BUICK", "BYD", "CADILLAC", "CHERY", "CHEVROLET", "CHEVY",
    "CHRYSLER", "CITROEN", "CUPRA", "DACIA", "DAEWOO", "DAIHATSU", "DODGE", "FERRARI", "FIAT", "FORD", "GEELY",
    "GMC", "HONDA", "HUMMER", "HYUNDAI", "INFINITI", "ISUZU", "IVECO", "JAC", "JAGUAR", "JEEP", "KIA", "LADA",
    "LANCIA", "LEXUS", "LINCOLN", "LOTUS", "MAZDA", "MERCEDES", "MERCEDES-BENZ", "MERCURY", "MINI", "MITSUBISHI",
    "NISSAN", "OLDSMOBILE", "OPEL", "PEUGEOT", "PLYMOUTH", "PONTIAC", "PORSCHE", "RENAULT", "ROVER", "SAAB",
    "SATURN", "SCION", "SEAT", "SKODA", "SMART", "SSANGYONG", "SUBARU", "SUZUKI", "TESLA", "TOYOTA", "TROLLER",
    "VAUXHALL", "VOLKSWAGEN", "VOLVO",
)
# Distinguishing signs of vehicles in international traffic (the 1949 and 1968 conventions) of two
# or three letters, for the countries of Europe and the Americas and a few more; one letter is never
# a plate anyway.
COUNTRY_SIGNS = (
    "AL", "AND", "ARM", "AUS", "AZ", "BG", "BIH", "BR", "BY", "CDN", "CH", "CY", "CZ", "DK", "EST", "FIN", "GB",
    "GBA", "GBG", "GBJ", "GBM", "GBZ", "GE", "GR", "HR", "IL", "IND", "IRL", "IS", "KZ", "LT", "LV", "MA", "MC",
    "MD", "MEX", "MK", "MNE", "NL", "NMK", "NZ", "PL", "RA", "RCH", "RO", "ROU", "RSM", "RUS", "SK", "SLO",
    "SRB", "TR", "UA", "UK", "USA", "ZA",
)
MAKE_NAMES = frozenset(canonical_plate(name.replace(" ", "")) for name in MAKES)
ENGINE_SIZE = re.compile(r"\d[.,]\d\s*[A-Z]{0,4}")  # litres, then perhaps a letter or a short name


def is_engine_size(raw: str) -> bool:
    """`raw` (a text as read, separators and all) is an engine's size in litres ("2.0", "1.8T", "2.0 TDI")."""
    return ENGINE_SIZE.fullmatch(unicodedata.normalize("NFKC", raw).strip().upper()) is not None


def is_badge(text: str) -> bool:
    """`text` (upper-case plate characters) is a make's name, perhaps read with look-alikes, or a country's sign."""
    return canonical_plate(text) in MAKE_NAMES or text.replace("0", "O") in COUNTRY_SIGNS
