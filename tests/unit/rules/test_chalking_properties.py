"""Properties of chalking over whole sequences of sightings (mostly one Monday 08:00-18:00 in Paris)."""
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from alpr_common.geo import distance_m
from services.rules.chalking import ChalkPolicy, decide
from services.rules.schedule import enforced_minutes_between, is_enforced
from tests.unit.rules.builders import cases_from, schedule, seen, timed_zone

ZONE = timed_zone(limit=120, grace=5)
ALLOWED = timedelta(minutes=125)
MOVED_M = 30
POLICY = ChalkPolicy(moved_distance_m=MOVED_M)
minutes = st.floats(min_value=-120, max_value=479, allow_nan=False)  # 08:00 to 17:59 on the same Monday


def violations_of(sightings):
    chalk, found = None, []
    for s in sightings:
        decision = decide(chalk, s, ZONE, False, POLICY)
        chalk = decision.chalk
        found += [decision.violation] if decision.violation else []
    return found


@given(st.lists(st.tuples(minutes, st.floats(0, 200)), min_size=1, max_size=12))
def test_every_case_is_justified_by_two_sightings_close_together_and_far_apart_in_time(raw):
    sightings = [seen(minutes_later=m, north_m=n) for m, n in raw]
    for v in violations_of(sightings):
        first, last = v.sightings
        assert last.captured_at - first.captured_at > ALLOWED
        assert distance_m(first.lat, first.lon, last.lat, last.lon) <= MOVED_M


@given(st.lists(st.floats(31, 200), min_size=1, max_size=12), st.lists(minutes, min_size=12, max_size=12))
def test_a_car_that_never_stays_within_the_moved_distance_never_gets_a_case(steps, times):
    positions = [sum(steps[:i + 1]) for i in range(len(steps))]
    sightings = [seen(minutes_later=t, north_m=p) for t, p in zip(sorted(times), positions)]
    assert violations_of(sightings) == []


@given(st.lists(minutes, min_size=2, max_size=10))
def test_a_parked_car_seen_in_time_order_gets_a_case_exactly_when_it_overstays(times):
    sightings = [seen(minutes_later=t) for t in sorted(times)]
    overstayed = sightings[-1].captured_at - sightings[0].captured_at > ALLOWED
    assert bool(violations_of(sightings)) is overstayed


@given(st.lists(minutes, min_size=2, max_size=10), st.randoms(use_true_random=False))
def test_whatever_the_order_of_the_reads_a_parked_car_has_one_case_id(times, rng):
    sightings = [seen(minutes_later=t) for t in times]
    in_order = {v.case_id for v in violations_of(sorted(sightings, key=lambda s: s.captured_at))}
    shuffled = list(sightings)
    rng.shuffle(shuffled)
    assert {v.case_id for v in violations_of(shuffled)} <= in_order
    assert len(in_order) <= 1


FOLDS = {"0": "ODQ", "8": "B", "1": "I", "5": "S", "2": "Z"}
plates = st.text("ACEFHKMNPRTUVXY0123456789", min_size=5, max_size=8)


def misread(plate: str, data) -> str:
    """The plate with some characters swapped for look-alikes, as a reader might."""
    return "".join(data.draw(st.sampled_from(c + FOLDS.get(c, ""))) for c in plate)


@given(plates, st.lists(st.tuples(minutes, st.floats(0, 60)), min_size=1, max_size=8), st.data())
def test_look_alike_misreads_change_no_decision(plate, raw, data):
    exact = [seen(minutes_later=m, north_m=n, plate=plate) for m, n in raw]
    misread_ = [seen(minutes_later=m, north_m=n, plate=misread(plate, data)) for m, n in raw]
    assert [v.case_id for v in cases_from(exact, ZONE, POLICY)] == [v.case_id for v in cases_from(misread_, ZONE, POLICY)]


@given(st.lists(st.tuples(minutes, st.sampled_from([0.2, 0.49, 0.5, 0.9])), min_size=1, max_size=10))
def test_every_case_has_at_least_one_confident_sighting(raw):
    sightings = [seen(minutes_later=m, confidence=c) for m, c in sorted(raw)]
    for v in cases_from(sightings, ZONE, POLICY):
        assert max(s.confidence for s in v.sightings) >= POLICY.min_confidence


WEEK_ZONE = timed_zone(limit=120, grace=5, schedule=schedule("08:00", "20:00"), holidays=frozenset({date(2025, 3, 5)}))
week_minutes = st.integers(0, 7 * 24 * 60)  # Monday 10:00 plus up to a week


@given(st.lists(week_minutes, min_size=2, max_size=8))
def test_a_parked_car_over_several_days_gets_a_case_exactly_when_enforced_time_exceeds_the_limit(times):
    patient = ChalkPolicy(moved_distance_m=MOVED_M, max_chalk_age=timedelta(days=8))
    sightings = [seen(minutes_later=t) for t in sorted(times)]
    enforced = [s.captured_at for s in sightings
                if is_enforced(WEEK_ZONE.schedule, WEEK_ZONE.timezone, s.captured_at, WEEK_ZONE.holidays)]
    used = enforced_minutes_between(WEEK_ZONE.schedule, WEEK_ZONE.timezone, WEEK_ZONE.holidays,
                                    enforced[0], enforced[-1]) if enforced else 0
    assert bool(cases_from(sightings, WEEK_ZONE, patient)) is (used > 125)
