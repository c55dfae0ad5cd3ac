"""The store step and its cheap checks: what is new, what is stored, what a run did.

Plain functions over `tasks.batch` types; `warehouse/` does the SQL. The
checks run before the costly steps: a web page whose validators or body hash
are unchanged is not even downloaded again (the fetch state), a raw document
whose hash is unchanged since the last run is not cleaned, and a cleaned
article whose text is already stored, or which copies a stored article, is
not extracted.
"""
from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tasks.batch import DUPLICATE, FAILED, PENDING, SKIPPED, UNCHANGED, Batch, FetchReport, Item, raw_hash
from tasks.clean import Article
from tasks.dedupe import Deduplicator
from tasks.fetch import FetchAttempt, FetchResult, Source, Validators, url_states
from warehouse.db import open_for_writing, utcnow
from warehouse.parquet import ChangedPartitions, export_parquet
from warehouse.query import (
    UrlStateReader,
    article_signatures,
    known_raw_hashes,
    same_article,
    stored_articles,
    stored_fingerprints,
)
from warehouse.writer import DocumentRecord, FetchRecord, RunCounts, RunRecord, Writer, parse_timestamp


@dataclass
class StoreReport:
    """What one batch, or a whole run, did to the warehouse."""

    documents: int = 0
    new_articles: int = 0
    updated_articles: int = 0
    skipped_articles: int = 0
    events: int = 0
    errors: int = 0
    events_by_type: Counter = field(default_factory=Counter)
    skipped_by_reason: Counter = field(default_factory=Counter)
    error_messages: list[str] = field(default_factory=list)
    changed: ChangedPartitions = field(default_factory=ChangedPartitions)

    def add(self, other: "StoreReport") -> None:
        for name in ("documents", "new_articles", "updated_articles", "skipped_articles", "events", "errors"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.events_by_type.update(other.events_by_type)
        self.skipped_by_reason.update(other.skipped_by_reason)
        self.error_messages.extend(other.error_messages)
        self.changed.update(other.changed)

    def skip(self, bucket: str) -> None:
        self.skipped_articles += 1
        self.skipped_by_reason[bucket] += 1

    def fail(self, where: str, reason: str) -> None:
        self.errors += 1
        self.error_messages.append(f"{where}: {reason}")

    def counts(self) -> RunCounts:
        return RunCounts(
            documents_seen=self.documents,
            new_articles=self.new_articles,
            updated_articles=self.updated_articles,
            skipped_articles=self.skipped_articles,
            events=self.events,
            errors=self.errors,
        )

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "new_articles": self.new_articles,
            "updated_articles": self.updated_articles,
            "skipped_articles": self.skipped_articles,
            "skipped_by_reason": dict(sorted(self.skipped_by_reason.items())),
            "events": self.events,
            "events_by_type": dict(sorted(self.events_by_type.items())),
            "errors": self.errors,
            "error_messages": list(self.error_messages),
        }


def reason_bucket(reason: str) -> str:
    """'off topic: mentions none of x, y' -> 'off topic'; 'not English (detected fr)' -> 'not English'."""
    return reason.split(":", 1)[0].split(" (", 1)[0].strip()


class StoredFetchState:
    """The `FetchState` of the warehouse: each question is one lookup in
    core.url_state, so a run holds no copy of the whole fetch history.

    Holds a read-only connection from the first question on; use it as a
    context manager around the fetch step (or call `close()`) so the file is
    free again before anything is stored.
    """

    def __init__(self, data_dir: Path | str):
        self._reader = UrlStateReader(data_dir)

    def validators(self, url: str) -> Validators | None:
        found = self._reader.lookup(url)
        if found is None or not (found[0] or found[1]):
            return None
        return Validators(found[0], found[1])

    def seen_content(self, url: str, content_hash: str) -> bool:
        found = self._reader.lookup(url)
        return found is not None and found[2] == content_hash

    def known_entry(self, url: str) -> bool:
        return self._reader.lookup(url) is not None

    def close(self) -> None:
        self._reader.close()

    def __enter__(self) -> "StoredFetchState":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@dataclass
class RunMemory:
    """What earlier runs left that this run consults: the web fetch state
    (looked up per URL) and the kept articles' signatures (loaded once, packed)."""

    fetch_state: StoredFetchState
    copies: Deduplicator


def load_memory(data_dir: Path | str) -> RunMemory:
    return RunMemory(StoredFetchState(data_dir), Deduplicator.load(article_signatures(data_dir)))


