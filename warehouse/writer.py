"""The one writer: every row the pipeline stores goes through `Writer`.

Ids are deterministic, so storing anything twice is an upsert. An article,
its event mentions, their participants, the canonical events they touch and
the article's document row are written in one transaction: a run killed
halfway leaves each article either fully stored or not at all.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone

import duckdb

from warehouse.canonical import Report, canonical_events, participant_key, party_key, stable_id
from warehouse.db import utcnow


@dataclass(frozen=True)
class RunRecord:
    run_id: str
    kind: str
    started_at: datetime
    extractor_version: str | None = None
    flow_run_id: str | None = None


@dataclass
class RunCounts:
    documents_seen: int = 0
    new_articles: int = 0
    updated_articles: int = 0
    skipped_articles: int = 0
    events: int = 0
    errors: int = 0


@dataclass(frozen=True)
class FetchRecord:
    source: str
    uri: str
    stage: str
    status: str
    error: str | None = None
    n_documents: int | None = None
    attempted_at: datetime | None = None
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    final_url: str | None = None
    content_type: str | None = None
    size_bytes: int | None = None


@dataclass(frozen=True)
class DocumentRecord:
    """What a source gave for one item, for the raw-hash check of the next run."""

    source: str
    uri: str
    raw_hash: str
    status: str
    article_id: str | None = None
    reason: str | None = None
    duplicate_of: str | None = None


@dataclass
class StoredArticle:
    article_id: str
    status: str  # new | updated | unchanged
    mentions: int = 0
    event_partitions: set[tuple[str, str]] = field(default_factory=set)
    article_years: set[str] = field(default_factory=set)


def parse_date(value: object) -> date | None:
    """An ISO date (or datetime) string to a date; anything else to None, not an error."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = re.match(r"\d{4}-\d{2}-\d{2}", str(value))
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(0))
    except ValueError:
        return None


def parse_timestamp(value: object) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def year_of(day: date | None) -> str:
    return str(day.year) if day else "unknown"


def _field(obj: object, name: str):
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _json(value: object) -> str:
    return json.dumps(value if value is not None else {}, ensure_ascii=False, sort_keys=True, default=str)


# Re-extraction has no fetch time or signature to give: it keeps the stored ones.
_UPSERT_ARTICLE = """
INSERT INTO core.articles (
    article_id, url, title, published, source, author, language, text, content_hash,
    fetch_source, uri, fetched_at, stored_at, extractor_version, n_mentions, run_id, signature
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (article_id) DO UPDATE SET
    url = excluded.url, title = excluded.title, published = excluded.published,
    source = excluded.source, author = excluded.author, language = excluded.language,
    text = excluded.text, content_hash = excluded.content_hash,
    fetch_source = coalesce(excluded.fetch_source, fetch_source), uri = excluded.uri,
    fetched_at = coalesce(excluded.fetched_at, fetched_at), stored_at = excluded.stored_at,
    extractor_version = excluded.extractor_version, n_mentions = excluded.n_mentions,
    run_id = excluded.run_id, signature = coalesce(excluded.signature, signature)
"""

# Rows go in as columns (lists), one statement per table, not one per row.
_INSERT_MENTIONS = """
INSERT INTO core.event_mentions (
    mention_id, event_id, article_id, event_type, party_key, trigger, sentence,
    char_start, char_end, mentions, participants, location, location_country, event_date, date_text,
    modality, attributes, confidence, extractor_version, debug, stored_at
)
SELECT
    unnest($mention_id), NULL, $article_id, unnest($event_type), unnest($party_key),
    unnest($trigger), unnest($sentence), unnest($char_start), unnest($char_end), unnest($mentions),
    unnest($participants), unnest($location), unnest($location_country), unnest($event_date), unnest($date_text),
    unnest($modality), unnest($attributes), unnest($confidence), unnest($extractor_version),
    unnest($debug), $now
"""

