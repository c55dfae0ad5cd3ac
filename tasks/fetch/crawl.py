"""The bookkeeping every web source shares: ask the state, GET, log the attempt.

A `Crawl` is one source's pass over the web in one run. `get` sends a
conditional GET and returns a response only when there is something new to
parse; every outcome (ok, not modified, error, skipped) lands in the result as
a FetchAttempt, and every failure also as a FetchError. `fetch_entries` turns
the links a feed or sitemap lists into page documents, skipping the ones the
state already knows.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from tasks.fetch.documents import (
    ERROR,
    NOT_MODIFIED,
    OK,
    SKIPPED,
    FetchAttempt,
    FetchError,
    FetchResult,
    RawDocument,
    content_hash,
)
from tasks.fetch.http import ACCEPT_HTML, Fetcher, FetchFailed, HttpResponse, RobotsDisallowed, decode_html
from tasks.fetch.sources import Source
from tasks.fetch.state import FetchState, MemoryFetchState, SerializedState
from tasks.fetch.urls import canonical_url

HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}


@dataclass(frozen=True)
class Entry:
    """A link a feed or sitemap lists, with what the listing says about it.

    `content` is the listing's own copy of the article (a full-text feed),
    used instead of the page only when the source asks for it.
    """

    url: str
    metadata: dict = field(default_factory=dict, hash=False, compare=False)
    content: str | None = None
    has_page: bool = True   # False: `url` only names the entry (it had no link)


class Crawl:
    def __init__(self, source: Source, state: FetchState | None, fetcher: Fetcher):
        self.source = source
        state = state if state is not None else MemoryFetchState()
        self.state = state if isinstance(state, SerializedState) else SerializedState(state)
        self.fetcher = fetcher
        self.result = FetchResult()

    def child(self) -> "Crawl":
        """Same source, state and client, own result: for one worker thread."""
        return Crawl(self.source, self.state, self.fetcher)

    # --- the log ---
    def record(self, url: str, kind: str, status: str, *, response: HttpResponse | None = None,
               reason: str | None = None, http_status: int | None = None, final_url: str | None = None,
               body_hash: str | None = None, etag: str | None = None, last_modified: str | None = None,
               canonical: bool = True) -> None:
        if response is not None:
            http_status = http_status or response.status
            final_url = final_url or response.final_url
            etag = etag or response.etag
            last_modified = last_modified or response.last_modified
        self.result.fetches.append(FetchAttempt(
            source=self.source.name,
            url=(canonical_url(url) if canonical else None) or url,
            status=status,
            kind=kind,
            http_status=http_status,
            etag=etag,
            last_modified=last_modified,
            content_hash=body_hash,
            reason=reason,
            final_url=final_url,
            content_type=response.headers.get("content-type") if response is not None else None,
            size=len(response.body) if response is not None else None,
        ))

    def fail(self, url: str, kind: str, stage: str, reason: str, *, response: HttpResponse | None = None,
             http_status: int | None = None, final_url: str | None = None, canonical: bool = True) -> None:
        self.result.errors.append(FetchError(self.source.name, url, stage, reason))
        self.record(url, kind, ERROR, response=response, reason=reason, http_status=http_status,
                    final_url=final_url, canonical=canonical)

    def skip(self, url: str, kind: str, reason: str, *, known: bool = False) -> None:
        """Not requested: `known` (fetched in an earlier run) counts as unchanged, anything else as skipped."""
        if known:
            self.result.unchanged += 1
        else:
            self.result.skipped += 1
        self.record(url, kind, SKIPPED, reason=reason)

    def ok(self, response: HttpResponse, kind: str, reason: str | None = None) -> None:
        self.record(response.url, kind, OK, response=response, body_hash=content_hash(response.body), reason=reason)

    # --- the request ---
    def get(self, url: str, kind: str, accept: str, *, robots_is_error: bool = True) -> HttpResponse | None:
        """A response with a body not seen before, else None (already logged).

        The caller logs the outcome of parsing it with `ok` or `fail`.
        """
        key = canonical_url(url) or url
        previous = self.state.validators(key)
        try:
            response = self.fetcher.get(url, allow_private=self.source.allow_private,
                                        validators=previous, accept=accept)
        except RobotsDisallowed as exc:
            if robots_is_error:
                self.fail(url, kind, "fetch", exc.reason, final_url=exc.final_url)
            else:
                self.skip(url, kind, exc.reason)
            return None
        except FetchFailed as exc:
            self.fail(url, kind, "fetch", exc.reason, http_status=exc.http_status, final_url=exc.final_url)
            return None
        if response.status == 304:
            # Keep the validators known so far when the 304 does not repeat them.
            self.record(url, kind, NOT_MODIFIED, response=response, reason="304 not modified",
                        etag=response.etag or (previous.etag if previous else None),
                        last_modified=response.last_modified or (previous.last_modified if previous else None))
            return None
        if not response.body.strip():
            self.fail(url, kind, "fetch", "empty body", response=response)
            return None
        body_hash = content_hash(response.body)
        if self.state.seen_content(key, body_hash):
            self.record(url, kind, NOT_MODIFIED, response=response, body_hash=body_hash,
                        reason="content unchanged since the last fetch")
            return None
        return response


def page_document(crawl: Crawl, response: HttpResponse, metadata: dict | None = None) -> RawDocument | None:
    """An HTML (or plain text) response as a raw document; anything else is an error."""
    mime = response.mime
    if not mime and looks_like_html(response.body):
        mime = "text/html"
    if mime not in HTML_TYPES | TEXT_TYPES:
        crawl.fail(response.url, "page", "fetch", f"not html: content-type {mime or '(none)'}", response=response)
        return None
    text, _codec = decode_html(response.body, response.charset)
    if not text.strip():
        crawl.fail(response.url, "page", "parse", "empty body", response=response)
        return None
    crawl.ok(response, "page")
    meta = dict(metadata or {})
    meta["url"] = response.final_url
    return RawDocument(
        source=crawl.source.name,
        uri=canonical_url(response.url) or response.url,
        content=text,
        content_type="text/html" if mime in HTML_TYPES else "text/plain",
        metadata=meta,
    )


def looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def fetch_entries(crawl: Crawl, entries: list[Entry], *, use_listing_content: bool = False) -> None:
    """Each entry's page as a document, unless the state knows it already.

    With `use_listing_content` (the source option `feed_content = true`) the
    entry's own content is the document and its page is not requested: for
    full-text feeds, and for sites whose pages cannot be fetched.
    """
    revisit = bool(crawl.source.options.get("revisit", False))
    todo: list[Entry] = []
    seen: set[str] = set()
    for entry in entries:
        key = (canonical_url(entry.url) if entry.has_page else None) or entry.url
        if key in seen:
            continue
        seen.add(key)
        if not use_listing_content:
            if not entry.has_page:
                crawl.fail(entry.url, "page", "parse", "entry has no link", canonical=False)
                continue
            if not entry.url.startswith(("http://", "https://")):
                crawl.fail(entry.url, "page", "parse", f"entry link is not http(s): {entry.url[:200]!r}")
                continue
        if not revisit and crawl.state.known_entry(key):
            crawl.skip(entry.url, "page", "already fetched in an earlier run", known=True)
            continue
        if use_listing_content:
            _use_listing_content(crawl, entry, key)
            continue
        todo.append(entry)

    def one(entry: Entry) -> FetchResult:
        child = crawl.child()
        try:
            response = child.get(entry.url, "page", ACCEPT_HTML, robots_is_error=False)
            if response is not None:
                document = page_document(child, response, entry.metadata)
                if document is not None:
                    child.result.documents.append(document)
        except Exception as exc:  # noqa: BLE001 - one bad page must not lose the feed's others
            child.fail(entry.url, "page", "fetch", f"{type(exc).__name__}: {exc}")
        return child.result

    workers = max(1, min(crawl.fetcher.settings.max_workers, len(todo)))
    if workers == 1:
        results = [one(entry) for entry in todo]
    else:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
            results = list(pool.map(one, todo))
    for result in results:
        crawl.result.extend(result)


def _use_listing_content(crawl: Crawl, entry: Entry, key: str) -> None:
    content = (entry.content or "").strip()
    if not content:
        crawl.fail(entry.url, "page", "parse", "empty body: the entry carries no content", canonical=entry.has_page)
        return
    meta = dict(entry.metadata)
    if entry.has_page:
        meta.setdefault("url", entry.url)
    else:
        meta["location_key"] = f"{crawl.source.name}/{key}"
    if meta.get("feed_title"):  # no page, so no site name: the feed's title names the outlet
        meta.setdefault("source", meta["feed_title"])
    looks_html = "<" in content and ">" in content
    crawl.result.documents.append(
        RawDocument(crawl.source.name, key, content, "text/html" if looks_html else "text/plain", meta)
    )
    # Logged as fetched so that the next run knows the entry.
    crawl.record(key, "entry", OK, body_hash=content_hash(content), canonical=False)
