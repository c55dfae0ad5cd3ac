"""MinHash near-duplicates and exact copies, linked to the first copy kept."""
from __future__ import annotations

import tracemalloc

import numpy as np

from tasks.dedupe import (
    MIN_WORDS,
    NUM_PERM,
    Deduplicator,
    decode_signature,
    minhash,
    shingles,
    signature,
)

WIRE = (
    "Syrian President Ahmed al-Sharaa met Russian President Vladimir Putin in Moscow on Wednesday, the Kremlin said, "
    "in the first visit by the new Syrian leader to Russia since the fall of the previous government last December. "
    "The two leaders discussed the future of the Russian air base at Hmeimim and the naval facility at Tartus, energy "
    "supplies, wheat deliveries and the reconstruction of the country's power grid, according to a statement published "
    "after the talks. Officials from both countries said further meetings between their foreign ministers were planned "
    "for the coming months, and that a joint working group would prepare a new economic agreement before the end of "
    "the year. Analysts said the visit showed that Damascus wants to keep its options open between Moscow and the West."
)
# The same wire story as another outlet runs it: its own dateline, one sentence cut, a closing line added.
SYNDICATED = (
    "MOSCOW (Agencies) - " + WIRE.replace(" Analysts said the visit showed that Damascus wants to keep its options open "
                                          "between Moscow and the West.", "")
    + " Follow our live coverage for more updates."
)
OTHER = (
    "Turkish and Iraqi ministers signed an agreement on water sharing from the Tigris and Euphrates rivers in Ankara "
    "on Tuesday, officials said, after months of negotiations over dams, irrigation and drought. The deal covers the "
    "next five years and will be reviewed every year by a joint technical committee, according to a statement by the "
    "foreign ministry, which called it a turning point for relations between the two neighbours and their farmers."
)


def test_shingles_are_word_five_grams_of_the_lowercased_words():
    assert shingles("One two Three, four five six.") == {b"one two three four five", b"two three four five six"}
    assert shingles("Just three words") == {b"just three words"}
    assert shingles("") == set()


def test_a_syndicated_copy_is_a_near_duplicate_of_the_first():
    index = Deduplicator()
    assert index.check("wire", WIRE, "h-wire") is None
    duplicate = index.check("copy", SYNDICATED, "h-copy")
    assert (duplicate.article_id, duplicate.kind) == ("wire", "near")
    assert 0.8 <= duplicate.similarity < 1.0
    assert duplicate.describe().startswith("duplicate of wire (near copy, similarity 0.")


def test_a_different_story_is_not_a_duplicate():
    index = Deduplicator()
    index.check("wire", WIRE, "h-wire")
    assert index.check("other", OTHER, "h-other") is None
    assert minhash(WIRE).jaccard(minhash(OTHER)) < 0.2


def test_an_exact_copy_under_another_id():
    index = Deduplicator()
    index.check("a", "Short text.", "same-hash")
    duplicate = index.check("b", "Short text.", "same-hash")
    assert (duplicate.article_id, duplicate.kind, duplicate.similarity) == ("a", "exact", 1.0)
    assert duplicate.describe() == "duplicate of a (exact copy)"


def test_short_texts_are_only_compared_exactly():
    short = "Putin met Sharaa in Moscow on Wednesday for talks."
    assert len(short.split()) < MIN_WORDS
    index = Deduplicator()
    index.check("a", short, "h1")
    assert index.check("b", short + " Reuters.", "h2") is None


def test_the_same_article_with_new_text_is_an_update_not_a_copy():
    index = Deduplicator()
    index.check("wire", WIRE, "h1")
    assert index.check("wire", SYNDICATED, "h2") is None
    assert len(index) == 1
    # its old text is forgotten: an exact copy of it is no longer found by hash...
    assert index.find("other", WIRE, "h1").kind == "near"
    # ...and the updated article keeps its place as the first copy
    assert index.check("later", SYNDICATED, "h3").article_id == "wire"


def test_copies_link_to_the_first_copy_not_to_each_other():
    index = Deduplicator()
    index.check("first", WIRE, "h1")
    index.check("second", SYNDICATED, "h2")           # a copy: not kept
    assert "second" not in index
    assert index.check("third", SYNDICATED, "h3").article_id == "first"


def test_signatures_survive_storage():
    index = Deduplicator()
    index.check("wire", WIRE, "h-wire")
    stored = index.signature("wire")
    assert stored == signature(WIRE) and len(stored) == 128 * 8
    assert decode_signature(stored).jaccard(minhash(WIRE)) == 1.0
    reloaded = Deduplicator.load([("wire", "h-wire", stored), ("tiny", "h-tiny", None)])
    assert reloaded.find("copy", SYNDICATED, "h-copy").article_id == "wire"
    assert reloaded.find("copy", "tiny", "h-tiny").article_id == "tiny"
    assert index.signature("missing") is None


def _stored_rows(n: int, seed: int = 7):
    """n stored articles as the warehouse gives them back: unrelated random signatures."""
    rng = np.random.default_rng(seed)
    for i in range(n):
        values = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64)
        yield f"stored-{i:06d}", f"{i:032x}", values.astype("<u8").tobytes()


def test_a_loaded_index_finds_copies_of_stored_articles_among_many():
    rows = list(_stored_rows(2000))
    rows.insert(1000, ("wire", "a" * 32, signature(WIRE)))
    index = Deduplicator.load(iter(rows))
    assert len(index) == 2001 and "wire" in index and "stored-000007" in index
    assert index.find("copy", SYNDICATED, "h-copy").article_id == "wire"
    assert index.find("again", "whatever the text", "0" * 31 + "7").article_id == "stored-000007"  # exact, by hash
    assert index.find("other", OTHER, "h-other") is None
    assert index.signature("wire") == signature(WIRE)
    # the stored article comes back with a new text: its old text no longer counts, its place does
    assert index.check("wire", OTHER, "h-new") is None
    assert len(index) == 2001
    assert index.find("copy", SYNDICATED, "h-copy") is None
    assert index.check("later", OTHER + " ", "h-later").article_id == "wire"


def test_loading_stored_signatures_costs_under_a_kilobyte_an_article():
    rows = [(f"stored-{i:06d}", h, data) for i, (_, h, data) in enumerate(_stored_rows(5000))]
    tracemalloc.start()
    index = Deduplicator.load(iter(rows))
    kept, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(index) == 5000
    assert kept / 5000 < 1000  # one MinHash object and LSH entry each took over 5 KB