_INSERT_PARTICIPANTS = """
INSERT INTO core.mention_participants (mention_id, position, name, role, kind, country, participant_key)
SELECT unnest($mention_id), unnest($position), unnest($name), unnest($role), unnest($kind),
       unnest($country), unnest($participant_key)
"""

# The (event_type, party_key) pairs an article's change touches.
_KEYS = "(SELECT unnest($types) AS event_type, unnest($parties) AS party_key)"

_UPSERT_DOCUMENTS = """
INSERT OR REPLACE INTO core.documents (source, uri, raw_hash, article_id, status, reason, duplicate_of, last_run_id, updated_at)
SELECT unnest($source), unnest($uri), unnest($raw_hash), unnest($article_id), unnest($status),
       unnest($reason), unnest($duplicate_of), $run_id, $now
"""

_UPSERT_FETCHES = """
INSERT OR REPLACE INTO core.fetches (
    fetch_id, run_id, source, uri, stage, status, error, n_documents, attempted_at,
    http_status, etag, last_modified, content_hash, final_url, content_type, size_bytes
)
SELECT unnest($fetch_id), $run_id, unnest($source), unnest($uri), unnest($stage), unnest($status),
       unnest($error), unnest($n_documents), unnest($attempted_at), unnest($http_status), unnest($etag),
       unnest($last_modified), unnest($content_hash), unnest($final_url), unnest($content_type),
       unnest($size_bytes)
"""

_INSERT_EVENTS = """
INSERT INTO core.events (
    event_id, event_type, party_key, main_mention_id, event_date, location, location_country,
    n_mentions, n_articles, n_sources, first_seen, last_seen, partition_year, updated_at
)
SELECT unnest($event_id), unnest($event_type), unnest($party_key), unnest($main_mention_id),
       unnest($event_date), unnest($location), unnest($location_country), unnest($n_mentions), unnest($n_articles),
       unnest($n_sources), unnest($first_seen), unnest($last_seen), unnest($partition_year), $now
"""


