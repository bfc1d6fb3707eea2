"""Which texts of a frame are plates, by where they lie and how tall they are (pure).

A plate's registration is the tallest text on it; a month or year sticker, a slogan or a dealer's
name on the same plate is much smaller. Such smaller text close to taller text is not a plate.
Regions of one height side by side on one line are groups of one registration, read as one. Lines
of one height set close under each other are a sign's or a banner's, not a plate's.
"""
from services.ocr.geometry import Box

TALLER = 1.5  # a plate's characters are at least this many times the height of its other texts
# A registration's characters are about half as wide as high, with gaps: at most about one text
# height of its box per character, where its groups stand far apart around an emblem. A row of
# shapes spread wider (a building's windows behind a car in the demo's drive, read as "VH": 1.9
# heights per character) is not a text whose plate could carry other text. It changed no read of the
# US plate crops, of them pasted into scenes, or of the scenes at 1280x720 with and without their
# plates (2026-12-06); SPARSE is the only value tried.
SPARSE = 1.5  # text heights of a text's box per character read, beyond which it is not a registration


def on_the_plate_of(small: Box, big: Box) -> bool:
    """small's centre lies on big's plate: big's box grown by big's height on every side."""
    x, y, w, h = big
    cx, cy = small[0] + small[2] / 2, small[1] + small[3] / 2
    return x - h <= cx <= x + w + h and y - h <= cy <= y + 2 * h


def registration_texts(boxes: list[Box], lengths: list[int]) -> list[bool]:
    """Which boxes to keep (each with the number of characters read in it): not those lying on the
    plate of a text TALLER times their height, unless that text is spread too wide for a registration."""
    dense = [box[2] <= SPARSE * box[3] * length for box, length in zip(boxes, lengths)]
    return [not any(big[3] >= TALLER * small[3] and on_the_plate_of(small, big) and big_dense
                    for big, big_dense in zip(boxes, dense)) for small in boxes]


def registrations_of_one_plate(boxes: list[Box]) -> list[bool]:
    """On an image that is one plate (a tight crop), which texts to keep: not those TALLER times
    smaller than the tallest, the registration, wherever they lie: a sticker in a far corner of a
    plate whose registration is short, or only partly read, is further from it than on_the_plate_of
    reaches."""
    tallest = max((box[3] for box in boxes), default=0)
    return [TALLER * box[3] > tallest for box in boxes]


# A car's badges and stickers are on its back above its plate or beside it, none far below it: a
# letters-only text more than BELOW of a registration's text heights below it lies on another car
# (a vanity plate under a sign's number or a car's plate further up the frame). On the 222 EU and BR
# scenes at 1280x720 (with and without their plates) and the US plates pasted into them, every
# letters-only text that gave way to a registration lay at most 1.9 of its heights below it, and four
# vanity plates ("SAMPLE" under a car park's "G1", "CTHULHU" under another car's plate) 6 to 9 below
# it; any value from 2 to 6 sorts them so, and 3 leaves room either side.
BELOW = 3.0


def far_below(text: Box, registration: Box) -> bool:
    """text's middle lies more than BELOW of registration's heights below registration's middle."""
    return text[1] + text[3] / 2 - (registration[1] + registration[3] / 2) > BELOW * registration[3]


def words_kept(has_digit: list[bool], boxes: list[Box]) -> list[bool]:
    """Which texts of one frame to keep: a letters-only text (a make, a model, a sticker) gives way
    to a text with digits, unless it is TALLER times that text's height, as a vanity plate's
    letters ("SQUAW") are beside a trim badge ("LX14") or a sticker's year on the same car, or lies
    far below it, on another car (BELOW)."""
    return [digits or not any(other_digits and TALLER * other[3] > box[3] and not far_below(box, other)
                              for other_digits, other in zip(has_digit, boxes))
            for digits, box in zip(has_digit, boxes)]


