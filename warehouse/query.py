"""The read-only path: SQL from analysts, and the pipeline's cheap "seen it?" checks.

Every read opens the file read-only and waits, with a message and a bound,
while a writer holds it (DuckDB refuses even read-only opens then).
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warehouse.db import READ_WAIT_SECONDS, connect, database_path, open_for_reading
from warehouse.writer import parse_date


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple]

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def run_query(
    data_dir: Path | str,
    sql: str,
    *,
    wait: float = READ_WAIT_SECONDS,
    on_wait: Callable[[str], None] | None = None,
) -> QueryResult:
    """Run one SQL statement on a read-only connection; writes fail in DuckDB itself."""
    with open_for_reading(data_dir, wait=wait, on_wait=on_wait) as con:
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchall() if columns else []
    return QueryResult(columns, rows)


def _chunks(items: list, size: int = 5000) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def known_raw_hashes(data_dir: Path | str, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The raw hash stored for each (source, uri) we have seen before."""
    if not keys or not database_path(data_dir).exists():
        return {}
    found: dict[tuple[str, str], str] = {}
    with open_for_reading(data_dir) as con:
        if not _has_core(con):
            return {}
        for chunk in _chunks(keys):
            rows = con.execute(
                """
                SELECT d.source, d.uri, d.raw_hash
                FROM core.documents AS d
                JOIN (SELECT unnest(?) AS source, unnest(?) AS uri) AS k USING (source, uri)
                """,
                [[s for s, _ in chunk], [u for _, u in chunk]],
            ).fetchall()
            found.update({(s, u): h for s, u, h in rows})
    return found


@dataclass(frozen=True)
class StoredFingerprint:
    article_id: str
    content_hash: str
    published: object


def stored_fingerprints(data_dir: Path | str, article_ids: list[str]) -> dict[str, StoredFingerprint]:
    """What is stored under these article ids: text hash and publication date."""
    if not article_ids or not database_path(data_dir).exists():
        return {}
    found: dict[str, StoredFingerprint] = {}
    with open_for_reading(data_dir) as con:
        if not _has_core(con):
            return {}
        for chunk in _chunks(article_ids):
            for article_id, content_hash, published in con.execute(
                "SELECT article_id, content_hash, published FROM core.articles WHERE list_contains(?, article_id)",
                [chunk],
            ).fetchall():
                found[article_id] = StoredFingerprint(article_id, content_hash, published)
    return found


def same_article(stored: StoredFingerprint, content_hash: str, published: object) -> bool:
    return stored.content_hash == content_hash and stored.published == parse_date(published)


SIGNATURE_CHUNK = 10_000


def article_signatures(data_dir: Path | str, chunk: int = SIGNATURE_CHUNK) -> Iterator[tuple[str, str, bytes | None]]:
    """(article_id, content_hash, MinHash signature) of every stored article, oldest first,
    read a chunk at a time: the caller keeps what it needs, never the whole result set."""
    if not database_path(data_dir).exists():
        return
    with open_for_reading(data_dir) as con:
        if not _has_core(con):
            return
        cursor = con.execute(
            "SELECT article_id, content_hash, signature FROM core.articles ORDER BY stored_at, article_id"
        )
        while rows := cursor.fetchmany(chunk):
            yield from rows


class UrlStateReader:
    """What web fetching remembers about one URL, looked up when asked (core.url_state).

    Opens the warehouse read-only on the first question and keeps it open
    until `close()` (or the end of a `with` block): a lookup by key costs well
    under a millisecond, an open about 15. One question at a time: the
    fetch threads share it.
    """

    def __init__(self, data_dir: Path | str):
        self.data_dir = Path(data_dir)
        self._con = None
        self._absent = False
        self._lock = threading.Lock()

    def lookup(self, url: str) -> tuple[str | None, str | None, str | None] | None:
        """(etag, last_modified, content_hash) stored for `url`, or None when it was never fetched."""
        with self._lock:
            con = self._open()
            if con is None:
                return None
            return con.execute(
                "SELECT etag, last_modified, content_hash FROM core.url_state WHERE url = ?", [url]
            ).fetchone()

    def _open(self):
        if self._con is None and not self._absent:
            if not database_path(self.data_dir).exists():
                self._absent = True
                return None
            con = connect(self.data_dir, read_only=True)
            if not con.execute(
                "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'core' AND table_name = 'url_state'"
            ).fetchone()[0]:
                con.close()
                self._absent = True  # a warehouse from before 002: nothing to remember until the next store
                return None
            self._con = con
        return self._con

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
            self._absent = False

    def __enter__(self) -> "UrlStateReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def stored_articles(
    data_dir: Path | str,
    *,
    not_version: str | None = None,
    after: str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Stored articles (for reprocessing) in article_id order, optionally only those
    extracted by another version, and only those after the id `after` (for paging)."""
    sql = """
        SELECT article_id, url, title, CAST(published AS VARCHAR) AS published, source, author,
               language, text, content_hash, uri, fetch_source, fetched_at, extractor_version
        FROM core.articles
        WHERE true
    """
    params: list = []
    if not_version is not None:
        sql += " AND extractor_version IS DISTINCT FROM ?"
        params.append(not_version)
    if after is not None:
        sql += " AND article_id > ?"
        params.append(after)
    sql += " ORDER BY article_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    with open_for_reading(data_dir) as con:
        cursor = con.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _has_core(con) -> bool:
    return bool(
        con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'core'").fetchone()[0]
    )


def warehouse_totals(data_dir: Path | str) -> dict[str, int]:
    """Row counts of the main relations, for run summaries."""
    with open_for_reading(data_dir) as con:
        return {
            name: con.execute(f"SELECT count(*) FROM core.{name}").fetchone()[0]
            for name in ("articles", "event_mentions", "events")
        }
