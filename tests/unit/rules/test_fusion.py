"""Misread plates and low-confidence reads: how sightings of one car are fused into one case."""
from services.rules.chalking import ChalkPolicy, chalk_key, decide
from services.rules.violations import ViolationKind
from tests.unit.rules.builders import cases_from, permit_zone, plate_of, seen, timed_zone

POLICY = ChalkPolicy(moved_distance_m=30, min_confidence=0.5)


def test_a_look_alike_misread_is_the_second_sighting_of_the_same_chalk():
    first, second = seen(plate="ABC123"), seen(plate="A8C1Z3", minutes_later=126)
    assert chalk_key(first.token, "main-st") == chalk_key(second.token, "main-st")
    case, = cases_from([first, second], timed_zone(), POLICY)
    assert case.kind is ViolationKind.OVERSTAY
    assert [plate_of(s) for s in case.sightings] == ["ABC123", "A8C1Z3"]  # each as read, sealed


def test_a_misread_opens_no_second_case_for_the_same_car_zone_and_day():
    zone = permit_zone(limit=None)
    morning, = cases_from([seen(plate="SO5ABC")], zone, POLICY)
    afternoon, = cases_from([seen(plate="S05A8C", minutes_later=240)], zone, POLICY)
    assert morning.case_id == afternoon.case_id


def test_different_plates_do_not_share_a_chalk():
    assert cases_from([seen(plate="ABC123"), seen(plate="ABC124", minutes_later=300)], timed_zone(), POLICY) == []


def test_a_low_confidence_read_alone_never_opens_a_case():
    low = dict(confidence=0.3)
    assert decide(None, seen(**low), permit_zone(limit=None), False, POLICY).violation is None
    assert cases_from([seen(**low), seen(minutes_later=200, **low)], timed_zone(), POLICY) == []


def test_a_low_confidence_read_is_kept_as_a_chalk_for_a_later_confident_read():
    low, confident = seen(plate="A8C1Z3", confidence=0.3), seen(plate="ABC123", minutes_later=126, confidence=0.9)
    assert decide(None, low, timed_zone(), False, POLICY).chalk == low
    case, = cases_from([low, confident], timed_zone(), POLICY)
    assert case.sightings == (low, confident)
    assert case.token == confident.token == low.token  # one token: the look-alikes fold before tokenizing


def test_a_low_confidence_read_can_confirm_a_confident_chalk():
    confident, low = seen(confidence=0.9), seen(minutes_later=126, confidence=0.3)
    case, = cases_from([confident, low], timed_zone(), POLICY)
    assert case.sightings == (confident, low)


def test_a_valid_permit_exempts_whatever_the_confidence():
    zone = permit_zone(limit=30)
    assert cases_from([seen(), seen(minutes_later=200)], zone, POLICY, has_permit=True) == []
    assert len(cases_from([seen(), seen(minutes_later=200)], zone, POLICY, has_permit=False)) == 1
