"""The Merkle tree against the Certificate Transparency reference vectors, and properties of its proofs."""
import hashlib

from hypothesis import given, strategies as st

from alpr_common.merkle import EMPTY_ROOT, Frontier, leaf_hash, node_hash, tree_root
from alpr_common.merkle_proofs import consistency_proof, inclusion_proof, verify_consistency, verify_inclusion

# RFC 6962 reference data (certificate-transparency / transparency-dev test vectors).
CT_LEAVES = [leaf_hash(bytes.fromhex(h)) for h in
             ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]]
CT_ROOTS = [bytes.fromhex(h) for h in [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"]]
H_96A2 = "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"
H_5F08 = "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"
H_6B47 = "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"
H_BC1A = "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"
H_CA85 = "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"
H_D37E = CT_ROOTS[4].hex()
CT_INCLUSION = [(0, 8, [H_96A2, H_5F08, H_6B47]), (5, 8, [H_BC1A, H_CA85, H_D37E]),
                (2, 3, [CT_ROOTS[2].hex()]), (1, 5, [CT_ROOTS[1].hex(), H_5F08, H_BC1A]), (0, 1, [])]
CT_CONSISTENCY = [(1, 1, []), (1, 8, [H_96A2, H_5F08, H_6B47]),
                  (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", H_CA85, H_D37E]),
                  (2, 5, [H_5F08, H_BC1A])]


def naive_root(leaves: list[bytes]) -> bytes:
    """RFC 6962's definition, word for word, with list slices."""
    if len(leaves) <= 1:
        return leaves[0] if leaves else hashlib.sha256(b"").digest()
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node_hash(naive_root(leaves[:k]), naive_root(leaves[k:]))


def test_roots_of_every_size_match_rfc_6962():
    assert [tree_root(CT_LEAVES[:n]) for n in range(9)] == CT_ROOTS


def test_the_frontier_grows_to_the_same_roots():
    frontier, roots = Frontier(), [EMPTY_ROOT]
    for leaf in CT_LEAVES:
        frontier.append(leaf)
        roots.append(frontier.root())
    assert roots == CT_ROOTS and len(frontier.peaks) == 1


def test_inclusion_proofs_match_rfc_6962_and_verify():
    for index, size, expected in CT_INCLUSION:
        proof = inclusion_proof(CT_LEAVES[:size], index)
        assert [p.hex() for p in proof] == expected
        assert verify_inclusion(CT_LEAVES[index], index, size, proof, CT_ROOTS[size])
        assert not verify_inclusion(CT_LEAVES[index], index, size, proof, CT_ROOTS[size - 1])


def test_consistency_proofs_match_rfc_6962_and_verify():
    for first, second, expected in CT_CONSISTENCY:
        proof = consistency_proof(CT_LEAVES[:second], first)
        assert [p.hex() for p in proof] == expected
        assert verify_consistency(first, second, proof, CT_ROOTS[first], CT_ROOTS[second])


leaf_lists = st.lists(st.binary(min_size=0, max_size=8), min_size=1, max_size=70).map(lambda xs: [leaf_hash(x) for x in xs])


@given(leaf_lists)
def test_frontier_and_tree_root_agree_with_the_naive_definition(leaves):
    frontier = Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    assert frontier.root() == tree_root(leaves) == naive_root(leaves)


@given(leaf_lists, st.data())
def test_any_leafs_proof_verifies_and_is_logarithmic(leaves, data):
    index = data.draw(st.integers(0, len(leaves) - 1))
    proof = inclusion_proof(leaves, index)
    assert len(proof) <= (len(leaves) - 1).bit_length()
    assert verify_inclusion(leaves[index], index, len(leaves), proof, tree_root(leaves))


@given(leaf_lists, st.data())
def test_a_tampered_leaf_or_proof_fails(leaves, data):
    index = data.draw(st.integers(0, len(leaves) - 1))
    proof, root, n = inclusion_proof(leaves, index), tree_root(leaves), len(leaves)
    assert not verify_inclusion(leaf_hash(b"forged"), index, n, proof, root)
    if proof:
        i = data.draw(st.integers(0, len(proof) - 1))
        flipped = bytes(b ^ 0xFF for b in proof[i])
        assert not verify_inclusion(leaves[index], index, n, proof[:i] + [flipped] + proof[i + 1:], root)
        assert not verify_inclusion(leaves[index], index, n, proof[:-1], root)


@given(leaf_lists, st.data())
def test_consistency_between_any_two_sizes_verifies(leaves, data):
    second = data.draw(st.integers(1, len(leaves)))
    first = data.draw(st.integers(0, second))
    proof = consistency_proof(leaves[:second], first)
    assert verify_consistency(first, second, proof, tree_root(leaves[:first]), tree_root(leaves[:second]))


@given(leaf_lists.filter(lambda leaves: len(leaves) >= 2), st.data())
def test_consistency_fails_when_history_was_rewritten(leaves, data):
    first = data.draw(st.integers(1, len(leaves) - 1))
    changed = data.draw(st.integers(0, first - 1))
    rewritten = leaves[:changed] + [leaf_hash(b"rewritten" + leaves[changed])] + leaves[changed + 1:]
    proof = consistency_proof(rewritten, first)
    assert not verify_consistency(first, len(leaves), proof, tree_root(leaves[:first]), tree_root(rewritten))
