from alpr_common.audit_log import GENESIS, chain_hash
from alpr_common.audit_chain import verify_chains
from alpr_common.events.audit_pb2 import AuditEvent


def chain(writer: str, n: int) -> list[AuditEvent]:
    events, prev = [], GENESIS
    for seq in range(1, n + 1):
        event = AuditEvent(writer_id=writer, sequence=seq, prev_hash=prev, actor="officer-1", action="case.view", resource=f"c{seq}")
        event.hash = chain_hash(event)
        events.append(event)
        prev = event.hash
    return events


def positioned(events):
    return [(str(i), e) for i, e in enumerate(events)]


def test_intact_interleaved_chains_verify():
    a, b = chain("a", 3), chain("b", 2)
    result = verify_chains(positioned([a[0], b[0], a[1], b[1], a[2]]))
    assert (result.checked, result.problems) == (5, [])


def test_removed_event_is_reported_at_the_next_one():
    events = chain("a", 4)
    problems = verify_chains(positioned(events[:1] + events[2:])).problems
    assert problems[0].sequence == 3 and "expected sequence 2" in problems[0].problem
    assert any("broken link" in p.problem for p in problems)


def test_altered_event_is_reported():
    events = chain("a", 3)
    events[1].resource = "someone-else"
    problems = verify_chains(positioned(events)).problems
    assert [(p.sequence, p.problem.split(":")[0]) for p in problems] == [(2, "altered")]


def test_reordered_events_are_reported():
    events = chain("a", 3)
    problems = verify_chains(positioned([events[0], events[2], events[1]])).problems
    assert {p.sequence for p in problems} == {3, 2}


def test_forged_event_with_a_fresh_hash_breaks_the_link():
    events = chain("a", 2)
    forged = AuditEvent(writer_id="a", sequence=2, prev_hash=b"\x01" * 32, action="case.view", resource="forged")
    forged.hash = chain_hash(forged)
    problems = verify_chains(positioned([events[0], forged])).problems
    assert [p.problem.split(":")[0] for p in problems] == ["broken link"]
