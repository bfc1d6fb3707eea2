"""The built-in demo scenario: city files, two passes of frames with sidecars, and the ground truth."""
import json
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from alpr_cli.demo.cars import DemoCar, park_cars, permits_for
from alpr_cli.demo.city import SCHEDULE, TIMEZONE, write_city, zones_geojson
from alpr_cli.demo.drive import DEVICE_ID, PASS_DURATION, Shot, plan_pass
from alpr_cli.demo.expected import ExpectedCase, Sighting, expected_cases
from alpr_cli.demo.frames import write_frames

SECOND_PASS_AFTER = timedelta(minutes=150)
TZ = ZoneInfo(TIMEZONE)


@dataclass(frozen=True)
class Scenario:
    root: Path
    zones_path: Path
    tracts_path: Path
    permits_path: Path
    pass_dirs: list[Path]
    pass_times: list[tuple[datetime, datetime]]  # (start, end) of each pass
    device_id: str
    frame_truth: dict[str, list[str]]  # frame_id -> plate texts in the frame
    expected_cases: list[ExpectedCase]
    cars: list[DemoCar]


def demo_base_time(day: date) -> datetime:
    """09:00 in the city on `day`: both passes then fall inside the enforced hours."""
    return datetime.combine(day, time(9, 0), tzinfo=TZ)


def build_scenario(out_dir: Path, *, base_time: datetime, seed: int = 7, cars: int = 24) -> Scenario:
    """Writes the city, the frames of both passes and truth.json under `out_dir`; same inputs, same bytes."""
    out_dir = Path(out_dir)
    pass_times = plan_passes(base_time)
    rng = random.Random(seed)
    parked = park_cars(cars, rng)
    permits = permits_for(parked, pass_times[0][0].astimezone(TZ).date())
    out_dir.mkdir(parents=True, exist_ok=True)
    zones_path, tracts_path, permits_path = write_city(out_dir, permits)
    shots = [shot for index, (start, _) in enumerate(pass_times) for shot in plan_pass(parked, index, start, seed, rng)]
    pass_dirs = write_frames(out_dir / "frames", shots, len(pass_times), seed, TZ)
    scenario = Scenario(out_dir, zones_path, tracts_path, permits_path, pass_dirs, pass_times, DEVICE_ID,
                        {shot.frame_id: list(shot.plates) for shot in shots},
                        expected_cases(sightings(shots), zones_geojson(), permits), parked)
    (out_dir / "truth.json").write_text(json.dumps(truth(scenario), indent=2) + "\n")
    return scenario


def plan_passes(base_time: datetime) -> list[tuple[datetime, datetime]]:
    if base_time.tzinfo is None:
        raise ValueError("base_time must carry a timezone")
    first = base_time.astimezone(timezone.utc).replace(microsecond=0)  # UTC: no wall-clock arithmetic
    passes = [(start, start + PASS_DURATION) for start in (first, first + SECOND_PASS_AFTER)]
    for start, end in passes:
        if not (in_enforced_hours(start) and in_enforced_hours(end)):
            raise ValueError(f"the demo passes must fall within the enforced hours {SCHEDULE['start']}-"
                             f"{SCHEDULE['end']} {TIMEZONE}; {base_time.isoformat()} does not (try 09:00 local)")
    return passes


def in_enforced_hours(at: datetime) -> bool:
    return SCHEDULE["start"] <= at.astimezone(TZ).strftime("%H:%M") < SCHEDULE["end"]


def sightings(shots: list[Shot]) -> list[Sighting]:
    return [Sighting(plate, shot.captured_at, shot.latitude, shot.longitude) for shot in shots for plate in shot.plates]


def truth(scenario: Scenario) -> dict:
    """The scenario as JSON, paths relative to its root so that the file does not depend on where it lies."""
    def rel(path: Path) -> str:
        return path.relative_to(scenario.root).as_posix()

    return {
        "device_id": scenario.device_id,
        "zones_path": rel(scenario.zones_path), "tracts_path": rel(scenario.tracts_path),
        "permits_path": rel(scenario.permits_path), "pass_dirs": [rel(p) for p in scenario.pass_dirs],
        "pass_times": [[s.astimezone(TZ).isoformat(), e.astimezone(TZ).isoformat()] for s, e in scenario.pass_times],
        "cars": [{"plate": c.plate, "kind": c.kind, "zone_id": c.zone_id, "spots_m": list(c.spots)}
                 for c in scenario.cars],
        "frame_truth": scenario.frame_truth,
        "expected_cases": [{"plate": c.plate, "zone_id": c.zone_id, "kind": c.kind} for c in scenario.expected_cases],
    }


def load_scenario(root: Path) -> Scenario:
    """A scenario written earlier by `build_scenario`, read back from its truth.json."""
    root = Path(root)
    data = json.loads((root / "truth.json").read_text())
    return Scenario(
        root, root / data["zones_path"], root / data["tracts_path"], root / data["permits_path"],
        [root / p for p in data["pass_dirs"]],
        [(datetime.fromisoformat(s), datetime.fromisoformat(e)) for s, e in data["pass_times"]],
        data["device_id"], data["frame_truth"], [ExpectedCase(**c) for c in data["expected_cases"]],
        [DemoCar(c["plate"], c["kind"], c["zone_id"], tuple(c["spots_m"])) for c in data["cars"]])
