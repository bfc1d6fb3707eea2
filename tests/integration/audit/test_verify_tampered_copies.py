"""`alpr audit verify` on copies of real audit events, each tampered with in one way: every one is caught where it is."""
import re

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alpr_cli.audit import audit
from alpr_common.audit_log import chain_hash, sign_checkpoint
from tests.integration.audit.conftest import copy_to_new_topic, forged_access
from tests.unit.audit.chains import rechained

# The officer's log: accesses at 0-3, 5-8, 10-11; checkpoints at 4 (over 4), 9 (over 9) and 12 (over 12).


@pytest.fixture
def verify(kafka_bootstrap, written):
    def run(events):
        topic, positions = copy_to_new_topic(kafka_bootstrap, events)
        result = CliRunner().invoke(audit, ["verify", "--topic", topic, "--registry", str(written[2]), "--no-progress"],
                                    env={"KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap})
        found = re.findall(r"^(\d+/\d+) writer=\S+ sequence=\d+: ([^:\n]+)", result.output, re.M)
        return result, positions, found
    return run


def test_an_untouched_copy_verifies(verify, written):
    result, _, found = verify(written[0] + written[1])
    assert result.exit_code == 0 and found == []
    assert "17 audit events checked (4 checkpoints), 0 problem(s) found, 0 writer(s) with unsealed events." in result.output


def test_a_removed_event_is_reported_where_the_chain_breaks(verify, written):
    officer, vendor, _ = written
    result, at, found = verify(officer[:6] + officer[7:] + vendor)
    assert result.exit_code == 1
    assert (at[6], "expected sequence 7, found 8 (removed or reordered events)") in found
    assert [(at[8], "membership"), (at[11], "membership")] == [f for f in found if f[1] == "membership"]


def test_an_altered_event_is_reported_at_its_position(verify, written):
    officer, vendor, _ = written
    altered = rechained(officer, len(officer))
    altered[2].resource = "someone-elses-case"
    result, at, found = verify(altered + vendor)
    assert result.exit_code == 1 and found[0] == (at[2], "altered") and (at[4], "membership") in found


def test_altered_history_with_recomputed_hashes_fails_the_signed_tree(verify, written):
    officer, vendor, _ = written
    altered = rechained(officer, len(officer))
    altered[2].resource = "someone-elses-case"
    result, at, found = verify(rechained(altered, 2) + vendor)
    assert result.exit_code == 1 and found == [(at[4], "membership"), (at[9], "membership"), (at[12], "membership")]


def test_two_swapped_events_are_reported(verify, written):
    officer, vendor, _ = written
    result, at, found = verify(officer[:6] + [officer[7], officer[6]] + officer[8:] + vendor)
    assert result.exit_code == 1
    assert {pos for pos, _ in found} >= {at[6], at[7], at[9]}


def test_a_checkpoint_with_a_forged_signature_is_reported(verify, written):
    officer, vendor, _ = written
    forged = rechained(officer, len(officer))
    cp = forged[9].checkpoint
    cp.CopyFrom(sign_checkpoint(officer[9].writer_id, cp.tree_size, cp.root_hash, Ed25519PrivateKey.generate()))
    result, at, found = verify(rechained(forged, 9) + vendor)
    assert result.exit_code == 1 and found == [(at[9], "forged"), (at[12], "membership")]


def test_an_inserted_event_is_reported(verify, written):
    officer, vendor, _ = written
    intruder = forged_access(officer[0].writer_id, 7, officer[5].hash)
    intruder.hash = chain_hash(intruder)
    result, at, found = verify(officer[:6] + [intruder] + officer[6:] + vendor)
    assert result.exit_code == 1
    assert (at[7], "expected sequence 8, found 7 (removed or reordered events)") in found and (at[10], "membership") in found


def test_an_event_of_an_unregistered_writer_is_forged(verify, written):
    officer, vendor, _ = written
    stranger = forged_access("review-0badc0de", 1, b"\x00" * 32)
    stranger.hash = chain_hash(stranger)
    result, at, found = verify(officer + [stranger] + vendor)
    assert result.exit_code == 1 and found == [(at[13], "forged")]
    assert "no key in the key registry" in result.output
