"""What fetching remembers between runs, as an interface.

The fetchers only ask three questions, always with a canonical URL
(`tasks.fetch.urls.canonical_url`, the same one `clean` uses). The warehouse
answers them from its tables; `MemoryFetchState` answers them from dicts, for
tests and one-off runs.
Whoever keeps the state updates it from `FetchResult.fetches`, and only after
the documents of those fetches are stored: a URL remembered as fetched but
whose article was lost in a crash would never be fetched again.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Protocol, runtime_checkable

from tasks.fetch.documents import NOT_MODIFIED, OK, FetchAttempt
from tasks.fetch.urls import canonical_url


class Validators(NamedTuple):
    """The HTTP cache validators a server gave for a URL last time."""

    etag: str | None
    last_modified: str | None


@runtime_checkable
class FetchState(Protocol):
    def validators(self, url: str) -> Validators | None:
        """ETag / Last-Modified to send as If-None-Match / If-Modified-Since, if any."""

    def seen_content(self, url: str, content_hash: str) -> bool:
        """True when the body last fetched from `url` had this hash (nothing new to parse)."""

    def known_entry(self, url: str) -> bool:
        """True when `url` was fetched successfully before, as requested or as a redirect target.

        A feed or sitemap entry that is known is not requested again (unless
        its source sets `revisit = true`).
        """


@dataclass(frozen=True)
class UrlState:
    """What to keep about one URL after a run: one row per URL, upserted.

    Fields that are None keep their stored value (a 304 may repeat no
    validators and carries no body hash). `final_url` is the canonical
    redirect target, known as fetched too.
    """

    url: str
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    final_url: str | None


def url_states(attempts: Iterable[FetchAttempt]) -> list[UrlState]:
    """The rows a run's fetch log adds to the state: successes only.

    Errors and skips change nothing, so a URL that failed is tried again next
    run and one that robots.txt forbade is asked about again.
    """
    rows = []
    for attempt in attempts:
        if attempt.status not in (OK, NOT_MODIFIED):
            continue
        final = canonical_url(attempt.final_url) if attempt.final_url else None
        rows.append(UrlState(attempt.url, attempt.etag, attempt.last_modified, attempt.content_hash,
                             final if final != attempt.url else None))
    return rows


class MemoryFetchState:
    """A FetchState kept in dicts; `remember` plays the part of storing a run."""

    def __init__(self) -> None:
        self._validators: dict[str, Validators] = {}
        self._hashes: dict[str, str] = {}
        self._known: set[str] = set()

    def validators(self, url: str) -> Validators | None:
        return self._validators.get(url)

    def seen_content(self, url: str, content_hash: str) -> bool:
        return self._hashes.get(url) == content_hash

    def known_entry(self, url: str) -> bool:
        return url in self._known

    def remember(self, attempts: Iterable[FetchAttempt]) -> None:
        """Take in a run's fetch log, as the warehouse does when it stores a run."""
        for row in url_states(attempts):
            if row.etag or row.last_modified:
                self._validators[row.url] = Validators(row.etag, row.last_modified)
            if row.content_hash:
                self._hashes[row.url] = row.content_hash
            self._known.add(row.url)
            if row.final_url:
                self._known.add(row.final_url)


class SerializedState:
    """One call at a time: the pages of a feed are fetched from worker
    threads, and a state backed by one database connection must not be
    entered by two of them at once."""

    def __init__(self, state: FetchState):
        self._state = state
        self._lock = threading.Lock()

    def validators(self, url: str) -> Validators | None:
        with self._lock:
            return self._state.validators(url)

    def seen_content(self, url: str, content_hash: str) -> bool:
        with self._lock:
            return self._state.seen_content(url, content_hash)

    def known_entry(self, url: str) -> bool:
        with self._lock:
            return self._state.known_entry(url)
