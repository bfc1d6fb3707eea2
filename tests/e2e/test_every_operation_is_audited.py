"""Every data-touching operation of the pipeline leaves audit events on the demo's run: uploads,
OCR reads, cases opened and taken in for review, an officer's looks and decisions, destructions;
each with who, role, action, resource, outcome and time, and as many as there were operations."""
import re
from collections import Counter

import pytest

from alpr_common.audit_log import CHECKPOINT_ACTION
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.topic_reader import read_to_end
from alpr_common.topics import AUDIT

pytestmark = pytest.mark.e2e
# action -> the role of whoever performs it
PIPELINE_OPERATIONS = {"frame.upload": "device", "frame.read": "service", "case.open": "service",
                       "case.intake": "service", "case.view": "officer", "evidence.view": "officer",
                       "case.decide": "officer", "data.destroy": "service"}


def summary_figure(stdout: str, pattern: str) -> int:
    match = re.search(pattern, stdout)
    assert match, pattern
    return int(match.group(1))


def test_every_pipeline_operation_is_audited_once_per_operation(demo_run):
    events = [AuditEvent.FromString(m.value()) for m in read_to_end(demo_run.stores["kafka"], AUDIT.name)]
    accesses = [e for e in events if e.action != CHECKPOINT_ACTION]
    by_action = Counter(e.action for e in accesses)
    assert set(PIPELINE_OPERATIONS) <= set(by_action), f"never audited: {set(PIPELINE_OPERATIONS) - set(by_action)}"
    frames = summary_figure(demo_run.stdout, r"frames ingested\s+(\d+)")
    cases = summary_figure(demo_run.stdout, r"cases\s+expected \d+, opened (\d+)")
    decided = sum(int(n) for n in re.search(r"officer decisions\s+(\d+) confirmed, (\d+) rejected", demo_run.stdout).groups())
    assert by_action["frame.upload"] >= frames and by_action["frame.read"] >= frames
    assert by_action["case.open"] >= cases and by_action["case.intake"] >= cases and by_action["case.decide"] >= decided
    for event in accesses:
        assert event.actor and event.role and event.resource and event.outcome and event.HasField("at"), event
    wrong_role = [(e.action, e.actor, e.role) for e in accesses
                  if e.action in PIPELINE_OPERATIONS and e.role != PIPELINE_OPERATIONS[e.action]]
    assert wrong_role == []