# A sign, a banner or a sticker sets its words in lines of one size close under each other ("ESTAMOS"
# over "ABERTOS", two telephone numbers, a date under a photographer's mark); a plate's registration
# is the only line of its size on it: its state's name and slogan are smaller. So a text with another
# line of at least MIN_WORD characters (round glyphs left out: a grille's four rings read as "oOSO")
# of about its size (LINE_SIZE) close above or below it (at most LEADING of its height apart; lines
# overlapping by more than half of it are one line) and under at least UNDER of the narrower's width
# (a sign's lines may be set left, right or centred) is a line of a paragraph, not a registration.
# Measured (2026-12-06): on the 222 EU and BR scenes at 1280x720 with their plates blurred out, 198
# instead of 193 images had no plate reported (199 with is_prose: plate_text.py); fewer texts were
# reported where no plate is labelled (on the US plates pasted into the scenes and on the scenes
# themselves: MODEL_CARD.md); no plate read exactly was lost on any set, and one was won ("GUTSY" no
# longer gave way to a date under it: words_kept). The values are tight because a plate's own
# neighbours come close: the detector's box of California's script name on a close-up (the US crops
# enlarged to 1920 px) was 1/1.23 of the registration's height, and on small plates in scenes the
# boxes of state names are loose (Idaho's 1/1.32); an Audi's rings over a plate in a 1920x1080 frame
# lay 0.42 of its height above it. LINE_SIZE 1.25 and LEADING 0.5 lost those two plates; at 1.15 and
# 0.3, one plate-free image fewer kept its texts out (a sign's "GOSTOU?"). UNDER 0.5 kept a sign's
# right-aligned "EXIT 79B" over its centred "NORTH" (0.38). MIN_WORD is the only value tried.
LINE_SIZE = 1.15  # the larger of two lines' heights over the smaller
LEADING = 0.3     # text heights between two lines of a paragraph, at most
MIN_WORD = 3      # characters of the other line, round glyphs left out
UNDER = 0.3       # the share of the narrower line's width that the two lines share, at least


def next_line_of(text: Box, other: Box) -> bool:
    """other is a line of about text's size set close above or below text, under UNDER of the narrower's width."""
    x, y, w, h = text
    if max(h, other[3]) > LINE_SIZE * min(h, other[3]):
        return False
    gap = max(other[1] - (y + h), y - (other[1] + other[3]))  # negative where the two overlap
    overlap = min(x + w, other[0] + other[2]) - max(x, other[0])
    return -h / 2 <= gap <= LEADING * h and overlap >= UNDER * min(w, other[2])  # overlapping more: one line


def in_a_paragraph(text: Box, others: list[Box], lengths: list[int]) -> bool:
    """Whether text is a line of a paragraph: one of the others (each with the number of characters read
    in it) of at least MIN_WORD characters is its next line (next_line_of)."""
    return any(length >= MIN_WORD and next_line_of(text, other) for other, length in zip(others, lengths))


# A registration is often printed in groups with a gap, a dash or an emblem between them
# ("PKX <pelican> 512"), which the detector finds as separate regions. On a US plate that gap is
# about one character height; the plates of two cars are dozens of character heights apart.
MAX_GAP = 1.5  # in character heights, between groups of one registration


def same_line(left: Box, right: Box) -> bool:
    """right continues left's line: similar height, the same middle, and close beside it on the
    right; it may overlap left (the characters read twice there are kept once: line_text.py), but
    it ends further right."""
    short, tall = sorted((left[3], right[3]))
    if tall >= TALLER * short:
        return False
    middle_offset = abs((left[1] + left[3] / 2) - (right[1] + right[3] / 2))
    gap = right[0] - (left[0] + left[2])
    return middle_offset <= short / 2 and gap <= MAX_GAP * tall and right[0] + right[2] > left[0] + left[2]


def text_lines(boxes: list[Box]) -> list[list[int]]:
    """The boxes' indices grouped into lines of text, each line left to right; every box in one line."""
    lines: list[list[int]] = []
    for i in sorted(range(len(boxes)), key=lambda k: boxes[k][0]):
        line = next((ln for ln in lines if same_line(boxes[ln[-1]], boxes[i])), None)
        if line is None:
            lines.append([i])
        else:
            line.append(i)
    return lines