def new_run(kind: str, extractor_version: str | None, flow_run_id: str | None = None) -> RunRecord:
    return RunRecord(
        run_id=uuid.uuid4().hex,
        kind=kind,
        started_at=utcnow(),
        extractor_version=extractor_version,
        flow_run_id=str(flow_run_id) if flow_run_id else None,
    )


def select_new_documents(
    data_dir: Path | str, sources: list[Source], results: list[FetchResult]
) -> tuple[list[Item], FetchReport]:
    """Drop the documents whose raw hash is the one stored by an earlier run."""
    topics = {s.name: s.topics for s in sources}
    report = FetchReport(sources=list(sources))
    items: dict[tuple[str, str], Item] = {}
    for source, result in zip(sources, results):
        report.documents[source.name] = len(result.documents)
        report.skipped[source.name] = result.skipped
        report.errors.extend(result.errors)
        report.attempts.extend(result.fetches)
        for doc in result.documents:
            items[(doc.source, doc.uri)] = Item(doc, raw_hash(doc, topics.get(doc.source, ())))
    known = known_raw_hashes(data_dir, list(items))
    new = []
    for key, item in items.items():
        if known.get(key) == item.raw_hash:
            report.unchanged[key[0]] = report.unchanged.get(key[0], 0) + 1
        else:
            new.append(item)
    return new, report


def skip_stored(data_dir: Path | str, batch: Batch) -> Batch:
    """Stop the articles stored before with this very text before they reach the extractor.

    (Copies of stored articles under other ids were stopped by cleaning.)
    """
    pending = batch.pending()
    stored = stored_fingerprints(data_dir, [i.article.article_id for i in pending])
    for item in pending:
        before = stored.get(item.article.article_id)
        if before and same_article(before, item.article.content_hash, item.article.published):
            item.stop(UNCHANGED, "skip", "unchanged: stored before with the same text")
    return batch


def store_batch(data_dir: Path | str, run: RunRecord, batch: Batch) -> StoreReport:
    """Write one batch: each article with its events in its own transaction,
    every document's outcome, and the batch's counts on the run."""
    report = StoreReport(documents=len(batch.items))
    with open_for_writing(data_dir) as con:
        writer = Writer(con)
        writer.begin_run(run)
        if batch.fetch_report is not None:
            _store_fetch_report(writer, run, batch.fetch_report, report)
        fetch_rows: list[FetchRecord] = []
        document_rows: list[DocumentRecord] = []
        for item in batch.items:
            source, uri = _where(item)
            if item.status == PENDING and item.article is not None:
                if _store_item(writer, run, item, report, fetch_rows) and item.document is not None:
                    document_rows.append(DocumentRecord(source, uri, item.raw_hash, "stored", item.article.article_id))
            elif item.status in (UNCHANGED, SKIPPED, DUPLICATE):
                report.skip(item.status if item.status != SKIPPED else reason_bucket(item.reason or "skipped"))
                fetch_rows.append(FetchRecord(source, uri, item.stage or "clean", item.status, item.reason))
                if item.document is not None:
                    document_rows.append(
                        DocumentRecord(
                            source, uri, item.raw_hash, item.status,
                            item.article.article_id if item.article else None, item.reason, item.duplicate_of,
                        )
                    )
            elif item.status == FAILED:
                report.fail(f"{source}/{uri}", item.reason or "failed")
                fetch_rows.append(FetchRecord(source, uri, item.stage or "extract", "error", item.reason))
        writer.record_fetches(run.run_id, fetch_rows)
        writer.record_documents(run.run_id, document_rows)
        if batch.attempts:
            failed = writer.run_failures(run.run_id)
            attempts = [a for a in batch.attempts if (a.source, a.url) not in failed]
            writer.record_fetches(run.run_id, [_attempt_record(a) for a in attempts])
            writer.remember_urls(url_states(attempts))
        writer.add_to_run(run.run_id, report.counts(), status="completed" if batch.final else None)
    return report


def _attempt_record(attempt: FetchAttempt) -> FetchRecord:
    return FetchRecord(
        attempt.source, attempt.url, attempt.kind, attempt.status, attempt.reason,
        attempted_at=parse_timestamp(attempt.at), http_status=attempt.http_status, etag=attempt.etag,
        last_modified=attempt.last_modified, content_hash=attempt.content_hash, final_url=attempt.final_url,
        content_type=attempt.content_type, size_bytes=attempt.size,
    )


