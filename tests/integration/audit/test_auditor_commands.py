"""AuditTrail's checkpoints and registry on the real broker; `alpr audit prove` and `access-review` on a copy."""
import json

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alpr_cli.audit import audit
from alpr_common.audit_keys import read_registry
from alpr_common.audit_log import CHECKPOINT_ACTION, sign_checkpoint
from alpr_common.merkle_proofs import verify_inclusion
from tests.integration.audit.conftest import copy_to_new_topic
from tests.unit.audit.chains import rechained


@pytest.fixture
def cli(kafka_bootstrap, written):
    def run(events, *args):
        topic, _ = copy_to_new_topic(kafka_bootstrap, events)
        return CliRunner().invoke(audit, [*args, "--topic", topic, "--no-progress"],
                                                  env={"KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap})
    return run


def test_the_trail_checkpoints_every_n_events_and_on_close_with_its_registered_key(written):
    officer, vendor, registry = written
    checkpoints = [(e.sequence, e.checkpoint.tree_size) for e in officer if e.action == CHECKPOINT_ACTION]
    assert checkpoints == [(5, 4), (10, 9), (13, 12)]
    assert [e.sequence for e in officer] == list(range(1, 14)) and vendor[-1].checkpoint.tree_size == 3
    keys = read_registry(registry)
    assert keys[officer[0].writer_id] == officer[4].checkpoint.public_key != keys[vendor[0].writer_id]


def test_prove_prints_an_inclusion_proof_that_verifies(cli, written):
    officer, vendor, registry = written
    result = cli(officer + vendor, "prove", officer[6].event_id, "--registry", str(registry))
    proof = json.loads(result.stdout)
    assert result.exit_code == 0 and proof["verified"] is True
    assert (proof["leaf_index"], proof["tree_size"], proof["checkpoint_position"].split("/")[1]) == (6, 12, "12")
    path = [bytes.fromhex(h) for h in proof["path"]]
    assert len(path) == 4 and verify_inclusion(bytes.fromhex(proof["leaf_hash"]), 6, 12, path, bytes.fromhex(proof["root_hash"]))


def test_prove_fails_against_a_checkpoint_with_a_forged_signature(cli, written):
    officer, vendor, registry = written
    forged = rechained(officer, len(officer))
    cp = forged[12].checkpoint
    cp.CopyFrom(sign_checkpoint(officer[0].writer_id, cp.tree_size, cp.root_hash, Ed25519PrivateKey.generate()))
    result = cli(rechained(forged, 12) + vendor, "prove", officer[2].event_id, "--registry", str(registry))
    assert result.exit_code == 1 and json.loads(result.stdout)["problems"] == [
        "the checkpoint's signature does not verify with the writer's registered key"]


def test_access_review_counts_accesses_per_actor_role_action_and_outcome(cli, written):
    officer, vendor, _ = written
    rows = [json.loads(line) for line in cli(officer + vendor, "access-review", "--month", "2026-03", "--format", "jsonl").stdout.splitlines()]
    assert [(r["actor"], r["role"], r["action"], r["outcome"], r["events"], r["resources"]) for r in rows] == [
        ("acme", "vendor", "frame.upload", "denied", 3, 3),
        ("officer-0", "officer", "case.view", "allowed", 5, 3),
        ("officer-1", "officer", "case.view", "allowed", 5, 3)]
    assert cli(officer, "access-review", "--month", "2026-04", "--format", "jsonl").stdout == ""
