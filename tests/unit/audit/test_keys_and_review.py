"""Signing keys and the registry file; the access review and event proofs as pure functions."""
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alpr_common.audit_access import access_review, parse_month
from alpr_common.audit_keys import load_signing_key, public_bytes, read_registry, register, registered_key
from alpr_common.audit_proofs import NotProvable, check_proof, prove_event
from alpr_common.errors import ConfigError
from tests.unit.audit.chains import positioned, written


def test_a_signing_key_loads_from_pem_or_raw_bytes_and_nothing_else(tmp_path):
    key = Ed25519PrivateKey.generate()
    (tmp_path / "k.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    (tmp_path / "k.raw").write_bytes(key.private_bytes_raw())
    (tmp_path / "bad").write_text("not a key")
    assert public_bytes(load_signing_key(tmp_path / "k.pem")) == public_bytes(load_signing_key(tmp_path / "k.raw")) == public_bytes(key)
    with pytest.raises(ConfigError, match="ALPR_AUDIT_SIGNING_KEY_PATH"):
        load_signing_key(tmp_path / "bad")


def test_the_registry_keeps_the_first_key_per_name_and_falls_back_to_the_service(tmp_path):
    path = tmp_path / "reg" / "keys.jsonl"
    register(path, "review-0000aaaa", b"\x01" * 32)
    register(path, "review-0000aaaa", b"\x02" * 32)
    register(path, "ocr", b"\x03" * 32)
    keys = read_registry(path)
    assert registered_key(keys, "review-0000aaaa") == b"\x01" * 32
    assert registered_key(keys, "ocr-1234abcd") == b"\x03" * 32 and registered_key(keys, "rules-1234abcd") is None


def test_access_review_counts_one_month_and_leaves_checkpoints_out():
    events, _ = written("review-aaaa0001", 6, every=2)
    [row] = access_review(events, "2026-03")
    assert (row.actor, row.role, row.action, row.events, row.resources) == ("officer-1", "officer", "case.view", 6, 6)
    assert access_review(events, "2026-02") == []
    with pytest.raises(ValueError):
        parse_month("2026-13")


def test_an_event_proof_checks_out_only_with_its_writers_key():
    events, key = written("w-1", 5, every=2)  # accesses at 0,1,3,4,6; checkpoints at 2, 5, 7 (over 7)
    proof = prove_event(positioned(events), events[3].event_id)
    assert (proof.leaf_index, proof.tree_size, proof.checkpoint_position) == (3, 7, "0/7")
    assert check_proof(proof, key) == []
    assert check_proof(proof, public_bytes(Ed25519PrivateKey.generate())) != []
    with pytest.raises(NotProvable, match="not covered"):
        prove_event(positioned(events[:-1]), events[6].event_id)
