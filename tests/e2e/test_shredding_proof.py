"""The proof of crypto-shredding on the running demo: once the window has passed, the plates and
photos of cars that broke no rule are in no store, and what is left of them does not open; a cited
case stays fully readable to its officer.

Stores searched: every topic from offset 0, every table of every schema, the object bucket, the
rules' state, the services' logs and reports (every file the run wrote outside the scenario
itself), and PostgreSQL's own data files and WAL. One exception, by design: the permit registry
(`rules.permits`) is the city's list of permit holders, not camera data, so a permit holder's plate
is searched for everywhere but there.
"""
import csv
import json
from pathlib import Path

import cv2
import httpx
import numpy as np
import pytest

from alpr_common.crypto import KeyDestroyed, from_proto, open_keystore, open_sealed
from alpr_common.events.decisions_pb2 import Citation
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.topic_reader import read_to_end
from alpr_common.topics import CITATIONS, READS
from tests.support.store_search import file_haystacks, find, table_haystacks, topic_haystacks

pytestmark = pytest.mark.e2e
PERMITS_TABLE = "rules.permits"


class Truth:
    def __init__(self, path: Path):
        data = json.loads(path.read_text())
        self.root = path.parent
        self.frame_truth: dict[str, list[str]] = data["frame_truth"]
        self.violators = {c["plate"] for c in data["expected_cases"]}
        self.innocent = {p for plates in self.frame_truth.values() for p in plates} - self.violators
        with (self.root / data["permits_path"]).open() as f:
            self.permit_holders = {row["plate"] for row in csv.DictReader(f)}

    def innocent_frames(self) -> set[str]:
        return {f for f, plates in self.frame_truth.items() if not set(plates) & self.violators}

    def image_needles(self) -> dict[str, bytes]:
        """Three 48-byte pieces of the entropy-coded middle of each innocent frame's JPEG."""
        wanted, needles = self.innocent_frames(), {}
        for sidecar in self.root.rglob("*.json"):
            frame_id = json.loads(sidecar.read_text()).get("frame_id") if sidecar.name != "truth.json" else None
            if frame_id in wanted:
                image = sidecar.with_suffix(".jpg").read_bytes()
                for n, at in enumerate((len(image) // 3, len(image) // 2, 2 * len(image) // 3)):
                    needles[f"photo {frame_id} piece {n}"] = image[at:at + 48]
        return needles


@pytest.fixture(scope="module")
def proof(demo_run):
    assert demo_run.returncode is None, demo_run.stdout[-3000:]
    truth = Truth(Path(demo_run.stores["truth"]))
    assert truth.innocent and truth.violators and truth.innocent_frames()
    return demo_run, truth


def plate_needles(plates) -> dict[str, bytes]:
    return {f"plate {p}": p.encode() for p in plates}


def test_the_search_finds_what_is_there(proof):
    """Controls: every photo needle is in the scenario's own files, and the permit registry's plates are found."""
    run, truth = proof
    photos = truth.image_needles()
    assert photos and {name for _, name in find(photos, file_haystacks(truth.root))} == set(photos)
    holders = plate_needles(truth.innocent & truth.permit_holders)
    assert holders and {name for _, name in find(holders, table_haystacks(run.stores["database"]))} == set(holders)


def test_no_topic_holds_an_innocent_plate_or_photo(proof):
    run, truth = proof
    needles = {**plate_needles(truth.innocent), **truth.image_needles()}
    messages = list(topic_haystacks(run.stores["kafka"]))
    assert len(messages) > 100
    assert find(needles, messages) == []


def test_no_table_holds_an_innocent_plate_but_the_permit_registry_its_holders(proof):
    run, truth = proof
    rows = list(table_haystacks(run.stores["database"]))
    assert len(rows) > 50
    outside_registry = [(where, data) for where, data in rows if not where.startswith(f"table {PERMITS_TABLE} ")]
    assert find(plate_needles(truth.innocent), outside_registry) == []
    assert find(plate_needles(truth.innocent - truth.permit_holders), rows) == []


def test_no_file_the_run_wrote_holds_an_innocent_plate_or_photo(proof):
    """Objects, rules state, logs, reports, and PostgreSQL's data files and WAL (permit holders aside there)."""
    run, truth = proof
    outside_scenario = list(file_haystacks(run.data_dir, skip=[truth.root, run.data_dir / "pgdata"]))
    assert any("/objects/" in where for where, _ in outside_scenario) and any("/logs/" in where for where, _ in outside_scenario)
    assert find({**plate_needles(truth.innocent), **truth.image_needles()}, outside_scenario) == []
    pgdata = file_haystacks(run.data_dir / "pgdata")
    assert find(plate_needles(truth.innocent - truth.permit_holders), pgdata) == []


def test_what_is_left_of_innocent_reads_does_not_open(proof):
    run, truth = proof
    keystore = open_keystore(run.stores["database"], run.data_dir, cache_ttl_s=0)
    innocent = truth.innocent_frames()
    reads = [PlateRead.FromString(m.value()) for m in read_to_end(run.stores["kafka"], READS.name)]
    theirs = [r for r in reads if r.frame_id in innocent]
    assert theirs
    for read in theirs:
        with pytest.raises(KeyDestroyed):
            open_sealed(keystore, from_proto(read.sealed_plate), read.read_id.encode())


def test_a_cited_case_stays_fully_readable_to_its_officer(proof):
    run, truth = proof
    citations = [Citation.FromString(m.value()) for m in read_to_end(run.stores["kafka"], CITATIONS.name)]
    assert citations
    officer = httpx.Client(base_url=run.stores["review-api"], timeout=30,
                           headers={"Authorization": f"Bearer {run.stores['officer-token']}"})
    for citation in citations:
        case = officer.get(f"/v1/cases/{citation.case_id}")
        assert case.status_code == 200 and case.json()["plate_text"] in truth.violators
        for sighting in case.json()["sightings"]:
            photo = officer.get(f"/v1/cases/{citation.case_id}/evidence/{sighting['n']}")
            assert photo.status_code == 200
            assert cv2.imdecode(np.frombuffer(photo.content, np.uint8), cv2.IMREAD_COLOR) is not None
