"""Duplicate articles: the same story under another URL is linked, not extracted again.

Exact copies are found by the cleaned text's hash; near copies (a syndicated
wire story with another headline, byline or closing paragraph) by MinHash
over word shingles, with datasketch's LSH index to find candidates and the
estimated Jaccard similarity to confirm them. A copy is linked to the first
article that was kept, never to another copy, so links do not chain.

The index lives in memory. To recognise copies of articles stored in earlier
runs, the warehouse keeps each kept article's `signature()` bytes and loads
them back once per run with `Deduplicator.load()`, which streams them into
compact arrays (about 0.7 KB an article) rather than one object each.
"""
from __future__ import annotations

import hashlib
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
_HEX32 = re.compile(r"[0-9a-f]{32}")


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
    """Answers "is this article a copy of one already kept?" and remembers the ones kept.

    Kept articles live in two parts. Those loaded from the warehouse
    (`load`) are packed into numpy arrays: per article its MinHash (128
    32-bit values), its 128-bit text hash and one bucket per
    LSH band, sorted for binary search, so a stored article costs well under
    a kilobyte and no Python object of its own. Those kept during this run
    sit in dicts beside them. The banding (bands x rows) is datasketch's
    optimum for the threshold; a candidate that shares a band bucket is
    confirmed by the estimated Jaccard similarity, as MinHashLSH does.
    """

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.num_perm = num_perm
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.bands, self.rows = lsh.b, lsh.r
        self._packed = _Packed.empty(num_perm, self.bands)
        # kept during this run (or replaced: a new text under a stored id)
        self._by_hash: dict[str, str] = {}
        self._hash_of: dict[str, str] = {}
        self._signatures: dict[str, np.ndarray] = {}
        self._buckets: list[dict[int, list[str]]] = [{} for _ in range(self.bands)]
        self._order: dict[str, int] = {}
        self._replaced: set[str] = set()  # packed articles whose stored text no longer counts

    def __len__(self) -> int:
        return len(self._packed.ids) - len(self._replaced) + len(self._hash_of)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._hash_of or (article_id not in self._replaced and article_id in self._packed.id_set())

    @classmethod
    def load(cls, rows: Iterable[tuple[str, str, bytes | None]], **kwargs) -> "Deduplicator":
        """An index of stored articles: (article_id, content_hash, signature bytes or None), oldest first.

        `rows` may be a generator: it is read once, in chunks, and packed."""
        index = cls(**kwargs)
        index._packed = _Packed.build(rows, index.num_perm, index.bands, index.rows)
        return index

    def find(self, article_id: str, text: str, content_hash: str) -> DuplicateOf | None:
        """The first kept article this one copies, if any; the article itself (same id) does not count."""
        first = self._first_exact(content_hash)
        if first is not None and first != article_id:
            return DuplicateOf(first, "exact", 1.0)
        if len(words(text)) < MIN_WORDS:
            return None
        candidate = _values(minhash(text, self.num_perm))
        buckets = band_buckets(candidate[None, :], self.bands, self.rows)[0]
        best: tuple[int, str, float] | None = None
        for order, other, values in self._candidates(buckets):
            if other == article_id:
                continue
            similarity = float(np.count_nonzero(values == candidate)) / self.num_perm
            if similarity >= self.threshold and (best is None or order < best[0]):
                best = (order, other, similarity)
        return DuplicateOf(best[1], "near", round(best[2], 3)) if best else None

    def check(self, article_id: str, text: str, content_hash: str) -> DuplicateOf | None:
        """`find`, and keep the article when it is not a copy (replacing an older text of the same id)."""
        duplicate = self.find(article_id, text, content_hash)
        if duplicate is None:
            self.add(article_id, text, content_hash)
        return duplicate

    def add(self, article_id: str, text: str, content_hash: str) -> None:
        long_enough = len(words(text)) >= MIN_WORDS
        self._keep(article_id, content_hash, _values(minhash(text, self.num_perm)) if long_enough else None)

    def signature(self, article_id: str) -> bytes | None:
        """The stored form of a kept article's MinHash (None for texts too short to have one)."""
        found = self._signatures.get(article_id)
        if found is None and article_id not in self._replaced:
            found = self._packed.signature_of(article_id)
        return found.astype("<u8").tobytes() if found is not None else None

    def _first_exact(self, content_hash: str) -> str | None:
        for article_id in self._packed.with_hash(content_hash):
            if article_id not in self._replaced:
                return article_id
        return self._by_hash.get(content_hash)

    def _candidates(self, buckets: np.ndarray):
        """(order, article id, MinHash values) of the kept articles sharing a band bucket."""
        for row in self._packed.sharing(buckets):
            article_id = self._packed.ids[row]
            if article_id not in self._replaced:
                yield row, article_id, self._packed.values[self._packed.signature_row[row]]
        found: set[str] = set()
        for band, bucket in enumerate(buckets.tolist()):
            found.update(self._buckets[band].get(bucket, ()))
        for article_id in sorted(found):
            yield self._order[article_id], article_id, self._signatures[article_id]

    def _keep(self, article_id: str, content_hash: str, values: np.ndarray | None) -> None:
        if article_id in self._hash_of:
            self._forget(article_id)  # a new text at the same URL: it keeps its place as first copy
        elif article_id in self._packed.id_set():
            self._replaced.add(article_id)
        self._order.setdefault(article_id, self._packed.order_of(article_id, default=len(self._packed.ids) + len(self._order)))
        self._hash_of[article_id] = content_hash
        self._by_hash.setdefault(content_hash, article_id)
        if values is not None:
            self._signatures[article_id] = values
            for band, bucket in enumerate(band_buckets(values[None, :], self.bands, self.rows)[0].tolist()):
                self._buckets[band].setdefault(bucket, []).append(article_id)

    def _forget(self, article_id: str) -> None:
        old_hash = self._hash_of.pop(article_id)
        if self._by_hash.get(old_hash) == article_id:
            del self._by_hash[old_hash]
        values = self._signatures.pop(article_id, None)
        if values is not None:
            for band, bucket in enumerate(band_buckets(values[None, :], self.bands, self.rows)[0].tolist()):
                self._buckets[band][bucket].remove(article_id)


