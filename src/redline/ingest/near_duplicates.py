"""Near-duplicate detection: syndicated copies of one wire story, lightly edited or trimmed, are
found without comparing every pair of articles.

An LSH index of MinHash signatures over word shingles proposes candidates (estimated Jaccard
similarity of at least ``CANDIDATE_THRESHOLD``); a candidate is a near-duplicate when at least
``THRESHOLD`` of the shorter text's shingles are in the other text (exact containment), so a
copy cut to its first paragraphs still counts as a copy.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 3
THRESHOLD = 0.8
CANDIDATE_THRESHOLD = 0.5
# Pinned so that signatures stored by one version still compare with fresh ones.
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping runs of ``size`` lower-cased words (single words for very short texts)."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return set(words)
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    encoded = [shingle.encode("utf-8", "surrogatepass") for shingle in shingles(text)]
    if encoded:
        minhash.update_batch(encoded)  # vectorised: far faster than update() per shingle
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    """The signature as bytes for the store (little-endian uint64 hash values)."""
    return bytes(np.asarray(minhash.hashvalues, dtype="<u8").tobytes())


def signature_from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)


def containment(text: str, other: str) -> float:
    """The share of the shorter text's shingles that the other text also has."""
    mine, theirs = shingles(text), shingles(other)
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / min(len(mine), len(theirs))


@lru_cache(maxsize=8)
def _lsh_params(threshold: float) -> tuple[int, int]:
    # datasketch finds the bands and rows by numerical integration: slow, so done once.
    probe = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return probe.b, probe.r


class NearDuplicateIndex:
    """An LSH index of article signatures; ``find`` returns candidate ids, most similar first."""

    def __init__(self, threshold: float = CANDIDATE_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_params(threshold))
        self._signatures: dict[str, MinHash] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._signatures

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, key: str, minhash: MinHash) -> None:
        if key not in self._signatures:
            self._lsh.insert(key, minhash)
            self._signatures[key] = minhash

    def find(self, minhash: MinHash) -> list[tuple[str, float]]:
        """(id, estimated Jaccard similarity) of indexed signatures at or above the threshold."""
        found = []
        for key in self._lsh.query(minhash):
            similarity = float(minhash.jaccard(self._signatures[key]))
            if similarity >= self.threshold:
                found.append((key, similarity))
        return sorted(found, key=lambda item: (-item[1], item[0]))


__all__ = [
    "CANDIDATE_THRESHOLD",
    "NUM_PERM",
    "SHINGLE_WORDS",
    "THRESHOLD",
    "NearDuplicateIndex",
    "containment",
    "shingles",
    "signature",
    "signature_bytes",
    "signature_from_bytes",
]
