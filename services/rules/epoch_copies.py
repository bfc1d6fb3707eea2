"""A read is judged once per token it carries; which of its copies may open a case.

Epochs overlap by ALPR_EPOCH_OVERLAP_HOURS, so any two sightings at most that far apart share an
epoch. A read inside an overlap carries a token under each of the two epochs and is judged twice,
once in each epoch's chalks. The older epoch sees every sighting the newer one does there, so only
its copy opens cases; the newer epoch's copy still chalks (for the sightings after the overlap) and
remembers a violation it finds as left to the older epoch, so that a later sighting of the same
car, zone, day and rule does not open it a second time under the newer token.
"""
from dataclasses import dataclass

from alpr_common.crypto import Epoch
from services.rules.violations import Violation

OPEN = "open"
LEFT_TO_OLDER_EPOCH = "left to the older epoch"


@dataclass(frozen=True)
class Copy:
    token: bytes
    epoch_id: str
    may_open_case: bool


def copies_of(plate_token: bytes, overlap_token: bytes, epochs: list[Epoch]) -> list[Copy]:
    """The copies to judge, given the epochs containing the capture time (newest first).

    Without an overlap token (outside an overlap, or the older epoch's keys were gone when the read
    was tokenized) the one copy is the only judge, so it may open cases."""
    newest, *older = epochs
    copies = [Copy(plate_token, newest.epoch_id, may_open_case=not overlap_token)]
    if overlap_token:
        if not older:
            raise ValueError(f"overlap_plate_token set, but captured_at lies only in epoch {newest.epoch_id}, "
                             "in no overlap: do ocr and rules use the same ALPR_EPOCH_HOURS and ALPR_EPOCH_OVERLAP_HOURS?")
        copies.append(Copy(overlap_token, older[0].epoch_id, may_open_case=True))
    return copies


def case_step(violation: Violation | None, may_open_case: bool, already_opened: bool) -> str | None:
    """OPEN the case, leave it to the older epoch (remember its id), or nothing to do."""
    if violation is None or already_opened:
        return None
    return OPEN if may_open_case else LEFT_TO_OLDER_EPOCH
