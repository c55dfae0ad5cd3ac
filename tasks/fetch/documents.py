"""What a source yields: a raw document, before any cleaning.

Kept apart from the readers so that every source kind (folder, JSON Lines,
feed, page) hands `clean` the same small frozen shape.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone


@dataclass(frozen=True)
class RawDocument:
    """One fetched item. `content` is HTML or plain text as the source gave it.

    `metadata` carries what the source knows beside the body (title,
    published, source name, id, url, author), so `clean` can prefer it over
    what it guesses from the text.
    """

    source: str
    uri: str
    content: str
    content_type: str = "text/plain"
    metadata: dict = field(default_factory=dict, hash=False, compare=False)
    fetched_at: str = field(
        default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds")
    )


@dataclass(frozen=True)
class FetchError:
    """A failure is data: it is stored with its reason and the run goes on."""

    source: str
    uri: str
    stage: str
    reason: str
    at: str = field(
        default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds")
    )


@dataclass
class FetchResult:
    documents: list[RawDocument] = field(default_factory=list)
    errors: list[FetchError] = field(default_factory=list)
    skipped: int = 0
