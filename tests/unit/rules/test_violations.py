import uuid
from datetime import date

from alpr_common.crypto import token
from services.rules.violations import Violation, ViolationKind, case_id
from tests.unit.rules.builders import KEYS, epoch_keys, seen

AB123CD, XY999ZZ = token(KEYS, "AB123CD"), token(KEYS, "XY999ZZ")


def test_case_id_is_a_uuid5_of_token_zone_day_and_kind():
    value = case_id(AB123CD, "main-st", date(2025, 3, 3), ViolationKind.OVERSTAY)
    assert uuid.UUID(value).version == 5
    assert value == case_id(AB123CD, "main-st", date(2025, 3, 3), ViolationKind.OVERSTAY)
    assert value == str(uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "urn:alpr:rules:case"),
                                   f"{AB123CD.hex()}|main-st|2025-03-03|OVERSTAY"))


def test_one_case_per_token_zone_day_and_kind():
    base = (AB123CD, "main-st", date(2025, 3, 3), ViolationKind.OVERSTAY)
    variants = [(XY999ZZ, *base[1:]), (base[0], "res-a", *base[2:]), (*base[:2], date(2025, 3, 4), base[3]),
                (*base[:3], ViolationKind.NO_PERMIT)]
    ids = {case_id(*base)} | {case_id(*v) for v in variants}
    assert len(ids) == 5


def test_replayed_evidence_gives_the_same_case_id_whatever_the_sightings():
    one = Violation(ViolationKind.OVERSTAY, "main-st", date(2025, 3, 3), (seen(), seen(minutes_later=130)))
    other = Violation(ViolationKind.OVERSTAY, "main-st", date(2025, 3, 3), (seen(minutes_later=5), seen(minutes_later=200)))
    assert one.case_id == other.case_id
    assert one.token == AB123CD


def test_the_same_plate_under_another_epoch_is_another_case():
    keys = epoch_keys("20250303T0600Z-24h")
    later_epoch = Violation(ViolationKind.OVERSTAY, "main-st", date(2025, 3, 3),
                            (seen(keys=keys), seen(minutes_later=130, keys=keys)))
    one = Violation(ViolationKind.OVERSTAY, "main-st", date(2025, 3, 3), (seen(), seen(minutes_later=130)))
    assert later_epoch.token != one.token and later_epoch.case_id != one.case_id
