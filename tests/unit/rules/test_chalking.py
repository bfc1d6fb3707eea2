from datetime import datetime

from datetime import date, timedelta

from services.rules.chalking import ChalkPolicy, car_moved, decide, overstayed
from services.rules.violations import ViolationKind
from tests.unit.rules.builders import MONDAY_10AM, PARIS, permit_zone, schedule, seen, timed_zone

POLICY = ChalkPolicy(moved_distance_m=30, min_confidence=0.5, max_chalk_age=timedelta(hours=24))


def judge(chalk, sighting, zone=None, has_permit=False):
    return decide(chalk, sighting, zone or timed_zone(), has_permit, POLICY)


def test_first_sighting_in_a_timed_zone_chalks_and_opens_nothing():
    first = seen()
    decision = judge(None, first)
    assert decision.chalk == first and decision.violation is None


def test_seen_again_exactly_at_limit_plus_grace_is_not_a_violation():
    chalk = seen()
    decision = judge(chalk, seen(minutes_later=125))
    assert decision.violation is None and decision.chalk == chalk


def test_seen_again_one_minute_after_limit_plus_grace_opens_an_overstay_with_both_sightings():
    chalk, later = seen(), seen(minutes_later=126, north_m=5)
    violation = judge(chalk, later).violation
    assert violation.kind is ViolationKind.OVERSTAY
    assert violation.sightings == (chalk, later)
    assert violation.opened_at == later.captured_at and violation.zone_id == "main-st"


def test_a_car_that_moved_is_not_chalked_where_it_was():
    chalk, elsewhere = seen(), seen(minutes_later=300, north_m=31)
    decision = judge(chalk, elsewhere)
    assert decision.violation is None
    assert decision.chalk == elsewhere  # the new spot is chalked afresh


def test_car_moved_measures_metres_on_the_ground():
    assert not car_moved(seen(), seen(north_m=29), max_distance_m=30)
    assert car_moved(seen(), seen(north_m=31), max_distance_m=30)


def test_overstayed_is_strictly_more_than_limit_plus_grace():
    zone = timed_zone(limit=60, grace=0)
    assert not overstayed(seen(), seen(minutes_later=60), zone)
    assert overstayed(seen(), seen(minutes_later=60.02), zone)


def test_reads_arriving_out_of_order_keep_the_earliest_as_chalk_and_evidence_in_time_order():
    early, late = seen(), seen(minutes_later=200)
    decision = judge(late, early)
    assert decision.chalk == early
    assert decision.violation.sightings == (early, late)


def test_outside_enforced_hours_nothing_happens():
    sunday = datetime(2025, 3, 9, 12, tzinfo=PARIS)
    evening = datetime(2025, 3, 3, 19, tzinfo=PARIS)
    assert judge(None, seen(sunday)).chalk is None
    chalk = seen()
    decision = judge(chalk, seen(evening))
    assert decision.violation is None and decision.chalk == chalk


def test_only_enforced_time_counts_so_a_chalk_from_the_evening_before_carries_into_the_morning():
    zone = timed_zone(limit=120, grace=5, schedule=schedule("08:00", "20:00"))
    evening = seen(datetime(2025, 3, 3, 19, 30, tzinfo=PARIS))  # 30 min used before 20:00
    assert judge(evening, seen(datetime(2025, 3, 4, 9, 35, tzinfo=PARIS)), zone).violation is None  # 125 min
    violation = judge(evening, seen(datetime(2025, 3, 4, 9, 36, tzinfo=PARIS)), zone).violation
    assert violation.kind is ViolationKind.OVERSTAY and violation.day == date(2025, 3, 4)
    assert violation.sightings[0] == evening


def test_a_holiday_is_free_time():
    zone = timed_zone(limit=120, grace=5, holidays=frozenset({date(2025, 3, 4)}))
    monday_5pm, wednesday_9am = datetime(2025, 3, 3, 17, tzinfo=PARIS), datetime(2025, 3, 5, 9, tzinfo=PARIS)
    assert judge(None, seen(datetime(2025, 3, 4, 10, tzinfo=PARIS)), zone).chalk is None  # not enforced
    long_policy = ChalkPolicy(30, 0.5, timedelta(days=3))
    assert decide(seen(monday_5pm), seen(wednesday_9am, minutes_later=5), zone, False, long_policy).violation is None
    assert decide(seen(monday_5pm), seen(wednesday_9am, minutes_later=6), zone, False, long_policy).violation


def test_a_chalk_older_than_the_maximum_age_is_replaced():
    saturday_5pm, monday_10am = datetime(2025, 3, 1, 17, tzinfo=PARIS), datetime(2025, 3, 3, 10, tzinfo=PARIS)
    decision = judge(seen(saturday_5pm), seen(monday_10am))  # 3 enforced hours, but 41 hours ago
    assert decision.violation is None and decision.chalk == seen(monday_10am)


def test_overnight_zone_counts_time_across_midnight():
    zone = timed_zone(limit=60, grace=5, schedule=schedule("22:00", "06:00", days=range(7)))
    chalk, after_midnight = seen(datetime(2025, 3, 3, 23, tzinfo=PARIS)), seen(datetime(2025, 3, 4, 1, tzinfo=PARIS))
    violation = judge(chalk, after_midnight, zone).violation
    assert violation.kind is ViolationKind.OVERSTAY
    assert violation.day.isoformat() == "2025-03-03"  # the night it started


def test_permit_zone_without_limit_opens_no_permit_case_at_first_sighting():
    first = seen()
    decision = judge(None, first, permit_zone(limit=None))
    assert decision.violation.kind is ViolationKind.NO_PERMIT
    assert decision.violation.sightings == (first,)
    assert decision.chalk is None


def test_a_later_sighting_the_same_day_names_the_same_no_permit_case():
    zone = permit_zone(limit=None)
    morning, afternoon = judge(None, seen(), zone).violation, judge(None, seen(minutes_later=240), zone).violation
    assert morning.case_id == afternoon.case_id


def test_permit_holder_is_exempt_and_forgets_any_chalk():
    decision = judge(seen(), seen(minutes_later=300), permit_zone(limit=None), has_permit=True)
    assert decision.violation is None and decision.chalk is None
    assert judge(seen(), seen(minutes_later=300), permit_zone(limit=30), has_permit=True).violation is None


def test_permit_zone_with_a_limit_chalks_cars_without_a_permit():
    zone = permit_zone(limit=30, grace=5)
    chalk = seen()
    assert judge(None, chalk, zone).chalk == chalk
    assert judge(chalk, seen(minutes_later=35), zone).violation is None
    assert judge(chalk, seen(minutes_later=36), zone).violation.kind is ViolationKind.OVERSTAY


def test_time_is_capture_time_not_arrival_time():
    chalk = seen(MONDAY_10AM)
    assert judge(chalk, seen(MONDAY_10AM, minutes_later=10)).violation is None
