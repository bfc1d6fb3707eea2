"""Scoring plate reads against labels (pure): exact match, O/0 folded, detection recall, by state,
over the images with a plate; plates reported on images labelled as having none (false plates), and
on scenes with a plate, plates reported where none is labelled (another car's unlabelled plate, or a
sign or a badge read as one)."""
from collections import Counter
from dataclasses import dataclass

from services.ocr.alignment import edit_distance
from services.ocr.evaluation.labels import Label
from services.ocr.geometry import Box, iou

MIN_IOU = 0.5  # a labelled plate counts as detected when a reported box overlaps it at least this much


@dataclass(frozen=True)
class Outcome:
    label: Label
    read: str               # the text reported for the labelled plate; "" when none was
                            # (on an image with no plate: the first plate reported)
    detected: bool | None   # None when the label gives no box
    unlabelled: tuple[str, ...] = ()  # plates reported on the image overlapping none of its labelled
                                      # boxes: on the outcome of its first label only, counted once
    first: str = ""         # the first plate reported, where it is this label's (overlaps its box, or a crop)

    @property
    def exact(self) -> bool:
        return self.read == self.label.text

    @property
    def exact_first(self) -> bool:
        """Read exactly as the first plate reported: what a scorer taking one plate an image sees."""
        return self.first == self.label.text

    @property
    def folded(self) -> bool:
        return fold_o_zero(self.read) == fold_o_zero(self.label.text)


@dataclass(frozen=True)
class Scores:
    images: int        # images with a plate: every figure down to failures counts these only
    exact: int
    exact_first: int   # of those, reported first (Outcome.exact_first)
    folded: int        # matches once the letter O and the digit 0 count as one character
    boxes: int         # labels that give a box
    detected: int      # of those, found with IoU >= MIN_IOU
    by_state: dict[str, tuple[int, int]]  # state -> (exact, images)
    misreads: list[Outcome]
    failures: dict[str, int]  # failure_kind -> misreads of that kind
    no_plate_images: int      # images labelled as having no plate
    false_plates: list[Outcome]  # those of them on which a plate was reported
    unlabelled_plates: list[tuple[str, str]]  # (file, text) of plates reported on scenes with a plate
                                              # where none is labelled


def fold_o_zero(text: str) -> str:
    return text.replace("O", "0")


def outcome(label: Label, plates: list[tuple[str, Box]], crop: Box | None = None) -> Outcome:
    """Plates are (text, box), as the reader reports them (largest first). With a labelled box, the
    read is the plate overlapping it most (any overlap); without one (a crop, an image with no
    plate), the first plate. A crop's plate is detected when that plate's box overlaps `crop`, the whole
    image, with IoU >= MIN_IOU (a tight crop is the plate's box)."""
    if label.box is None:
        read = plates[0] if plates else ("", (0, 0, 0, 0))
        detected = None if crop is None or not label.has_plate else iou(read[1], crop) >= MIN_IOU
        return Outcome(label, read[0], detected, first=read[0])
    overlaps = [(iou(box, label.box), text) for text, box in plates]
    best_iou, best_text = max(overlaps, default=(0.0, ""))
    first = plates[0][0] if overlaps and overlaps[0][0] > 0 else ""
    return Outcome(label, best_text if best_iou > 0 else "", best_iou >= MIN_IOU, first=first)


def unlabelled_plates(labels: list[Label], plates: list[tuple[str, Box]]) -> tuple[str, ...]:
    """The texts of the plates that overlap none of the labelled boxes of one image's labels; () for
    a crop or an image without a labelled plate."""
    boxes = [label.box for label in labels if label.has_plate and label.box is not None]
    if not boxes:
        return ()
    return tuple(text for text, box in plates if all(iou(box, labelled) == 0 for labelled in boxes))


def failure_kind(o: Outcome) -> str:
    """Why a misread is wrong, in the first of these words that fits."""
    if not o.read:
        return "nothing read"
    if o.folded:
        return "O/0 only"
    if edit_distance(o.read, o.label.text) > len(o.label.text) // 2:
        return "other text read"  # a slogan, a year, a sticker, or mostly wrong
    if len(o.read) != len(o.label.text):
        return "characters dropped" if len(o.read) < len(o.label.text) else "characters added"
    return "characters confused"


def tally_by_state(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """state -> (exact reads, images), for the labels that name a state."""
    totals = Counter(o.label.state for o in outcomes if o.label.state)
    exact = Counter(o.label.state for o in outcomes if o.label.state and o.exact)
    return {state: (exact[state], totals[state]) for state in sorted(totals)}


def score(outcomes: list[Outcome]) -> Scores:
    plated = [o for o in outcomes if o.label.has_plate]
    no_plate = [o for o in outcomes if not o.label.has_plate]
    boxed = [o for o in plated if o.detected is not None]
    return Scores(images=len(plated), exact=sum(o.exact for o in plated),
                  exact_first=sum(o.exact_first for o in plated), folded=sum(o.folded for o in plated),
                  boxes=len(boxed), detected=sum(bool(o.detected) for o in boxed),
                  by_state=tally_by_state(plated), misreads=[o for o in plated if not o.exact],
                  failures=dict(Counter(failure_kind(o) for o in plated if not o.exact).most_common()),
                  no_plate_images=len(no_plate), false_plates=[o for o in no_plate if o.read],
                  unlabelled_plates=[(o.label.file, text) for o in plated for text in o.unlabelled])
