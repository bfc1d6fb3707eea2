"""Chalking across epochs: each read judged once per token, and one case per car however epochs fall.

Epochs of 8 hours overlapping by 3 (limit + grace of the zone: 125 minutes). On Monday 2025-03-03
in Paris, epoch A (05:00Z) runs 06:00-14:00 and epoch B (10:00Z) 11:00-19:00: A alone from 09:00
to 11:00, both from 11:00 to 14:00, B alone from 14:00 to 16:00.
"""
from datetime import datetime, timedelta

from alpr_common.crypto import EpochSchedule, token
from services.rules import codec
from services.rules.chalking import ChalkPolicy, chalk_key
from services.rules.epoch_copies import LEFT_TO_OLDER_EPOCH, OPEN, case_step
from services.rules.judging import judge_copy
from services.rules.permits import PermitBook
from services.rules.violations import ViolationKind
from services.rules.zones import ZoneIndex
from tests.unit.rules.builders import PARIS, EpochKeysInMemory, epoch_keys, ocr_read, timed_zone

SCHEDULE = EpochSchedule(8, 3)
A, B = epoch_keys("20250303T0500Z-8h"), epoch_keys("20250303T1000Z-8h")
ZONE = timed_zone(limit=120, grace=5)
POLICY = ChalkPolicy(moved_distance_m=30, max_chalk_age=timedelta(hours=24))


def monday(clock: str) -> datetime:
    return datetime.fromisoformat(f"2025-03-03T{clock}").replace(tzinfo=PARIS)


class Service:
    """The rules' two steps on plain dicts: split each read into its copies, judge every copy."""

    def __init__(self):
        self.chalks, self.opened, self.cases = {}, {}, []
        self.permits = PermitBook([], EpochKeysInMemory())

    def read(self, clock: str, plate: str = "AB123CD", **kw) -> None:
        read = ocr_read(monday(clock), plate, SCHEDULE, read_id=f"{plate}-{clock}", **kw)
        for copy in codec.tokened_reads(codec.read_from_bytes(read.SerializeToString()), SCHEDULE):
            judged = judge_copy(codec.sighting_from_copy(copy), copy.epoch_id, copy.may_open_case, ZoneIndex([ZONE]),
                                self.permits, self.chalks, self.opened, POLICY)
            if judged:
                self.opened[judged.violation.case_id] = "opened"
                self.cases.append(judged.violation)


def test_a_car_parked_across_an_epoch_boundary_is_chalked_and_gets_exactly_one_case():
    rules = Service()
    for clock in ("10:30", "11:15", "12:40", "13:30", "15:00"):  # A alone, overlap x3, B alone
        rules.read(clock)
    case, = rules.cases  # A opens at 12:40; B finds it again at 13:30 and 15:00 but leaves it to A
    assert case.kind is ViolationKind.OVERSTAY and case.token == token(A, "AB123CD")
    assert [s.read_id for s in case.sightings] == ["AB123CD-10:30", "AB123CD-12:40"]
    assert rules.chalks[chalk_key(token(B, "AB123CD"), ZONE.id)].read_id == "AB123CD-11:15"  # B chalked in the overlap
    assert list(rules.opened.values()).count(LEFT_TO_OLDER_EPOCH) == 1


def test_a_car_that_arrives_in_the_overlap_and_stays_gets_its_case_from_the_newer_epoch():
    rules = Service()
    for clock in ("13:00", "13:50", "15:20"):  # overlap x2 (A sees only 50 minutes), then B alone
        rules.read(clock)
    case, = rules.cases
    assert case.token == token(B, "AB123CD") and [s.read_id for s in case.sightings] == ["AB123CD-13:00", "AB123CD-15:20"]


def test_the_same_plate_in_two_epochs_that_do_not_overlap_never_matches():
    rules = Service()
    rules.read("09:30")  # A alone
    rules.read("14:30")  # B alone: five enforced hours later, at the same spot
    assert rules.cases == []
    assert token(A, "AB123CD") != token(B, "AB123CD")
    assert set(rules.chalks) == {chalk_key(token(A, "AB123CD"), ZONE.id), chalk_key(token(B, "AB123CD"), ZONE.id)}


def test_look_alike_misreads_in_an_overlap_meet_in_both_epochs():
    rules = Service()
    rules.read("11:00", plate="LKA123")
    rules.read("13:10", plate="LKA1Z3")
    case, = rules.cases
    assert case.token == token(A, "LKA123") and len(rules.chalks) == 2


def test_only_a_copy_that_may_open_cases_opens_one_and_only_once():
    violation = object()
    assert case_step(violation, may_open_case=True, already_opened=False) == OPEN
    assert case_step(violation, may_open_case=False, already_opened=False) == LEFT_TO_OLDER_EPOCH
    assert case_step(violation, may_open_case=True, already_opened=True) is None
    assert case_step(None, may_open_case=True, already_opened=False) is None


def test_a_sighting_whose_epoch_keys_are_destroyed_is_skipped():
    rules = Service()
    rules.permits = PermitBook([], EpochKeysInMemory(destroyed={A.key_id}))
    rules.read("10:00")
    rules.read("12:10")  # A's copy is stale; B's copy may not open a case, so none opens
    assert rules.cases == [] and set(rules.chalks) == {chalk_key(token(B, "AB123CD"), ZONE.id)}

