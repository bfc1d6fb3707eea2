from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from shapely.geometry import box

from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.events.cases_pb2 import NO_PERMIT, OVERSTAY, Case, Sighting
from alpr_common.events.common_pb2 import GeoPoint
from alpr_common.events.decisions_pb2 import CONFIRMED, REJECTED, Citation, Decision
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.events.retention_pb2 import RetentionRecord
from alpr_common.geo import Feature, PolygonIndex
from services.reporting import aggregation as agg
from services.reporting.places import OUTSIDE, UNKNOWN, Places

UTC = ZoneInfo("UTC")
NEW_YORK = ZoneInfo("America/New_York")
TRACTS = PolygonIndex([Feature("36061000100", {"name": "Tract 1"}, box(-74.0, 40.0, -73.9, 40.1))])
ZONES = PolygonIndex([Feature("zone-a", {}, box(-74.0, 40.0, -73.95, 40.05))])
PLACES = Places(TRACTS, ZONES)
INSIDE = GeoPoint(latitude=40.02, longitude=-73.98)
FAR = GeoPoint(latitude=41.0, longitude=-73.0)
LATE_EVENING = datetime(2026, 1, 1, 3, 30, tzinfo=timezone.utc)  # still Dec 31 in New York


def test_a_read_counts_by_day_tract_and_zone_and_keeps_no_plate():
    read = PlateRead(read_id="r-1", plate_text="ABC123", captured_at=LATE_EVENING, location=INSIDE)
    increment = agg.from_read(read, PLACES, UTC)
    assert increment == agg.Increment("reads_daily", "r-1", (date(2026, 1, 1), 3, "36061000100", "zone-a"))
    assert "ABC123" not in repr(increment)


def test_days_and_hours_are_those_of_the_configured_time_zone():
    read = PlateRead(read_id="r-1", captured_at=LATE_EVENING, location=INSIDE)
    assert agg.from_read(read, PLACES, NEW_YORK).key[:2] == (date(2025, 12, 31), 22)


def test_points_outside_every_polygon_and_missing_files_or_locations_are_labelled():
    assert agg.from_read(PlateRead(read_id="r", captured_at=LATE_EVENING, location=FAR), PLACES, UTC).key[2:] == (OUTSIDE, OUTSIDE)
    assert agg.from_read(PlateRead(read_id="r", captured_at=LATE_EVENING, location=INSIDE), Places(), UTC).key[2:] == (UNKNOWN, UNKNOWN)
    assert agg.from_read(PlateRead(read_id="r", captured_at=LATE_EVENING), PLACES, UTC).key[2] == UNKNOWN


def test_a_case_counts_where_its_last_sighting_was_on_the_day_it_opened():
    case = Case(case_id="c-1", zone_id="zone-a", kind=OVERSTAY, opened_at=LATE_EVENING, plate_text="ABC123",
                sightings=[Sighting(location=FAR, captured_at=LATE_EVENING), Sighting(location=INSIDE, captured_at=LATE_EVENING)])
    assert agg.from_case(case, PLACES, UTC) == agg.Increment("cases_daily", "c-1", (date(2026, 1, 1), "36061000100", "zone-a", "overstay"))


def test_decisions_count_by_outcome_and_reason_code():
    rejected = Decision(decision_id="d-1", outcome=REJECTED, reason="valid_permit", decided_at=LATE_EVENING,
                        zone_id="zone-a", kind=NO_PERMIT, corrected_plate="XYZ999")
    confirmed = Decision(decision_id="d-2", outcome=CONFIRMED, decided_at=LATE_EVENING, zone_id="zone-a", kind=OVERSTAY)
    assert agg.from_decision(rejected, UTC).key == (date(2026, 1, 1), "rejected", "valid_permit", "zone-a", "no_permit")
    assert agg.from_decision(confirmed, UTC).key == (date(2026, 1, 1), "confirmed", "", "zone-a", "overstay")


