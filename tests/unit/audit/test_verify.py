"""verify_chains on logs with signed checkpoints: every kind of tampering is reported where it happened."""
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alpr_common.audit_chain import verify_chains
from alpr_common.audit_log import CHECKPOINT_ACTION, sign_checkpoint
from tests.unit.audit.chains import positioned, rechained, written


def kinds(problems) -> list[tuple[str, str]]:
    return [(p.position, p.problem.split(":")[0]) for p in problems]


def test_an_intact_log_of_interleaved_writers_verifies_against_the_registry():
    a, key_a = written("review-aaaa0001", 10, every=4)
    b, key_b = written("ocr-bbbb0002", 3, every=4)
    result = verify_chains(positioned(a[:6] + b + a[6:]), {"review-aaaa0001": key_a, "ocr": key_b})
    assert (result.checked, result.checkpoints, result.problems, result.unsealed) == (17, 4, [], [])
    assert [e.checkpoint.tree_size for e in a if e.action == CHECKPOINT_ACTION] == [4, 9, 12]


def test_without_a_registry_each_writer_is_held_to_its_first_key():
    events, _ = written("w-1", 9, every=3)
    assert verify_chains(positioned(events)).problems == []


def test_a_removed_event_breaks_the_chain_and_the_next_checkpoints_tree():
    events, key = written("w-1", 8, every=4)  # checkpoints at offsets 4 and 9
    result = verify_chains(positioned(events[:2] + events[3:]), {"w-1": key})
    assert kinds(result.problems) == [("0/2", "expected sequence 3, found 4 (removed or reordered events)"),
                                      ("0/2", "broken link"), ("0/3", "membership"), ("0/8", "membership")]


def test_history_rewritten_with_fresh_hashes_is_caught_by_the_signed_tree():
    events, key = written("w-1", 8, every=4)
    events[1].resource = "someone-else"
    result = verify_chains(positioned(rechained(events, 1)), {"w-1": key})
    assert kinds(result.problems) == [("0/4", "membership"), ("0/9", "membership")]


def forged_at(events, offset):
    """A copy whose checkpoint at `offset` is re-signed by another key, hashes recomputed from there on."""
    events = rechained(events, len(events))
    cp = events[offset].checkpoint
    cp.CopyFrom(sign_checkpoint("w-1", cp.tree_size, cp.root_hash, Ed25519PrivateKey.generate()))
    return rechained(events, offset)


def test_a_checkpoint_signed_by_another_key_is_forged():
    events, key = written("w-1", 4, every=2)  # checkpoints at offsets 2 and 5
    assert kinds(verify_chains(positioned(forged_at(events, 2)), {"w-1": key}).problems) == [("0/2", "forged"), ("0/5", "membership")]
    assert kinds(verify_chains(positioned(forged_at(events, 5)), {"w-1": key}).problems) == [("0/5", "forged")]


def test_without_a_registry_a_later_checkpoint_with_another_key_is_forged():
    events, _ = written("w-1", 4, every=2)
    assert kinds(verify_chains(positioned(forged_at(events, 5))).problems) == [("0/5", "forged")]


def test_a_writer_missing_from_the_registry_is_forged():
    real, key = written("review-aaaa0001", 2, every=4)
    fake, _ = written("review-ffff0009", 2, every=4)
    result = verify_chains(positioned(real + fake), {"review-aaaa0001": key})
    assert kinds(result.problems) == [("0/3", "forged")]
    assert "no key in the key registry" in result.problems[0].problem


def test_a_tail_after_the_last_checkpoint_is_a_warning_not_a_problem():
    events, key = written("w-1", 6, every=4)
    result = verify_chains(positioned(events[:-1]), {"w-1": key})
    assert result.problems == [] and kinds(result.unsealed) == [("0/6", "2 event(s) after the last checkpoint")]
