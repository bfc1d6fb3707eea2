"""Merkle tree hashes as in Certificate Transparency (RFC 6962 section 2.1, RFC 9162 section 2.1).

Every function takes leaf hashes (already SHA-256(0x00 || leaf)), so a tree never rehashes its leaves.
"""
import hashlib
from dataclasses import dataclass, field
from typing import Sequence

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(leaf: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def split_point(n: int) -> int:
    """The largest power of two smaller than n (n >= 2): the size of the left subtree."""
    return 1 << ((n - 1).bit_length() - 1)


def subtree_root(leaves: Sequence[bytes], lo: int, hi: int) -> bytes:
    """MTH(D[lo:hi]) without copying the list."""
    if hi - lo == 0:
        return EMPTY_ROOT
    if hi - lo == 1:
        return leaves[lo]
    k = split_point(hi - lo)
    return node_hash(subtree_root(leaves, lo, lo + k), subtree_root(leaves, lo + k, hi))


def tree_root(leaves: Sequence[bytes]) -> bytes:
    return subtree_root(leaves, 0, len(leaves))


@dataclass
class Frontier:
    """The roots of the perfect subtrees of a growing tree, largest first: O(log n) memory, same root as MTH."""
    size: int = 0
    peaks: list[bytes] = field(default_factory=list)

    def append(self, leaf: bytes) -> None:
        node, n = leaf, self.size
        while n & 1:
            node = node_hash(self.peaks.pop(), node)
            n >>= 1
        self.peaks.append(node)
        self.size += 1

    def root(self) -> bytes:
        if not self.peaks:
            return EMPTY_ROOT
        node = self.peaks[-1]
        for peak in reversed(self.peaks[:-1]):
            node = node_hash(peak, node)
        return node
