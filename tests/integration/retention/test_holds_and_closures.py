"""Legal holds and citation closures against the real database and broker, with their audit events."""
from datetime import datetime, timedelta, timezone

import pytest

from alpr_common.events.decisions_pb2 import PAID, CitationClosed
from alpr_common.timeutil import to_timestamp
from services.retention.actions import close_citation, place_hold, release_hold
from services.retention.holds import Refused, hold_request
from services.retention.inventory import CaseDecided, CaseOpened, CitationIssued, from_citation_closed
from services.retention.plan import due_now
from services.retention.schedule import CaseState, ItemState

pytestmark = pytest.mark.integration
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
DUE = T0 + timedelta(hours=73)  # rejected at T0: due 72 hours later


def rejected_case(world, service):
    frames = (world.frame("r1", T0), world.frame("r2", T0))
    case_id = f"case-{world.tag}"
    service.repo.apply([CaseOpened(case_id, frames), CaseDecided(case_id, CaseState.REJECTED, T0)])
    return case_id, {f.object_key for f in frames}


def test_held_evidence_survives_due_sweeps_until_every_hold_is_lifted(world):
    service, audit = world.service(), world.audit()
    case_id, keys = rejected_case(world, service)
    world.clock.set(DUE)
    place_hold(service.cases, audit, hold_request(case_id, "Court order 26-117", "sup.ada"), DUE)
    place_hold(service.cases, audit, hold_request(case_id, "PRR-2026-9", "sup.bo"), DUE)
    assert {i.held for i in service.repo.destroyable_frames()} == {True}
    assert world.sweep().destroyed == 0 and service.past_due() == 0
    assert all(world.store.exists(k) for k in keys)

    release_hold(service.cases, audit, hold_request(case_id, "Court order 26-117", "sup.ada"), DUE)
    assert world.sweep().destroyed == 0  # the second hold still applies
    release_hold(service.cases, audit, hold_request(case_id, "PRR-2026-9", "sup.cy"), DUE)
    assert service.past_due() == 3  # two frames and the case's key
    assert world.sweep().destroyed == 3 and not any(world.store.exists(k) for k in keys)
    audit.close()

    events = [e for e in world.audit_events(case_id) if e.action.startswith("legal_hold.")]
    assert [(e.action, e.actor, e.role, e.details["reference"]) for e in events] == [
        ("legal_hold.place", "sup.ada", "supervisor", "Court order 26-117"),
        ("legal_hold.place", "sup.bo", "supervisor", "PRR-2026-9"),
        ("legal_hold.release", "sup.ada", "supervisor", "Court order 26-117"),
        ("legal_hold.release", "sup.cy", "supervisor", "PRR-2026-9")]


def test_a_hold_placed_after_the_sweep_read_the_inventory_still_wins(world):
    service, audit = world.service(), world.audit()
    case_id, keys = rejected_case(world, service)
    due = due_now(service.repo.destroyable_frames(), service.rules, DUE)
    assert {d.item_id for d in due} == keys
    place_hold(service.cases, audit, hold_request(case_id, "CO-1", "sup.ada"), DUE)
    with service.repo.claim(sorted(keys)) as claim:
        assert claim.keys == set()
    audit.close()


def test_refused_requests_say_why_and_change_nothing(world):
    service, audit = world.service(), world.audit()
    case_id, _ = rejected_case(world, service)
    cases = service.cases
    with pytest.raises(Refused, match="no case 'nope' is known to retention"):
        place_hold(cases, audit, hold_request("nope", "CO-1", "sup"), DUE)
    with pytest.raises(Refused, match=f"case {case_id} has no active hold under reference 'CO-1'"):
        release_hold(cases, audit, hold_request(case_id, "CO-1", "sup"), DUE)
    place_hold(cases, audit, hold_request(case_id, "CO-1", "sup"), DUE)
    with pytest.raises(Refused, match=f"case {case_id} is already held under reference 'CO-1'"):
        place_hold(cases, audit, hold_request(case_id, "CO-1", "sup"), DUE)
    with pytest.raises(Refused, match=f"case {case_id} is rejected; only a confirmed case has a citation to close"):
        close_citation(cases, audit, case_id, "clerk", DUE, DUE)
    audit.close()
    assert [(h.case_id, h.reference) for h in cases.active_holds()] == [(case_id, "CO-1")]
    assert [e.action for e in world.audit_events(case_id)] == ["legal_hold.place"]


def test_closing_a_citation_by_its_id_starts_the_five_year_clock(world):
    service, audit = world.service(), world.audit()
    frame, case_id, citation_id = world.frame("cited", T0), f"case-{world.tag}", f"cit-{world.tag}"
    service.repo.apply([CaseOpened(case_id, (frame,)), CaseDecided(case_id, CaseState.CONFIRMED, T0),
                        CitationIssued(citation_id, case_id)])
    assert service.repo.destroyable_frames() == []  # cited and not closed: kept, no clock
    closed = T0 + timedelta(days=90)
    done = close_citation(service.cases, audit, citation_id, "clerk.dee", closed, closed)
    assert (done.case_id, done.live_frames) == (case_id, 1)
    [item] = service.repo.destroyable_frames()
    assert (item.state, item.since) == (ItemState.CLOSED, closed)
    with pytest.raises(Refused, match="already closed"):
        close_citation(service.cases, audit, case_id, "clerk.dee", closed, closed)
    audit.close()

    world.clock.set(closed + timedelta(days=1825) - timedelta(seconds=1))
    assert world.sweep().destroyed == 0
    world.clock.set(closed + timedelta(days=1825))
    assert world.sweep().destroyed == 2 and not world.store.exists(frame.object_key)  # the frame and the case key
    records = world.records({frame.object_key, case_id})
    assert sorted((r.item_kind, r.rule) for r in records) == [("case_key", "citation_evidence"),
                                                              ("frame_image", "citation_evidence")]
    assert all("citation was closed" in r.reason for r in records)
    [event] = [e for e in world.audit_events(case_id) if e.action == "citation.close"]
    assert (event.actor, event.details["closed_at"], event.details["named"]) == ("clerk.dee", closed.isoformat(), citation_id)


def test_a_citation_closed_event_starts_the_clock_and_the_first_closure_counts(world):
    service = world.service()
    frame, case_id, citation_id = world.frame("closed-by-event", T0), f"case-ev-{world.tag}", f"cit-ev-{world.tag}"
    service.repo.apply([CaseOpened(case_id, (frame,)), CaseDecided(case_id, CaseState.CONFIRMED, T0),
                        CitationIssued(citation_id, case_id)])
    closed = T0 + timedelta(days=30)
    for at in (closed, closed + timedelta(days=10)):  # a replayed or later closure changes nothing
        event = CitationClosed(citation_id=citation_id, case_id=case_id, closed_at=to_timestamp(at), disposition=PAID)
        service.repo.apply([from_citation_closed(event)])
    [item] = [i for i in service.repo.destroyable_frames() if i.item_id == frame.object_key]
    assert (item.state, item.since) == (ItemState.CLOSED, closed)
