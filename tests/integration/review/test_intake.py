from datetime import timedelta

from alpr_common.events.common_pb2 import DeadLetter
from alpr_common.topics import CASES, DEAD_LETTERS
from tests.integration.review.support import NOW, case_event, poll_until, publish, read_topic


def test_published_cases_are_listed_oldest_first_with_their_sightings(review):
    newer = case_event(review.store, plate="NEW111", opened_at=NOW - timedelta(minutes=5))
    older = case_event(review.store, plate="OLD222", opened_at=NOW - timedelta(hours=2))
    publish(review.bootstrap, (newer.case_id, newer.SerializeToString()), (older.case_id, older.SerializeToString()))

    mine = {newer.case_id, older.case_id}
    listed = poll_until(lambda: len(cases := [c for c in review.get("/v1/cases?limit=500").json()["cases"]
                                              if c["case_id"] in mine]) == 2 and cases)
    assert [c["case_id"] for c in listed] == [older.case_id, newer.case_id]
    every = review.get("/v1/cases?limit=500").json()["cases"]
    assert [c["opened_at"] for c in every] == sorted(c["opened_at"] for c in every)
    assert listed[0] | {"sighting_count": 2, "status": "open", "kind": "OVERSTAY", "plate_text": "OLD222"} == listed[0]

    case = review.get(f"/v1/cases/{older.case_id}").json()
    assert (case["zone_id"], case["zone_name"], case["status"], case["decision"]) == ("z-elm", "Elm St 2h", "open", None)
    assert case["rule_summary"] == older.rule_summary
    assert case["opened_at"] == (NOW - timedelta(hours=2)).isoformat()
    first, second = case["sightings"]
    assert (first["n"], second["n"]) == (0, 1)
    assert second | {"frame_id": f"{older.case_id}-1", "captured_at": NOW.isoformat(), "latitude": 45.501,
                     "longitude": -73.6, "plate_text": "OLD222", "box": [10, 20, 120, 40],
                     "evidence_url": f"/v1/cases/{older.case_id}/evidence/1"} == second
    assert mine.isdisjoint(c["case_id"] for c in review.get("/v1/cases?status=confirmed").json()["cases"])


def test_a_replayed_case_id_changes_nothing(review):
    case_id = review.new_case(plate="ABC123", sightings=2)
    replay = case_event(review.store, plate="ZZZ999", sightings=1)
    replay.case_id = case_id
    marker = case_event(review.store)
    # Same message key as the replay, so the same partition: once the marker is stored, the replay was handled.
    publish(review.bootstrap, (case_id, replay.SerializeToString()), (case_id, marker.SerializeToString()))
    poll_until(lambda: review.get(f"/v1/cases/{marker.case_id}").status_code == 200)

    case = review.get(f"/v1/cases/{case_id}").json()
    assert case["plate_text"] == "ABC123"
    assert len(case["sightings"]) == 2
    assert [c["case_id"] for c in review.get("/v1/cases?limit=500").json()["cases"]].count(case_id) == 1


def test_undecodable_or_unreviewable_messages_go_to_dead_letters_and_intake_goes_on(review):
    garbage = b"not a protobuf " + NOW.isoformat().encode() + review.tokens["officer"].encode()
    nameless = case_event(review.store)
    nameless.case_id = ""
    publish(review.bootstrap, ("garbage", garbage), ("nameless", nameless.SerializeToString()))
    after = review.new_case()

    dead = read_topic(review.bootstrap, DEAD_LETTERS.name, DeadLetter,
                      lambda d: d.service == "review" and d.value in (garbage, nameless.SerializeToString()), want=2)
    reasons = sorted(d.reason for d in dead)
    assert reasons[0] == "case without case_id"
    assert reasons[1].startswith("not a alpr.v1.Case")
    assert {d.source_topic for d in dead} == {CASES.name}
    assert review.get(f"/v1/cases/{after}").json()["status"] == "open"
    assert {d.value for d in dead} == {garbage, nameless.SerializeToString()}  # kept for a later replay
