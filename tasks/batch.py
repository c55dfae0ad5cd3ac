"""A batch of documents on its way through the steps, and the per-batch step functions.

Each `Item` remembers which raw document became which article and which
events, or why it stopped (unchanged, skipped by cleaning, a duplicate, an
error), so `store` can record every document's outcome. Plain functions:
the Prefect wrappers in `tasks/prefect_tasks.py` only call these.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from tasks.clean import Article, clean_documents
from tasks.dedupe import Deduplicator
from tasks.fetch.documents import FetchAttempt, FetchError, RawDocument

PENDING = "pending"  # still on its way to the warehouse
UNCHANGED = "unchanged"  # stored before with the same content
SKIPPED = "skipped"  # cleaning decided it is not an article we keep
DUPLICATE = "duplicate"  # the same text is stored (or earlier in this batch) under another id
FAILED = "error"


@dataclass
class Item:
    document: RawDocument | None  # None when re-extracting a stored article
    raw_hash: str | None = None
    article: Article | None = None
    events: list = field(default_factory=list)
    status: str = PENDING
    stage: str | None = None  # the step that stopped it
    reason: str | None = None
    signature: bytes | None = None  # the text's MinHash, stored to recognise later copies
    duplicate_of: str | None = None  # for a copy: the article it copies
    place_countries: dict[str, str | None] = field(default_factory=dict)  # event locations -> their country

    def stop(self, status: str, stage: str, reason: str) -> None:
        self.status, self.stage, self.reason = status, stage, reason


@dataclass
class FetchReport:
    """What the fetch step and the raw-hash check found, stored with the run's first batch."""

    sources: list = field(default_factory=list)
    documents: dict[str, int] = field(default_factory=dict)  # per source
    unchanged: dict[str, int] = field(default_factory=dict)  # per source
    skipped: dict[str, int] = field(default_factory=dict)  # per source, by the reader itself
    errors: list[FetchError] = field(default_factory=list)
    attempts: list[FetchAttempt] = field(default_factory=list)  # every URL web sources considered


@dataclass
class Batch:
    items: list[Item]
    number: int = 1
    fetch_report: FetchReport | None = None  # on the first batch of a run
    final: bool = False  # the run ends with this batch
    # On the final batch: the URL attempts, remembered only once their
    # documents are stored (a URL remembered but lost would never be fetched again).
    attempts: list[FetchAttempt] = field(default_factory=list)

    def pending(self) -> list[Item]:
        return [item for item in self.items if item.status == PENDING and item.article is not None]


