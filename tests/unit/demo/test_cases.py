from collections import Counter

from alpr_cli.demo.cars import CASE_OF_KIND, KIND_CYCLE

ALL_KINDS = {kind for kind, _ in KIND_CYCLE}


def test_every_kind_of_car_is_in_the_default_scenario(scenario):
    assert {car.kind for car in scenario.cars} == ALL_KINDS
    assert 20 <= len(scenario.cars) <= 30
    assert len({car.plate for car in scenario.cars}) == len(scenario.cars)


def test_exactly_the_cars_of_a_case_kind_get_their_case(scenario):
    by_kind = {(c.plate, c.zone_id, CASE_OF_KIND[c.kind]) for c in scenario.cars if c.kind in CASE_OF_KIND}
    derived = [(c.plate, c.zone_id, c.kind) for c in scenario.expected_cases]
    assert len(derived) == len(set(derived))  # one case per plate, zone (and day)
    assert set(derived) == by_kind


def test_overstays_show_in_both_the_one_and_two_hour_zones(scenario):
    zones = Counter(c.zone_id for c in scenario.expected_cases if c.kind == "OVERSTAY")
    assert zones["main-1h"] >= 1 and zones["main-2h"] >= 1
    assert set(zones) == {"main-1h", "main-2h"}


def test_no_permit_cases_are_in_the_zone_without_visitor_parking(scenario):
    no_permit = [c for c in scenario.expected_cases if c.kind == "NO_PERMIT"]
    assert {c.zone_id for c in no_permit} == {"res-a"}
    assert {c.plate for c in no_permit} == {c.plate for c in scenario.cars if c.kind in
                                            ("no_permit", "expired_permit", "other_zone_permit")}


def test_plates_use_the_unambiguous_alphabet(scenario):
    for car in scenario.cars:
        assert 6 <= len(car.plate) <= 7
        assert not set(car.plate) & set("IOQ01")
