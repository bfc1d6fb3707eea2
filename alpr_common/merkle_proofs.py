"""Inclusion and consistency proofs (RFC 6962 section 2.1.1-2.1.2) and their checks (RFC 9162 section 2.1.3-2.1.4)."""
from typing import Sequence

from alpr_common.merkle import EMPTY_ROOT, node_hash, split_point, subtree_root


def inclusion_proof(leaves: Sequence[bytes], index: int) -> list[bytes]:
    """The audit path of leaf `index` in the tree of all `leaves`: log2(n) hashes."""
    if not 0 <= index < len(leaves):
        raise ValueError(f"leaf {index} is not in a tree of {len(leaves)}")
    return _path(leaves, index, 0, len(leaves))


def _path(leaves: Sequence[bytes], m: int, lo: int, hi: int) -> list[bytes]:
    if hi - lo == 1:
        return []
    k = split_point(hi - lo)
    if m < k:
        return _path(leaves, m, lo, lo + k) + [subtree_root(leaves, lo + k, hi)]
    return _path(leaves, m - k, lo + k, hi) + [subtree_root(leaves, lo, lo + k)]


def consistency_proof(leaves: Sequence[bytes], first: int) -> list[bytes]:
    """Proof that the tree of the first `first` leaves is a prefix of the tree of all `leaves`."""
    if not 0 <= first <= len(leaves):
        raise ValueError(f"a tree of {len(leaves)} has no earlier size {first}")
    if first == 0:
        return []
    return _subproof(leaves, first, 0, len(leaves), True)


def _subproof(leaves: Sequence[bytes], m: int, lo: int, hi: int, whole: bool) -> list[bytes]:
    if m == hi - lo:
        return [] if whole else [subtree_root(leaves, lo, hi)]
    k = split_point(hi - lo)
    if m <= k:
        return _subproof(leaves, m, lo, lo + k, whole) + [subtree_root(leaves, lo + k, hi)]
    return _subproof(leaves, m - k, lo + k, hi, False) + [subtree_root(leaves, lo, lo + k)]


def verify_inclusion(leaf: bytes, index: int, tree_size: int, proof: Sequence[bytes], root: bytes) -> bool:
    """True when `leaf` (a leaf hash) is leaf `index` of the tree of `tree_size` with this root."""
    if not 0 <= index < tree_size:
        return False
    fn, sn, r = index, tree_size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            fn, sn = _shift_while_even(fn, sn)
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_consistency(first: int, second: int, proof: Sequence[bytes], first_root: bytes, second_root: bytes) -> bool:
    """True when the tree of size `first` with `first_root` is a prefix of the one of `second` with `second_root`."""
    if first == 0:
        return first_root == EMPTY_ROOT and not proof
    if first > second:
        return False
    if first == second:
        return first_root == second_root and not proof
    path = ([first_root] if first & (first - 1) == 0 else []) + list(proof)
    if not path:
        return False
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            fn, sn = _shift_while_even(fn, sn)
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == first_root and sr == second_root


def _shift_while_even(fn: int, sn: int) -> tuple[int, int]:
    while not fn & 1 and fn != 0:
        fn, sn = fn >> 1, sn >> 1
    return fn, sn
