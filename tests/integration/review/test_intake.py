from datetime import timedelta

from alpr_common.events.common_pb2 import DeadLetter
from alpr_common.topics import CASES, DEAD_LETTERS
from tests.integration.review.support import NOW, case_event, poll_until, publish, read_topic


def test_published_cases_are_listed_oldest_first_with_their_sightings(review):
    newer = case_event(review.store, review.keystore, plate="NEW111", opened_at=NOW - timedelta(minutes=5))
    older = case_event(review.store, review.keystore, reads=("OLD222", "OLD228"), confidences=(0.95, 0.6),
                       opened_at=NOW - timedelta(hours=2))
    publish(review.bootstrap, (newer.case_id, newer.SerializeToString()), (older.case_id, older.SerializeToString()))

    mine = {newer.case_id, older.case_id}
    listed = poll_until(lambda: len(cases := [c for c in review.get("/v1/cases?limit=500").json()["cases"]
                                              if c["case_id"] in mine]) == 2 and cases)
    assert [c["case_id"] for c in listed] == [older.case_id, newer.case_id]
    every = review.get("/v1/cases?limit=500").json()["cases"]
    assert [c["opened_at"] for c in every] == sorted(c["opened_at"] for c in every)
    assert listed[0] | {"sighting_count": 2, "status": "open", "kind": "OVERSTAY", "plate_text": "OLD222"} == listed[0]
    assert listed[1]["plate_text"] == "NEW111"

    case = review.get(f"/v1/cases/{older.case_id}").json()
    assert (case["zone_id"], case["zone_name"], case["status"], case["decision"]) == ("z-elm", "Elm St 2h", "open", None)
    assert case["rule_summary"] == older.rule_summary
    assert case["opened_at"] == (NOW - timedelta(hours=2)).isoformat()
    assert case["plate_text"] == "OLD222"  # the most confident read is the case's plate
    first, second = case["sightings"]
    assert (first["n"], second["n"], first["plate_text"]) == (0, 1, "OLD222")
    assert second | {"frame_id": f"{older.case_id}-1", "captured_at": NOW.isoformat(), "latitude": 45.501,
                     "longitude": -73.6, "plate_text": "OLD228", "confidence": 0.6, "box": [10, 20, 120, 40],
                     "evidence_url": f"/v1/cases/{older.case_id}/evidence/1"} == second
    assert mine.isdisjoint(c["case_id"] for c in review.get("/v1/cases?status=confirmed").json()["cases"])


def copies(review, case_id: str) -> dict[str, bytes]:
    return {key: review.store.get(key) for key in review.store.keys(f"cases/{case_id}/")}


def test_a_replayed_case_id_changes_nothing(review):
    case_id = review.new_case(plate="ABC123", sightings=2)
    kept = copies(review, case_id)
    replay = case_event(review.store, review.keystore, plate="ZZZ999", sightings=1)
    replay.case_id = case_id
    marker = case_event(review.store, review.keystore)
    # Same message key as the replay, so the same partition: once the marker is stored, the replay was handled.
    publish(review.bootstrap, (case_id, replay.SerializeToString()), (case_id, marker.SerializeToString()))
    poll_until(lambda: review.get(f"/v1/cases/{marker.case_id}").status_code == 200)

    case = review.get(f"/v1/cases/{case_id}").json()
    assert case["plate_text"] == "ABC123"
    assert len(case["sightings"]) == 2
    assert [c["case_id"] for c in review.get("/v1/cases?limit=500").json()["cases"]].count(case_id) == 1
    assert len(kept) == 2 and copies(review, case_id) == kept  # not sealed or copied again


def test_undecodable_unreviewable_or_unopenable_messages_go_to_dead_letters_and_intake_goes_on(review):
    garbage = b"not a protobuf " + NOW.isoformat().encode() + review.tokens["officer"].encode()
    nameless = case_event(review.store, review.keystore)
    nameless.case_id = ""
    in_clear = case_event(review.store, review.keystore)
    in_clear.sightings[1].ClearField("sealed_plate")
    in_clear.sightings[1].plate_text = "ABC123"
    tampered = case_event(review.store, review.keystore)
    tampered.sightings[0].sealed_plate.ciphertext = bytes(reversed(tampered.sightings[0].sealed_plate.ciphertext))
    values = {v.SerializeToString() for v in (nameless, in_clear, tampered)} | {garbage}
    publish(review.bootstrap, ("garbage", garbage), *((e.case_id or "x", e.SerializeToString()) for e in (nameless, in_clear, tampered)))
    after = review.new_case()

    dead = read_topic(review.bootstrap, DEAD_LETTERS.name, DeadLetter,
                      lambda d: d.service == "review" and d.value in values, want=4)
    reasons = sorted(d.reason for d in dead)
    assert reasons[0] == "case without case_id"
    assert reasons[1].startswith("not a alpr.v1.Case")
    assert reasons[2].startswith("sighting 0 does not open: value under epoch:") and "tampered" in reasons[2]
    assert reasons[3].startswith("sighting without sealed_plate")
    assert {d.source_topic for d in dead} == {CASES.name}
    assert review.get(f"/v1/cases/{after}").json()["status"] == "open"
    for refused in (in_clear, tampered):
        assert review.get(f"/v1/cases/{refused.case_id}").status_code == 404
    assert {d.value for d in dead} == values  # kept for a later replay
