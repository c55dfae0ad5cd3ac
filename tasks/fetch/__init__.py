"""The fetch step: each source yields raw documents; failures are recorded, not raised.

`fetch_source(source, state, fetcher)` is the one entry point. `state` (a
`FetchState`, None meaning nothing seen) lets web sources skip what earlier
runs fetched; `fetcher` (an `http.Fetcher`) is shared by the sources of a run
so per-host politeness holds across them.
"""
from __future__ import annotations

from tasks.fetch.documents import FetchAttempt, FetchError, FetchResult, RawDocument
from tasks.fetch.http import RETRY_STATUSES, Fetcher, HttpSettings
from tasks.fetch.local import read_folder, read_jsonl
from tasks.fetch.sources import Source
from tasks.fetch.state import FetchState, MemoryFetchState, UrlState, Validators, url_states
from tasks.fetch.web import WEB_KINDS, read_web

READERS = {"folder": read_folder, "jsonl": read_jsonl}


def fetch_source(source: Source, state: FetchState | None = None, fetcher: Fetcher | None = None) -> FetchResult:
    """Read one source. A reader's unexpected crash is one error row, not a failed run."""
    try:
        if source.kind in WEB_KINDS:
            return read_web(source, state, fetcher)
        reader = READERS.get(source.kind)
        if reader is None:
            return FetchResult(errors=[FetchError(source.name, source.location, "fetch", f"unsupported source kind {source.kind!r}")])
        return reader(source)
    except Exception as exc:  # noqa: BLE001 - a broken source must not stop the others
        return FetchResult(errors=[FetchError(source.name, source.location, "fetch", f"{type(exc).__name__}: {exc}")])


# Reasons a source's own URL failed that may pass within minutes.
TRANSIENT_REASONS = ("timeout:", "connection failed:", "name resolution:") + tuple(
    f"http {status}" for status in sorted(RETRY_STATUSES)
)


def source_unavailable(source: Source, result: FetchResult) -> bool:
    """A web source that gave nothing because its own URL failed for a reason
    that may pass (a timeout, a refused connection, a 5xx or 429 after the
    client's own retries): worth asking again a little later in the run."""
    if source.kind not in WEB_KINDS or result.documents:
        return False
    return any(e.uri == source.location and e.reason.startswith(TRANSIENT_REASONS) for e in result.errors)


__all__ = [
    "FetchError",
    "FetchAttempt",
    "FetchResult",
    "FetchState",
    "Fetcher",
    "HttpSettings",
    "MemoryFetchState",
    "RawDocument",
    "Source",
    "UrlState",
    "Validators",
    "fetch_source",
    "source_unavailable",
    "url_states",
]
