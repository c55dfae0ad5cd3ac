"""The fetch step: each source yields raw documents; failures are recorded, not raised."""
from __future__ import annotations

from tasks.fetch.documents import FetchError, FetchResult, RawDocument
from tasks.fetch.local import read_folder, read_jsonl
from tasks.fetch.sources import Source

READERS = {"folder": read_folder, "jsonl": read_jsonl}


def fetch_source(source: Source) -> FetchResult:
    """Read one source. A reader's unexpected crash is one error row, not a failed run."""
    reader = READERS.get(source.kind)
    if reader is None:
        return FetchResult(errors=[FetchError(source.name, source.location, "fetch", f"unsupported source kind {source.kind!r}")])
    try:
        return reader(source)
    except Exception as exc:  # noqa: BLE001 - a broken source must not stop the others
        return FetchResult(errors=[FetchError(source.name, source.location, "fetch", f"{type(exc).__name__}: {exc}")])


__all__ = ["FetchError", "FetchResult", "RawDocument", "Source", "fetch_source"]