@pytest.mark.parametrize("reason, code", [
    ("misread", "misread"), ("Plate obstructed", "plate_obstructed"), ("not-parked", "not_parked"),
    ("plate was ABC123", "other"), ("abc123", "other"), ("", ""), ("x" * 41, "other"),
])
def test_only_reason_codes_reach_the_counts_so_free_text_cannot_carry_a_plate(reason, code):
    assert agg.reason_code(reason) == code


def test_citations_count_on_the_violation_day_and_retention_records_by_rule():
    citation = Citation(citation_id="ct-1", plate_text="ABC123", violation_at=LATE_EVENING, location=INSIDE, zone_id="zone-a")
    record = RetentionRecord(record_id="rr-1", rule="non_violation_frames", item_kind="frame_image", destroyed_at=LATE_EVENING,
                             item_time=LATE_EVENING - timedelta(hours=24, minutes=5, seconds=59))
    assert agg.from_citation(citation, PLACES, UTC).key == (date(2026, 1, 1), "36061000100", "zone-a")
    assert agg.from_retention(record, UTC) == agg.Increment(
        "destroyed_daily", "rr-1", (date(2026, 1, 1), "non_violation_frames", "frame_image", 24 * 60 + 5))


def test_a_record_without_item_time_counts_with_an_unknown_lifetime():
    record = RetentionRecord(record_id="rr-1", rule="r", item_kind="k", destroyed_at=LATE_EVENING)
    assert agg.from_retention(record, UTC).key[-1] == agg.UNKNOWN_LIFETIME


def test_an_access_counts_by_role_action_and_outcome_and_its_actor_only_as_a_digest():
    event = AuditEvent(event_id="a-1", at=LATE_EVENING, actor="officer-jane", actor_kind="person", role="officer",
                       action="get_evidence", outcome="allowed", resource="case-7")
    access, actor = agg.from_audit(event, NEW_YORK)
    assert access == agg.Increment("accesses_daily", "a-1", (date(2025, 12, 31), "person", "officer", "get_evidence", "allowed"))
    assert actor.table == "accessors_yearly" and actor.key[:3] == (2025, "person", "officer")
    assert "jane" not in repr(actor) and "case-7" not in repr((access, actor))
    same_officer_again = AuditEvent(event_id="a-2", at=LATE_EVENING, actor="officer-jane", actor_kind="person", role="officer")
    assert agg.from_audit(same_officer_again, NEW_YORK)[1].key == actor.key


def test_audit_labels_that_are_not_code_names_are_counted_as_other():
    event = AuditEvent(event_id="a-1", at=LATE_EVENING, actor="x", role="Officer ABC 123!", action="", outcome="ok")
    _, role, action, outcome = agg.from_audit(event, UTC)[0].key[1:]
    assert (role, action, outcome) == ("other", "unknown", "ok")


@pytest.mark.parametrize("convert, message", [
    (lambda: agg.from_read(PlateRead(captured_at=LATE_EVENING), PLACES, UTC), "read_id is empty"),
    (lambda: agg.from_read(PlateRead(read_id="r"), PLACES, UTC), "captured_at is missing"),
    (lambda: agg.from_case(Case(case_id="c"), PLACES, UTC), "no sightings"),
    (lambda: agg.from_retention(RetentionRecord(rule="x", destroyed_at=LATE_EVENING), UTC), "record_id is empty"),
    (lambda: agg.from_audit(AuditEvent(event_id="a", actor="x"), UTC), "at is missing"),
])
def test_events_without_id_or_time_are_refused_with_the_reason(convert, message):
    with pytest.raises(agg.InvalidEvent, match=message):
        convert()


def test_tally_adds_up_increments_per_row():
    day = date(2026, 1, 1)
    increments = [agg.Increment("reads_daily", f"r-{i}", (day, 9, "t", "z")) for i in range(3)]
    increments.append(agg.Increment("reads_daily", "r-9", (day, 9, "t2", "z")))
    assert agg.tally(increments) == {("reads_daily", (day, 9, "t", "z")): 3, ("reads_daily", (day, 9, "t2", "z")): 1}
