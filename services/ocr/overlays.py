"""Text a camera prints on its own frames: the date and the time of capture (pure).

Dash and traffic cameras stamp each frame with its date and time ("2026-12-02 13:45:12",
"12/02/2026", "01:45 PM"). Without their separators, "13:45:12" and "02.12.2026" would pass for
plates of six and eight digits. A registration has no colon, and no US or European registration is
three groups of digits shaped as a date, so a text that is dates and times alone is not a plate.
"""
import re
import unicodedata

_DATE = r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]\.?M\.?)?"
_STAMP = re.compile(rf"(?:{_DATE}|{_TIME})(?:[\s,]+(?:{_DATE}|{_TIME}))*")


def is_date_or_time(raw: str) -> bool:
    """`raw` (a text as read, separators and all) is a date, a time of day, or several of them."""
    return _STAMP.fullmatch(unicodedata.normalize("NFKC", raw).strip().upper()) is not None
