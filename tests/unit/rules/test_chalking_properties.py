"""Properties of chalking over whole sequences of sightings, on one Monday 08:00-18:00 in Paris."""
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from alpr_common.geo import distance_m
from services.rules.chalking import decide
from tests.unit.rules.builders import seen, timed_zone

ZONE = timed_zone(limit=120, grace=5)
ALLOWED = timedelta(minutes=125)
MOVED_M = 30
minutes = st.floats(min_value=-120, max_value=479, allow_nan=False)  # 08:00 to 17:59 on the same Monday


def violations_of(sightings):
    chalk, found = None, []
    for s in sightings:
        decision = decide(chalk, s, ZONE, False, MOVED_M)
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
