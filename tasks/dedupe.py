"""Duplicate articles: the same story under another URL is linked, not extracted again.

Exact copies are found by the cleaned text's hash; near copies (a syndicated
wire story with another headline, byline or closing paragraph) by MinHash
over word shingles, with datasketch's LSH index to find candidates and the
estimated Jaccard similarity to confirm them. A copy is linked to the first
article that was kept, never to another copy, so links do not chain.

The index lives in memory. To recognise copies of articles stored in earlier
runs, the warehouse keeps each kept article's `signature()` bytes and loads
them back with `Deduplicator.load()`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.8          # estimated Jaccard of 5-word shingles; a rewritten lede and footer stay above it
MIN_WORDS = 40           # shorter texts are only compared exactly: their shingle sets are too small to trust
SCHEME = "affine32"      # stated, because stored signatures must be rebuilt with the scheme that made them
SEED = 1

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class DuplicateOf:
    """What an article copies: the first copy's id, how (exact | near), and how closely."""

    article_id: str
    kind: str
    similarity: float

    def describe(self) -> str:
        # Starts with "duplicate" whatever the kind: callers bucket skips by that word.
        if self.kind == "exact":
            return f"duplicate of {self.article_id} (exact copy)"
        return f"duplicate of {self.article_id} (near copy, similarity {self.similarity:.2f})"


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def minhash(text: str, num_perm: int = NUM_PERM) -> MinHash:
    signature = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    signature.update_batch(list(shingles(text)))
    return signature


def signature(text: str) -> bytes:
    """The bytes to store beside an article so a later run can compare against it."""
    return encode_signature(minhash(text))


def encode_signature(signature: MinHash) -> bytes:
    return np.asarray(signature.hashvalues, dtype="<u8").tobytes()


def decode_signature(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    return MinHash(seed=SEED, scheme=SCHEME, hashvalues=values)


class Deduplicator:
    """Answers "is this article a copy of one already kept?" and remembers the ones kept."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._by_hash: dict[str, str] = {}
        self._hash_of: dict[str, str] = {}
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._hash_of)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._hash_of

    @classmethod
    def load(cls, rows: Iterable[tuple[str, str, bytes | None]], **kwargs) -> "Deduplicator":
        """An index of stored articles: (article_id, content_hash, signature bytes or None), oldest first."""
        index = cls(**kwargs)
        for article_id, content_hash, data in rows:
            index._keep(article_id, content_hash, decode_signature(data) if data else None)
        return index

    def find(self, article_id: str, text: str, content_hash: str) -> DuplicateOf | None:
        """The first kept article this one copies, if any; the article itself (same id) does not count."""
        first = self._by_hash.get(content_hash)
        if first is not None and first != article_id:
            return DuplicateOf(first, "exact", 1.0)
        if len(words(text)) < MIN_WORDS:
            return None
        candidate = minhash(text, self.num_perm)
        best: tuple[int, str, float] | None = None
        for other in self._lsh.query(candidate):
            if other == article_id:
                continue
            similarity = candidate.jaccard(self._signatures[other])
            if similarity >= self.threshold and (best is None or self._order[other] < best[0]):
                best = (self._order[other], other, similarity)
        return DuplicateOf(best[1], "near", round(best[2], 3)) if best else None

    def check(self, article_id: str, text: str, content_hash: str) -> DuplicateOf | None:
        """`find`, and keep the article when it is not a copy (replacing an older text of the same id)."""
        duplicate = self.find(article_id, text, content_hash)
        if duplicate is None:
            self.add(article_id, text, content_hash)
        return duplicate

    def add(self, article_id: str, text: str, content_hash: str) -> None:
        long_enough = len(words(text)) >= MIN_WORDS
        self._keep(article_id, content_hash, minhash(text, self.num_perm) if long_enough else None)

    def signature(self, article_id: str) -> bytes | None:
        """The stored form of a kept article's MinHash (None for texts too short to have one)."""
        found = self._signatures.get(article_id)
        return encode_signature(found) if found is not None else None

    def _keep(self, article_id: str, content_hash: str, signature: MinHash | None) -> None:
        if article_id in self._hash_of:
            self._forget(article_id)  # a new text at the same URL: it keeps its place as first copy
        self._order.setdefault(article_id, len(self._order))
        self._hash_of[article_id] = content_hash
        self._by_hash.setdefault(content_hash, article_id)
        if signature is not None:
            self._signatures[article_id] = signature
            self._lsh.insert(article_id, signature)

    def _forget(self, article_id: str) -> None:
        old_hash = self._hash_of.pop(article_id)
        if self._by_hash.get(old_hash) == article_id:
            del self._by_hash[old_hash]
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)