# Odd 64-bit multipliers for folding a band's values into one bucket number.
# A collision only adds a candidate, which the Jaccard estimate then rejects.
_MIX = np.random.RandomState(SEED).randint(1, 2**62, size=64, dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1)


def band_buckets(values: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One uint64 bucket per band for each signature (an n x num_perm array): n x bands."""
    values = values.astype(np.uint64, copy=False)
    out = np.zeros((values.shape[0], bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            chunk = values[:, band * rows : (band + 1) * rows]
            out[:, band] = (chunk * _MIX[: chunk.shape[1]]).sum(axis=1, dtype=np.uint64) ^ np.uint64(band)
    return out


def _values(signature: MinHash) -> np.ndarray:
    return np.asarray(signature.hashvalues, dtype=np.uint32)


def _hash_key(content_hash: str) -> tuple[int, int]:
    """A text hash as two 64-bit halves: the hash itself when it is 32 hex digits
    (`tasks.clean` makes them so), else the first 128 bits of its sha256."""
    digits = content_hash if _HEX32.fullmatch(content_hash) else \
        hashlib.sha256(content_hash.encode("utf-8")).hexdigest()[:32]
    return int(digits[:16], 16), int(digits[16:], 16)


@dataclass
class _Packed:
    """The stored articles, packed: row i is the i-th article loaded (oldest first)."""

    ids: list[str]
    hash_keys: np.ndarray       # text hashes as (high, low) uint64 pairs, sorted ...
    hash_rows: np.ndarray       # ... and the row of each
    values: np.ndarray          # MinHash values (uint32), one line per article that has a signature
    signature_row: np.ndarray   # row -> line in `values`, -1 without a signature
    bucket_keys: np.ndarray     # per band, sorted buckets (bands x m) ...
    bucket_rows: np.ndarray     # ... and the row of each
    _ids: dict[str, int] | None = None

    @classmethod
    def empty(cls, num_perm: int, bands: int) -> "_Packed":
        return cls([], np.zeros((0, 2), np.uint64), np.zeros(0, np.int64), np.zeros((0, num_perm), np.uint32),
                   np.zeros(0, np.int64), np.zeros((bands, 0), np.uint64), np.zeros((bands, 0), np.int64))

    @classmethod
    def build(cls, rows: Iterable[tuple[str, str, bytes | None]], num_perm: int, bands: int, band_rows: int) -> "_Packed":
        ids: list[str] = []
        hash_keys: list[int] = []
        chunks: list[np.ndarray] = []
        signed_rows: list[int] = []
        pending: list[bytes] = []

        def flush() -> None:
            if pending:
                chunks.append(np.frombuffer(b"".join(pending), dtype="<u8").reshape(-1, num_perm).astype(np.uint32))
                pending.clear()

        for article_id, content_hash, data in rows:
            row = len(ids)
            ids.append(article_id)
            hash_keys.append(_hash_key(content_hash))
            if data:
                signed_rows.append(row)
                pending.append(data)
                if len(pending) >= 10_000:
                    flush()
        flush()
        values = np.concatenate(chunks) if chunks else np.zeros((0, num_perm), np.uint32)
        keys = np.array(hash_keys, dtype=np.uint64).reshape(-1, 2)
        hash_order = np.lexsort((keys[:, 1], keys[:, 0]))
        signature_row = np.full(len(ids), -1, dtype=np.int64)
        signed = np.array(signed_rows, dtype=np.int64)
        signature_row[signed] = np.arange(len(signed))
        buckets = band_buckets(values, bands, band_rows).T if len(values) else np.zeros((bands, 0), np.uint64)
        bucket_order = np.argsort(buckets, axis=1, kind="stable")
        return cls(
            ids=ids,
            hash_keys=keys[hash_order],
            hash_rows=hash_order,
            values=values,
            signature_row=signature_row,
            bucket_keys=np.take_along_axis(buckets, bucket_order, axis=1),
            bucket_rows=signed[bucket_order] if len(signed) else np.zeros((bands, 0), np.int64),
        )

    def id_set(self) -> dict[str, int]:
        if self._ids is None:  # built on first need (updates of stored articles), not at load
            self._ids = {article_id: row for row, article_id in enumerate(self.ids)}
        return self._ids

    def order_of(self, article_id: str, default: int) -> int:
        return self.id_set().get(article_id, default) if self.ids else default

    def with_hash(self, content_hash: str) -> list[str]:
        high, low = (np.uint64(half) for half in _hash_key(content_hash))
        column = self.hash_keys[:, 0]
        start, end = np.searchsorted(column, high, "left"), np.searchsorted(column, high, "right")
        same = self.hash_rows[start:end][self.hash_keys[start:end, 1] == low]
        return [self.ids[row] for row in sorted(same.tolist())]

    def sharing(self, buckets: np.ndarray) -> list[int]:
        rows: set[int] = set()
        for band, bucket in enumerate(buckets):
            keys = self.bucket_keys[band]
            lo, hi = np.searchsorted(keys, bucket, "left"), np.searchsorted(keys, bucket, "right")
            rows.update(self.bucket_rows[band][lo:hi].tolist())
        return sorted(rows)

    def signature_of(self, article_id: str) -> np.ndarray | None:
        row = self.id_set().get(article_id) if self.ids else None
        if row is None or self.signature_row[row] < 0:
            return None
        return self.values[self.signature_row[row]]
