import json

from alpr_cli.demo.scenario import build_scenario, load_scenario

from tests.unit.demo.conftest import BASE_TIME


def written_files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_and_time_give_byte_identical_files(tmp_path, scenario):
    again = build_scenario(tmp_path / "again", base_time=BASE_TIME)
    first, second = written_files(scenario.root), written_files(again.root)
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], name


def test_another_seed_gives_other_plates(tmp_path, scenario):
    other = build_scenario(tmp_path / "other", base_time=BASE_TIME, seed=8, cars=13)
    assert {c.plate for c in other.cars}.isdisjoint({c.plate for c in scenario.cars})


def test_truth_json_reloads_to_the_same_scenario(scenario):
    assert load_scenario(scenario.root) == scenario
    truth = json.loads((scenario.root / "truth.json").read_text())
    assert truth["pass_dirs"] == ["frames/pass1", "frames/pass2"]
    assert len(truth["expected_cases"]) == len(scenario.expected_cases)
