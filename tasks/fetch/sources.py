"""Source specs: the TOML sources file and `--source SPEC` both become `Source`s.

Each `[[source]]` takes name, kind (folder | jsonl | feed | page | sitemap |
url, the last sniffed from the response), location, topics, max_items and
allow_private. Any other key lands in `options`; the web readers read:

    revisit       true: known feed/sitemap entries get a conditional GET each run
    feed_content  true: a feed entry's own content is the article, its page is not fetched
    timeout, delay, retries, max_bytes, respect_robots, ...
                  overrides of `tasks.fetch.http.HttpSettings` for this source
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SOURCES = Path(__file__).resolve().parents[2] / "seeds" / "sources.toml"

LOCAL_KINDS = {"folder", "jsonl"}
WEB_KINDS = {"feed", "page", "sitemap", "url"}   # "url": sniffed from the response
KINDS = LOCAL_KINDS | WEB_KINDS


class SourceError(ValueError):
    """A source spec that cannot be read at all (a typo in the sources file)."""


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    location: str
    topics: tuple[str, ...] = ()
    max_items: int | None = None
    allow_private: bool = False
    options: dict = field(default_factory=dict, hash=False, compare=False)


def guess_kind(location: str) -> str:
    """Infer the kind from a bare `--source` spec."""
    if location.startswith(("http://", "https://")):
        return "url"
    path = Path(location)
    if path.is_dir():
        return "folder"
    if path.suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    raise SourceError(
        f"cannot tell what {location!r} is: give a folder, a .jsonl file or an http(s) URL"
    )


def source_from_spec(spec: str, allow_private: bool = False) -> Source:
    """`--source SPEC`; `allow_private` is `--allow-private` (web sources on private addresses)."""
    kind = guess_kind(spec)
    location = spec if kind == "url" else str(Path(spec).resolve())
    name = spec if kind == "url" else Path(spec).name
    return Source(name=name, kind=kind, location=location, allow_private=allow_private)


def load_sources(path: Path | str = DEFAULT_SOURCES) -> list[Source]:
    """Read a sources file; relative locations are taken from the file's folder."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SourceError(f"cannot read sources file {path}: {exc}") from exc
    defaults = data.get("defaults", {})
    sources = []
    for i, entry in enumerate(data.get("source", [])):
        entry = {**defaults, **entry}
        try:
            location = entry["location"]
        except KeyError as exc:
            raise SourceError(f"{path}: source #{i + 1} has no location") from exc
        kind = entry.get("kind")
        if not location.startswith(("http://", "https://")):
            location = str((path.parent / location).resolve())
        kind = kind or guess_kind(location)
        if kind not in KINDS:
            raise SourceError(f"{path}: source #{i + 1} has kind {kind!r}; use one of {', '.join(sorted(KINDS))}")
        if kind in WEB_KINDS and not location.startswith(("http://", "https://")):
            raise SourceError(f"{path}: source #{i + 1} is a {kind} but {location!r} is not an http(s) URL")
        topics = entry.get("topics", ())
        if isinstance(topics, str):
            topics = (topics,)
        known = {"name", "kind", "location", "topics", "max_items", "allow_private"}
        sources.append(
            Source(
                name=entry.get("name", location if kind in WEB_KINDS else Path(location).name),
                kind=kind,
                location=location,
                topics=tuple(topics),
                max_items=entry.get("max_items"),
                allow_private=bool(entry.get("allow_private", False)),
                options={k: v for k, v in entry.items() if k not in known},
            )
        )
    return sources