def _where(item: Item) -> tuple[str, str]:
    if item.document is not None:
        return item.document.source, item.document.uri
    return "reprocess", item.article.article_id


def _store_fetch_report(writer: Writer, run: RunRecord, fetched: FetchReport, report: StoreReport) -> None:
    writer.record_sources(fetched.sources)
    rows = []
    failed = {e.source for e in fetched.errors}
    for source in fetched.sources:
        rows.append(
            FetchRecord(
                source.name, source.location, "fetch", "error" if source.name in failed else "ok",
                n_documents=fetched.documents.get(source.name, 0),
            )
        )
    for error in fetched.errors:
        rows.append(FetchRecord(error.source, error.uri, error.stage, "error", error.reason, attempted_at=parse_timestamp(error.at)))
        report.fail(f"{error.source}/{error.uri}", error.reason)
    writer.record_fetches(run.run_id, rows)
    unchanged = sum(fetched.unchanged.values())
    skipped = sum(fetched.skipped.values())
    report.documents += unchanged + skipped
    report.skipped_articles += unchanged + skipped
    if unchanged:
        report.skipped_by_reason["unchanged"] += unchanged
    if skipped:
        report.skipped_by_reason["skipped by fetch"] += skipped


def _store_item(writer: Writer, run: RunRecord, item: Item, report: StoreReport, fetch_rows: list) -> bool:
    """Store one article with its events; False when that failed (and was recorded)."""
    source, uri = _where(item)
    article = item.article
    try:
        stored = writer.store_article(
            article,
            item.events,
            run_id=run.run_id,
            extractor_version=run.extractor_version,
            fetch_source=item.document.source if item.document is not None else (article.metadata or {}).get("fetch_source"),
            signature=item.signature,
            place_countries=item.place_countries,
            force=item.document is None,
        )
    except Exception as exc:  # noqa: BLE001 - one bad article must not lose the batch
        reason = f"{type(exc).__name__}: {exc}"
        report.fail(f"{source}/{uri}", reason)
        fetch_rows.append(FetchRecord(source, uri, "store", "error", reason))
        return False
    if stored.status == "unchanged":
        report.skip("unchanged")
        fetch_rows.append(FetchRecord(source, uri, "store", "unchanged"))
        return True
    if stored.status == "new":
        report.new_articles += 1
    else:
        report.updated_articles += 1
    report.events += stored.mentions
    report.events_by_type.update(e.event_type for e in item.events)
    report.changed.events |= stored.event_partitions
    report.changed.articles |= stored.article_partitions
    fetch_rows.append(FetchRecord(source, uri, "store", "stored"))
    return True


def export(data_dir: Path | str, changed: ChangedPartitions | None = None) -> dict[str, int]:
    return export_parquet(data_dir, changed)


def stored_articles_to_reprocess(
    data_dir: Path | str, extractor_version: str, every: bool = False, *, after: str | None = None, limit: int | None = None
) -> tuple[list[Item], str | None, bool]:
    """The next stored articles extracted by another extractor version (or any,
    with `every`), in article_id order after the id `after`: at most `limit`
    of them, as pending items. Also returns the last id read and whether more
    follow, so a run reads the texts one batch at a time."""
    rows = stored_articles(
        data_dir, not_version=None if every else extractor_version, after=after,
        limit=limit + 1 if limit else None,
    )
    more = bool(limit) and len(rows) > limit
    rows = rows[:limit] if limit else rows
    items = []
    for row in rows:
        article = Article(
            article_id=row["article_id"],
            text=row["text"],
            content_hash=row["content_hash"],
            source=row["source"],
            uri=row["uri"],
            url=row["url"],
            title=row["title"],
            published=row["published"],
            author=row["author"],
            language=row["language"],
            metadata={
                "fetched_at": row["fetched_at"].isoformat() if row["fetched_at"] else None,
                "fetch_source": row["fetch_source"],
            },
        )
        items.append(Item(document=None, article=article))
    return items, (rows[-1]["article_id"] if rows else after), more


def mark_run_failed(data_dir: Path | str, run: RunRecord, reason: str) -> None:
    """A run that raised is recorded as failed, with what it had stored so far."""
    with open_for_writing(data_dir) as con:
        writer = Writer(con)
        writer.begin_run(run)
        writer.record_fetches(run.run_id, [FetchRecord("run", run.run_id, "run", "error", reason)])
        writer.add_to_run(run.run_id, RunCounts(errors=1), status="failed")
