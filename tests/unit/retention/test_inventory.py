from datetime import datetime, timezone

import pytest

from alpr_common.events.cases_pb2 import Case, Sighting
from alpr_common.events.decisions_pb2 import CONFIRMED, OUTCOME_UNSPECIFIED, REJECTED, Citation, Decision
from alpr_common.events.frames_pb2 import Frame
from alpr_common.events.reads_pb2 import FrameRead
from services.retention import inventory
from services.retention.schedule import CaseState

AT = datetime(2026, 6, 1, 9, 30, tzinfo=timezone.utc)


def test_frames_and_finished_frames_both_name_the_object_and_capture_time():
    seen = inventory.from_frame(Frame(frame_id="f-1", object_key="frames/d/f-1.jpg", captured_at=AT))
    done = inventory.from_frame_read(FrameRead(frame_id="f-1", object_key="frames/d/f-1.jpg", captured_at=AT))
    assert seen == inventory.FrameSeen("f-1", "frames/d/f-1.jpg", AT, ocr_done=False)
    assert done.ocr_done and done.captured_at == AT


def test_a_case_lists_its_evidence_frames_and_never_its_plate():
    case = Case(case_id="c-1", plate_text="ABC123", sightings=[
        Sighting(frame_id="f-1", object_key="frames/d/f-1.jpg", captured_at=AT, plate_text="ABC123"),
        Sighting(frame_id="f-2", object_key="frames/d/f-2.jpg", captured_at=AT)])
    opened = inventory.from_case(case)
    assert opened.case_id == "c-1"
    assert [f.frame_id for f in opened.frames] == ["f-1", "f-2"]
    assert "ABC123" not in repr(opened)


@pytest.mark.parametrize("outcome, state", [(CONFIRMED, CaseState.CONFIRMED), (REJECTED, CaseState.REJECTED)])
def test_a_decision_sets_the_case_state(outcome, state):
    decided = inventory.from_decision(Decision(case_id="c-1", outcome=outcome, decided_at=AT))
    assert decided == inventory.CaseDecided("c-1", state, AT)


@pytest.mark.parametrize("event, convert, message", [
    (Frame(object_key="k", captured_at=AT), inventory.from_frame, "frame_id is empty"),
    (Frame(frame_id="f", captured_at=AT), inventory.from_frame, "object_key is empty"),
    (Decision(case_id="c", outcome=OUTCOME_UNSPECIFIED, decided_at=AT), inventory.from_decision, "neither CONFIRMED"),
    (Decision(case_id="c", outcome=REJECTED), inventory.from_decision, "decided_at is missing"),
])
def test_events_missing_what_the_inventory_needs_are_refused_with_the_reason(event, convert, message):
    with pytest.raises(inventory.InvalidEvent, match=message):
        convert(event)


def test_a_citation_links_its_id_to_its_case_and_nothing_else():
    issued = inventory.from_citation(Citation(citation_id="cit-1", case_id="c-1", plate_text="ABC123"))
    assert issued == inventory.CitationIssued("cit-1", "c-1")
    with pytest.raises(inventory.InvalidEvent, match="case_id is empty"):
        inventory.from_citation(Citation(citation_id="cit-1"))