class Writer:
    """Writes through one open read-write connection (see `warehouse.db.open_for_writing`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    # -- runs, sources, fetches ---------------------------------------------------

    def begin_run(self, run: RunRecord) -> None:
        self.con.execute(
            """
            INSERT INTO core.runs (run_id, flow_run_id, kind, started_at, status, extractor_version)
            VALUES (?, ?, ?, ?, 'running', ?)
            ON CONFLICT (run_id) DO NOTHING
            """,
            [run.run_id, run.flow_run_id, run.kind, run.started_at, run.extractor_version],
        )

    def add_to_run(self, run_id: str, counts: RunCounts, *, status: str | None = None) -> None:
        """Add a batch's counts to the run; `status` ends it (completed, failed)."""
        self.con.execute(
            """
            UPDATE core.runs SET
                documents_seen = documents_seen + ?,
                new_articles = new_articles + ?,
                updated_articles = updated_articles + ?,
                skipped_articles = skipped_articles + ?,
                events = events + ?,
                errors = errors + ?,
                status = coalesce(?, status),
                ended_at = CASE WHEN ? IS NULL THEN ended_at ELSE ? END
            WHERE run_id = ?
            """,
            [
                counts.documents_seen, counts.new_articles, counts.updated_articles,
                counts.skipped_articles, counts.events, counts.errors,
                status, status, utcnow(), run_id,
            ],
        )

    def record_sources(self, sources: Iterable[object]) -> None:
        now = utcnow()
        rows = [[_field(s, "name"), _field(s, "kind"), _field(s, "location"), now, now] for s in sources]
        if rows:
            self.con.executemany(
                """
                INSERT INTO core.sources (source, kind, location, first_seen, last_seen)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (source) DO UPDATE SET
                    kind = excluded.kind, location = excluded.location, last_seen = excluded.last_seen
                """,
                rows,
            )

    def record_fetches(self, run_id: str, records: Iterable[FetchRecord]) -> None:
        now = utcnow()
        rows: dict[str, dict] = {}  # one row per (run, source, uri, stage): the last record wins
        for record in records:
            fetch_id = stable_id("fetch", run_id, record.source, record.uri, record.stage)
            rows[fetch_id] = {"fetch_id": fetch_id, **asdict(record), "attempted_at": record.attempted_at or now}
        if rows:
            self.con.execute(_UPSERT_FETCHES, {**_columns(list(rows.values())), "run_id": run_id})

    def record_documents(self, run_id: str, documents: Iterable[DocumentRecord]) -> None:
        rows = {(d.source, d.uri): asdict(d) for d in documents}
        if rows:
            self.con.execute(_UPSERT_DOCUMENTS, {**_columns(list(rows.values())), "run_id": run_id, "now": utcnow()})

    def run_failures(self, run_id: str) -> set[tuple[str, str]]:
        """(source, uri) of the documents this run failed to extract or store."""
        return set(
            self.con.execute(
                """
                SELECT source, uri FROM core.fetches
                WHERE run_id = ? AND status = 'error' AND stage IN ('extract', 'store')
                """,
                [run_id],
            ).fetchall()
        )

    # -- articles and their events ------------------------------------------------

    def store_article(
        self,
        article: object,
        events: list[object],
        *,
        run_id: str,
        extractor_version: str | None,
        fetch_source: str | None = None,
        signature: bytes | None = None,
        place_countries: dict[str, str | None] | None = None,
        force: bool = False,
    ) -> StoredArticle:
        """Store one article and replace its events, in one transaction.

        An article already stored with the same text, date and extractor
        version is left alone (status `unchanged`) unless `force`.
        `place_countries` tells the country of event locations, where known,
        so reports "in Moscow" and "at the Kremlin" can be one event. The
        document row that lets the next run skip the raw document is the
        caller's to write, after this commits: a crash in between costs a
        re-clean next time, never a lost article.
        """
        con = self.con
        article_id = article.article_id
        published = parse_date(article.published)
        con.begin()
        try:
            previous = con.execute(
                "SELECT content_hash, published, extractor_version FROM core.articles WHERE article_id = ?",
                [article_id],
            ).fetchone()
            if previous and not force and tuple(previous) == (article.content_hash, published, extractor_version):
                con.commit()
                return StoredArticle(article_id, "unchanged")
            result = StoredArticle(article_id, "updated" if previous else "new")
            result.article_years.add(year_of(published))
            if previous:
                result.article_years.add(year_of(previous[1]))
            old_keys = con.execute(
                "SELECT DISTINCT event_type, party_key FROM core.event_mentions WHERE article_id = ?",
                [article_id],
            ).fetchall()
            con.execute(
                """
                DELETE FROM core.mention_participants WHERE mention_id IN
                    (SELECT mention_id FROM core.event_mentions WHERE article_id = ?)
                """,
                [article_id],
            )
            con.execute("DELETE FROM core.event_mentions WHERE article_id = ?", [article_id])

            now = utcnow()
            mention_rows, participant_rows, new_keys = self._mention_rows(article_id, events, place_countries or {})
            con.execute(
                _UPSERT_ARTICLE,
                [
                    article_id, article.url, article.title, published, article.source,
                    getattr(article, "author", None), getattr(article, "language", None),
                    article.text, article.content_hash, fetch_source, article.uri,
                    parse_timestamp((getattr(article, "metadata", None) or {}).get("fetched_at")),
                    now, extractor_version, len(mention_rows), run_id, signature,
                ],
            )
            if mention_rows:
                con.execute(_INSERT_MENTIONS, {**_columns(mention_rows), "article_id": article_id, "now": now})
            if participant_rows:
                con.execute(_INSERT_PARTICIPANTS, _columns(participant_rows))
            result.mentions = len(mention_rows)
            result.event_partitions = self._refresh_events(set(old_keys) | new_keys, now)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return result

    def _mention_rows(self, article_id: str, events: list[object], place_countries: dict[str, str | None]):
        mention_rows, participant_rows, keys = [], [], set()
        seen: set[str] = set()
        for event in events:
            mention_id = _field(event, "event_id")
            if mention_id in seen:
                continue
            seen.add(mention_id)
            participants = []
            participant_keys = []
            for position, p in enumerate(_field(event, "participants") or []):
                name, role, kind, country = (_field(p, k) for k in ("name", "role", "kind", "country"))
                if not name:
                    continue
                key = participant_key(name, kind, country)
                participant_keys.append(key)
                participants.append({"name": name, "role": role, "kind": kind, "country": country})
                participant_rows.append(
                    {"mention_id": mention_id, "position": position, "name": name, "role": role,
                     "kind": kind, "country": country, "participant_key": key}
                )
            event_type = _field(event, "event_type")
            party = party_key(participant_keys, fallback=article_id)
            keys.add((event_type, party))
            mention_rows.append(
                {
                    "mention_id": mention_id, "event_type": event_type, "party_key": party,
                    **{name: _field(event, name) for name in _PLAIN_FIELDS},
                    "participants": participants,
                    "location_country": place_countries.get(_field(event, "location")),
                    "event_date": parse_date(_field(event, "event_date")),
                    "attributes": _json(_field(event, "attributes")),
                    "debug": _json(_field(event, "debug")),
                }
            )
        return mention_rows, participant_rows, keys

    def _refresh_events(self, keys: set[tuple[str, str]], now: datetime) -> set[tuple[str, str]]:
        """Re-merge the reports of the given (type, party key) pairs and rebuild their events.

        Returns the Parquet partitions (event_type, year) the events left or entered.
        """
        if not keys:
            return set()
        con = self.con
        types, parties = (list(column) for column in zip(*sorted(keys)))
        where = {"types": types, "parties": parties}
        touched = set(
            con.execute(
                f"""
                DELETE FROM core.events AS e USING {_KEYS} AS k
                WHERE e.event_type = k.event_type AND e.party_key = k.party_key
                RETURNING e.event_type, e.partition_year
                """,
                where,
            ).fetchall()
        )
        reports: dict[tuple[str, str], list[Report]] = {}
        for event_type, party, *fields in con.execute(
            f"""
            SELECT m.event_type, m.party_key, m.mention_id, m.event_date, m.location, m.location_country, m.article_id,
                   a.source, a.published,
                   coalesce(a.published, CAST(a.fetched_at AS DATE), CAST(a.stored_at AS DATE)),
                   m.confidence, m.mentions
            FROM core.event_mentions AS m
            JOIN {_KEYS} AS k USING (event_type, party_key)
            JOIN core.articles AS a USING (article_id)
            """,
            where,
        ).fetchall():
            reports.setdefault((event_type, party), []).append(Report(*fields))
        events = [e for (event_type, party), group in reports.items() for e in canonical_events(event_type, party, group)]
        if not events:
            return touched
        con.execute(
            """
            UPDATE core.event_mentions AS m SET event_id = a.event_id
            FROM (SELECT unnest($mentions) AS mention_id, unnest($events) AS event_id) AS a
            WHERE m.mention_id = a.mention_id
            """,
            {
                "mentions": [m for e in events for m in e.mention_ids],
                "events": [e.event_id for e in events for _ in e.mention_ids],
            },
        )
        rows = [{k: v for k, v in asdict(e).items() if k != "mention_ids"} for e in events]
        con.execute(_INSERT_EVENTS, {**_columns(rows), "now": now})
        return touched | {(e.event_type, e.partition_year) for e in events}


_PLAIN_FIELDS = (
    "trigger", "sentence", "char_start", "char_end", "mentions", "location", "date_text",
    "modality", "confidence", "extractor_version",
)


def _columns(rows: list[dict]) -> dict[str, list]:
    """Rows as named columns, for `unnest($name)` inserts."""
    return {name: [row[name] for row in rows] for name in rows[0]}