# The plate around its registration: the DB detector's box hugs the characters, while a plate (and
# the box a person draws around it) has a border, a state name and a slogan around them. From the
# plate standards, the characters' box is about 0.6 of a US plate's height and 0.95 of an EU
# plate's; growing it by PLATE_BORDER of its height on every side (x1.3 in height) brings both to
# within about a quarter of the plate's height (0.78 and 1.24). Where the plate's background runs
# further above and below the characters (panel.background_rows: a US plate's, about half their
# height), the box reaches as far. Measured with `alpr ocr evaluate` (2026-12-07, Xeon), detection
# recall (IoU >= 0.5) before -> after: the 751 US crops 726 -> 733; pasted into the EU and BR scenes
# at their plates' size 731 -> 730 (Nevada's "BATMANX", read "BATHANX", boxed too tall), as wide as
# those plates 730 -> 735, twice as wide (`alpr ocr paste ... 180`: close cars, median 252 px)
# 698 -> 714; the EU, BR and 1280x720 scenes unchanged (their plates' characters fill them), nine
# and four of them to a 3840x2160 and a 1920x1080 frame one fewer each (213 -> 212, 215 -> 214). The
# median IoU of the plates read exactly on a third of the close set rose from 0.68 to 0.73. It costs
# a look at each reported plate's surroundings: 14.70 and 14.87 frames/s against 15.14 and 15.10 on
# the BR bench at 1280x720, in turns. PLATE_REACH (panel.py) is the only value tried. Reaching as
# far on either side as the background's columns run across the characters' rows as well (tried
# later that day) found 3 more of the crops and 4 more of them pasted twice as wide, but 3 fewer of
# the 222 EU and BR scenes at 1280x720 (211 instead of 214): there the box is already about twice
# their plates' height on many, and wider it overlaps the labelled plate less than half.
PLATE_BORDER = 0.15


def plate_box(text: Box, image_height: int, image_width: int, panel_rows: tuple[int, int] | None = None) -> Box:
    """The box of the plate that carries the registration read in `text`, clipped to the image; with
    panel_rows, as far up and down as they run as well (the plate's background above and below its
    characters, panel.background_rows: a US plate's is about twice their height)."""
    x, y, w, h = text
    border = round(PLATE_BORDER * h)
    top, bottom = panel_rows or (y, y + h)
    x0, y0 = max(0, x - border), max(0, min(y - border, top))
    x1, y1 = min(image_width, x + w + border), min(image_height, max(y + h + border, bottom))
    return x0, y0, x1 - x0, y1 - y0


# A plate is made for the longest registration of its series; a shorter one (a low number, a vanity
# word) sits in its middle, and the plate reaches well beyond it on either side. A US plate is about
# 3.5 times as wide as the box the detector draws around its characters is high, an EU plate about 5
# times, so the box of a text of at most SHORT_TEXT characters is widened about its middle to
# MIN_PLATE_WIDTH of its height (the registrations of the EU and BR scenes all have 6 or more), where
# it is at least WIDE_FROM high: below that the detector's box is much taller than the characters
# (its margin is a larger share of small text: an EU plate's 40 px at 1280x720 is boxed 70 px high),
# and 3 of its heights overshoot the plate. Detection recall (IoU >= 0.5, `alpr ocr evaluate`,
# 2026-12-07) before -> after: the 751 US crops 734 -> 742; pasted into the EU and BR scenes twice as
# wide as their plates 720 -> 732, at their plates' size 730 -> 731, as wide as them 735 both; the EU,
# BR and 1280x720 scenes and the 1920x1080 grids unchanged. Widening boxes of any height found one
# more crop and 2 more of those pasted as wide as the scenes' plates, but 2 fewer of those pasted at
# their plates' size (730 -> 728); measured on the boxes alone, 30 px instead of 40 found one fewer of
# the latter, 3.5 text heights instead of 3 one more crop and the same elsewhere, and widening texts
# of at most 4 characters 6 fewer of the close US plates (5-character ones are as often short of
# their plate's width).
SHORT_TEXT = 5
MIN_PLATE_WIDTH = 3.0
WIDE_FROM = 40  # pixels: the height of a short text's box from which it is widened


def as_wide_as_its_plate(text: Box, characters: int, image_width: int) -> Box:
    """The box of a registration's characters, or of a short one (at most SHORT_TEXT characters, at least
    WIDE_FROM high) as wide as the plate it is centred on at least (MIN_PLATE_WIDTH of its height),
    within the image."""
    x, y, w, h = text
    width = min(image_width, round(MIN_PLATE_WIDTH * h))
    if characters > SHORT_TEXT or h < WIDE_FROM or w >= width:
        return text
    left = min(max(0, round(x + w / 2 - width / 2)), image_width - width)
    return left, y, width, h
