"""Local sources: a folder of .txt/.html/.md files, or a JSON Lines file of articles.

A folder file's metadata comes from a sidecar `<stem>.json` or from YAML front
matter; a JSON Lines line is an article in the contract's input shape. A bad
line or unreadable file becomes a FetchError and the rest is still read.
"""
from __future__ import annotations

import json
from pathlib import Path

import frontmatter

from tasks.fetch.documents import FetchError, FetchResult, RawDocument
from tasks.fetch.sources import Source

TEXT_SUFFIXES = {".txt": "text/plain", ".md": "text/markdown", ".html": "text/html", ".htm": "text/html"}
METADATA_KEYS = ("id", "url", "title", "published", "source", "author", "language")


def read_folder(source: Source) -> FetchResult:
    root = Path(source.location)
    result = FetchResult()
    if not root.is_dir():
        result.errors.append(FetchError(source.name, str(root), "fetch", "folder does not exist"))
        return result
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    for path in files[: source.max_items] if source.max_items else files:
        rel = path.relative_to(root).as_posix()
        try:
            result.documents.append(_read_file(source, path, rel))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            result.errors.append(FetchError(source.name, rel, "fetch", f"{type(exc).__name__}: {exc}"))
    return result


def _read_file(source: Source, path: Path, rel: str) -> RawDocument:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    content_type = TEXT_SUFFIXES[path.suffix.lower()]
    metadata: dict = {}
    if content_type != "text/html" and text.startswith("---"):
        post = frontmatter.loads(text)
        metadata.update({k: _as_text(v) for k, v in post.metadata.items() if k in METADATA_KEYS})
        text = post.content
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"sidecar {sidecar.name} is not a JSON object")
        metadata.update({k: _as_text(v) for k, v in data.items() if k in METADATA_KEYS and v is not None})
    metadata.setdefault("source", source.name)
    metadata["location_key"] = f"{source.name}/{rel}"
    return RawDocument(source=source.name, uri=rel, content=text, content_type=content_type, metadata=metadata)


def read_jsonl(source: Source) -> FetchResult:
    path = Path(source.location)
    result = FetchResult()
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        result.errors.append(FetchError(source.name, str(path), "fetch", f"{type(exc).__name__}: {exc}"))
        return result
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if source.max_items and len(result.documents) >= source.max_items:
            break
        uri = f"{path.name}:{number}"
        try:
            record = json.loads(line)
            result.documents.append(document_from_record(source.name, uri, record))
        except (json.JSONDecodeError, ValueError) as exc:
            result.errors.append(FetchError(source.name, uri, "parse", f"line {number}: {exc}"))
    return result


def document_from_record(source_name: str, uri: str, record: object) -> RawDocument:
    """An article in the contract's input shape becomes a raw document."""
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("article has no text")
    metadata = {k: _as_text(record[k]) for k in METADATA_KEYS if record.get(k) is not None}
    metadata.setdefault("source", source_name)
    looks_html = text.lstrip().startswith("<") and "</" in text
    return RawDocument(
        source=source_name,
        uri=metadata.get("url") or uri,
        content=text,
        content_type="text/html" if looks_html else "text/plain",
        metadata=metadata,
    )


def _as_text(value: object) -> str:
    """Front matter turns dates into date objects; the contract speaks ISO strings."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