def raw_hash(document: RawDocument, topics: Iterable[str] = ()) -> str:
    """Body, metadata and the source's topic filter: if none changed, neither does the outcome."""
    payload = json.dumps(
        [document.content, document.content_type, document.metadata, sorted(topics)],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def plan_batches(items: list[Item], size: int, fetch_report: FetchReport | None = None) -> list[Batch]:
    """Split into batches of `size`; the first carries the fetch report, the last ends the run.

    A run with nothing new still has one (empty) batch, so the run and its
    fetch report are stored.
    """
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    batches = [Batch(chunk, number=n) for n, chunk in enumerate(chunks, start=1)]
    batches[0].fetch_report = fetch_report
    batches[-1].final = True
    if fetch_report is not None:
        batches[-1].attempts = fetch_report.attempts
    return batches


def clean_batch(
    batch: Batch,
    topics_by_source: dict[str, tuple[str, ...]] | None = None,
    copies: Deduplicator | None = None,
) -> Batch:
    """Clean the pending documents, source by source (uris are unique within a source).

    `copies` knows the articles kept so far (loaded from the warehouse, and
    updated here); without it only copies within the batch are found.
    """
    by_source: dict[str, list[Item]] = defaultdict(list)
    for item in batch.items:
        if item.status == PENDING and item.document is not None and item.article is None:
            by_source[item.document.source].append(item)
    for items in by_source.values():
        waiting: dict[str, deque[Item]] = defaultdict(deque)
        for item in items:
            waiting[item.document.uri].append(item)
        result = clean_documents([item.document for item in items], topics_by_source, copies)
        for article in result.articles:
            item = waiting[article.uri].popleft()
            item.article = article
            if copies is not None:
                item.signature = copies.signature(article.article_id)
        for skipped in result.skipped:
            item = waiting[skipped.uri].popleft()
            if skipped.duplicate_of is not None or skipped.reason.startswith("duplicate"):
                item.article = skipped.article
                item.duplicate_of = skipped.duplicate_of.article_id if skipped.duplicate_of else None
                item.stop(DUPLICATE, "clean", skipped.reason)
            else:
                item.stop(SKIPPED, "clean", skipped.reason)
    return batch


@dataclass
class Extraction:
    """What the extractor made of some articles: each one's events and the
    countries of their places, or why it failed. Depends on nothing but the
    articles and the extractor, so it can be computed elsewhere (a Dask
    worker) and cached by content (`extraction_key`)."""

    events: dict[str, list] = field(default_factory=dict)  # article_id -> events
    place_countries: dict[str, dict[str, str | None]] = field(default_factory=dict)  # article_id -> place -> country
    failures: dict[str, str] = field(default_factory=dict)  # article_id -> reason
    extractor_version: str | None = None  # of the extractor that ran, wherever it ran


def articles_to_extract(batch: Batch) -> list[Article]:
    return [item.article for item in batch.pending()]


def extract_events(
    articles: list[Article],
    extract: Callable[[list[Article]], list] | None = None,
    country_of: Callable[[str], str | None] | None = None,
) -> Extraction:
    """Each article's events, and the country of each event's place where the
    gazetteer knows it (the warehouse merges reports "in Moscow" and "at the
    Kremlin"). One article that breaks the extractor fails alone: the
    articles are then extracted one by one."""
    result = Extraction()
    if not articles:
        return result
    if extract is None:
        from tasks.extract import extract_articles as extract

        result.extractor_version = current_extractor_version()
    if country_of is None:
        from tasks.extract.gazetteer import load_gazetteer

        country_of = load_gazetteer().country_of
    try:
        events = extract(articles)
    except Exception:  # noqa: BLE001 - find the article that breaks it, keep the rest
        events = []
        for article in articles:
            try:
                events.extend(extract([article]))
            except Exception as exc:  # noqa: BLE001
                result.failures[article.article_id] = f"{type(exc).__name__}: {exc}"
    by_article: dict[str, list] = defaultdict(list)
    for event in events:
        by_article[event.article_id].append(event)
    for article in articles:
        if article.article_id in result.failures:
            continue
        found = by_article.get(article.article_id, [])
        result.events[article.article_id] = found
        result.place_countries[article.article_id] = {e.location: country_of(e.location) for e in found if e.location}
    return result


def with_events(batch: Batch, extraction: Extraction) -> Batch:
    """Attach an extraction to the batch's pending items (or stop those it failed on)."""
    for item in batch.pending():
        article_id = item.article.article_id
        if article_id in extraction.failures:
            item.stop(FAILED, "extract", extraction.failures[article_id])
        else:
            item.events = extraction.events.get(article_id, [])
            item.place_countries = extraction.place_countries.get(article_id, {})
    return batch


def extract_batch(
    batch: Batch,
    extract: Callable[[list[Article]], list] | None = None,
    country_of: Callable[[str], str | None] | None = None,
) -> Batch:
    """`extract_events` on the batch's pending articles, attached to them."""
    return with_events(batch, extract_events(articles_to_extract(batch), extract, country_of))


def extraction_key(articles: list[Article], extractor_version: str | None = None) -> str:
    """A cache key for `extract_events`: the extractor's version (a hash of its
    code, data and model) and everything the extractor reads of each article.

    An article without a publication date may have its relative dates
    resolved against today, so such a batch's key also holds today's date.
    """
    digest = hashlib.sha256((extractor_version or current_extractor_version()).encode("utf-8"))
    undated = False
    for article in articles:
        record = article.as_record()
        undated = undated or not record.get("published")
        digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
        digest.update(b"\x00")
    if undated:
        digest.update(date.today().isoformat().encode("ascii"))
    return f"extract-{digest.hexdigest()[:40]}"


def current_extractor_version() -> str:
    """The extractor's version string, whether it is exported as a constant or a function."""
    import tasks.extract as extract

    version = getattr(extract, "EXTRACTOR_VERSION", None) or extract.extractor_version
    return version() if callable(version) else str(version)
