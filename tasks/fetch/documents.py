"""What a source yields: raw documents, the failures met on the way, and a log
of every URL attempt (the incremental state the warehouse keeps).

Kept apart from the readers so that every source kind (folder, JSON Lines,
feed, page, sitemap) hands `clean` the same small frozen shape.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone

# What a FetchAttempt can say about one URL.
OK = "ok"                      # fetched; a document was (or could be) made from it
NOT_MODIFIED = "not_modified"  # a 304, or a 200 whose body hash is the one seen last time
ERROR = "error"                # nothing usable; a FetchError carries the same reason
SKIPPED = "skipped"            # deliberately not requested (already known, robots.txt, max_items)
STATUSES = (OK, NOT_MODIFIED, ERROR, SKIPPED)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def content_hash(content: str | bytes) -> str:
    """The hash a fetch compares across runs: of the body as fetched, before cleaning."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()[:32]


@dataclass(frozen=True)
class RawDocument:
    """One fetched item. `content` is HTML or plain text as the source gave it.

    `metadata` carries what the source knows beside the body (title,
    published, source name, id, url, author), so `clean` can prefer it over
    what it guesses from the text. For documents fetched over HTTP, `uri` is
    the canonical URL that was requested and `metadata["url"]` the URL the
    page was finally served from (after redirects).
    """

    source: str
    uri: str
    content: str
    content_type: str = "text/plain"
    metadata: dict = field(default_factory=dict, hash=False, compare=False)
    fetched_at: str = field(default_factory=_now)

    @property
    def content_hash(self) -> str:
        return content_hash(self.content)


@dataclass(frozen=True)
class FetchError:
    """A failure is data: it is stored with its reason and the run goes on.

    `stage` is "fetch" (network, HTTP status, size, type, safety, robots.txt)
    or "parse" (a malformed feed or sitemap, an undecodable body); `reason`
    starts with a short stable label ("timeout:", "http 500", "too large:",
    "blocked:", "malformed feed:") followed by detail.
    """

    source: str
    uri: str
    stage: str
    reason: str
    at: str = field(default_factory=_now)


@dataclass(frozen=True)
class FetchAttempt:
    """One URL attempt, whatever came of it: what the incremental state is built from.

    `url` is the canonical form of the URL requested (the key the state is
    asked about next run); `final_url` where redirects ended. `etag`,
    `last_modified` and `content_hash` are what to send and compare next time;
    on a 304 they repeat the values already known, so storing the newest
    record per URL is always enough.
    """

    source: str
    url: str
    status: str
    kind: str                          # feed | page | sitemap
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    reason: str | None = None
    final_url: str | None = None
    content_type: str | None = None
    size: int | None = None            # body bytes received
    at: str = field(default_factory=_now)


@dataclass
class FetchResult:
    """What one source gave in one run.

    `errors` are the failures the run counts; `fetches` logs every URL
    considered (an error there has its FetchError too); `skipped` counts the
    items left alone for a reason worth reporting (robots.txt); `unchanged`
    the entries not requested because an earlier run fetched them.
    """

    documents: list[RawDocument] = field(default_factory=list)
    errors: list[FetchError] = field(default_factory=list)
    skipped: int = 0
    fetches: list[FetchAttempt] = field(default_factory=list)
    unchanged: int = 0

    def extend(self, other: "FetchResult") -> None:
        self.documents.extend(other.documents)
        self.errors.extend(other.errors)
        self.skipped += other.skipped
        self.fetches.extend(other.fetches)
        self.unchanged += other.unchanged
