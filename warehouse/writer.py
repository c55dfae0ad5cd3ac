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

from warehouse.canonical import Party, Report, merge_reports, stable_id
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
    event_partitions: set[tuple[str, str, str]] = field(default_factory=set)  # (event_type, year, month)
    article_partitions: set[tuple[str, str]] = field(default_factory=set)  # (year, month)


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


def month_of(day: date | None) -> str:
    return str(day.month) if day else "unknown"


def partition_of(day: date | None) -> tuple[str, str]:
    """The Parquet (year, month) of a date; ('unknown', 'unknown') without one."""
    return year_of(day), month_of(day)


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
    n_mentions, n_articles, n_sources, first_seen, last_seen, partition_year, partition_month, updated_at
)
SELECT unnest($event_id), unnest($event_type), unnest($party_key), unnest($main_mention_id),
       unnest($event_date), unnest($location), unnest($location_country), unnest($n_mentions), unnest($n_articles),
       unnest($n_sources), unnest($first_seen), unnest($last_seen), unnest($partition_year),
       unnest($partition_month), $now
"""

_INSERT_TOKENS = """
INSERT INTO core.participant_tokens (token, event_type, mention_id, article_id)
SELECT unnest($token), unnest($event_type), unnest($mention_id), unnest($article_id)
"""

# Reports of other articles that share a token with a party of the new ones.
_TOKEN_HITS = """
SELECT token, mention_id FROM core.participant_tokens
WHERE event_type = ? AND article_id <> ? AND list_contains(?, token)
"""

_GROUPS_OF = """
SELECT DISTINCT e.event_type, e.party_key
FROM core.event_mentions AS m JOIN core.events AS e ON e.event_id = m.event_id
WHERE list_contains($mention_ids, m.mention_id)
"""

# Every report of the given party groups, and the article's own.
_GROUP_REPORTS = """
SELECT m.event_type, m.event_id, m.mention_id, m.event_date, m.location, m.location_country, m.article_id,
       a.source, a.published,
       coalesce(a.published, CAST(a.fetched_at AS DATE), CAST(a.stored_at AS DATE)),
       m.confidence, m.mentions
FROM core.event_mentions AS m
JOIN core.articles AS a USING (article_id)
WHERE m.article_id = $article_id OR m.event_id IN (
    SELECT e.event_id FROM core.events AS e
    JOIN (SELECT unnest($types) AS event_type, unnest($parties) AS party_key) AS k
      ON e.event_type = k.event_type AND e.party_key = k.party_key
)
"""

_ALL_REPORTS = """
SELECT m.event_type, m.event_id, m.mention_id, m.event_date, m.location, m.location_country, m.article_id,
       a.source, a.published,
       coalesce(a.published, CAST(a.fetched_at AS DATE), CAST(a.stored_at AS DATE)),
       m.confidence, m.mentions
FROM core.event_mentions AS m
JOIN core.articles AS a USING (article_id)
"""

_PARTICIPANTS = """
SELECT mention_id, position, name, kind, country, participant_key
FROM core.mention_participants
WHERE list_contains($mention_ids, mention_id)
ORDER BY mention_id, position
"""

_ALL_PARTICIPANTS = """
SELECT mention_id, position, name, kind, country, participant_key
FROM core.mention_participants
ORDER BY mention_id, position
"""

_UPSERT_URL_STATE = """
INSERT INTO core.url_state (url, etag, last_modified, content_hash, updated_at)
SELECT unnest($url), unnest($etag), unnest($last_modified), unnest($content_hash), $now
ON CONFLICT (url) DO UPDATE SET
    etag = CASE WHEN excluded.etag IS NOT NULL OR excluded.last_modified IS NOT NULL THEN excluded.etag ELSE etag END,
    last_modified = CASE WHEN excluded.etag IS NOT NULL OR excluded.last_modified IS NOT NULL
                         THEN excluded.last_modified ELSE last_modified END,
    content_hash = coalesce(excluded.content_hash, content_hash),
    updated_at = excluded.updated_at
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

    def remember_urls(self, states: Iterable[object]) -> None:
        """Upsert what web fetching keeps per URL (objects or dicts with url, etag,
        last_modified, content_hash, final_url): later values win, None keeps the
        stored one, and a redirect target is remembered as fetched too."""
        rows: dict[str, dict] = {}

        def fold(url: str, etag, last_modified, content_hash) -> None:
            row = rows.setdefault(url, {"url": url, "etag": None, "last_modified": None, "content_hash": None})
            if etag or last_modified:
                row["etag"], row["last_modified"] = etag, last_modified
            if content_hash:
                row["content_hash"] = content_hash

        for state in states:
            fold(_field(state, "url"), _field(state, "etag"), _field(state, "last_modified"), _field(state, "content_hash"))
            final = _field(state, "final_url")
            if final:
                fold(final, None, None, None)
        if rows:
            self.con.execute(_UPSERT_URL_STATE, {**_columns(list(rows.values())), "now": utcnow()})

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
            result.article_partitions.add(partition_of(published))
            if previous:
                result.article_partitions.add(partition_of(previous[1]))
            old_groups = con.execute(
                """
                SELECT DISTINCT e.event_type, e.party_key
                FROM core.event_mentions AS m JOIN core.events AS e ON e.event_id = m.event_id
                WHERE m.article_id = ?
                """,
                [article_id],
            ).fetchall()
            con.execute(
                """
                DELETE FROM core.mention_participants WHERE mention_id IN
                    (SELECT mention_id FROM core.event_mentions WHERE article_id = ?)
                """,
                [article_id],
            )
            con.execute("DELETE FROM core.participant_tokens WHERE article_id = ?", [article_id])
            con.execute("DELETE FROM core.event_mentions WHERE article_id = ?", [article_id])

            now = utcnow()
            mention_rows, participant_rows = self._mention_rows(article_id, events, place_countries or {})
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
                self._insert_tokens(participant_rows, {m["mention_id"]: m["event_type"] for m in mention_rows}, article_id)
            result.mentions = len(mention_rows)
            result.event_partitions = self._refresh_events(article_id, set(old_groups), mention_rows, participant_rows, now)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return result

    def _mention_rows(self, article_id: str, events: list[object], place_countries: dict[str, str | None]):
        mention_rows, participant_rows = [], []
        seen: set[str] = set()
        for event in events:
            mention_id = _field(event, "event_id")
            if mention_id in seen:
                continue
            seen.add(mention_id)
            participants = []
            own_keys = []
            for position, p in enumerate(_field(event, "participants") or []):
                name, role, kind, country = (_field(p, k) for k in ("name", "role", "kind", "country"))
                if not name:
                    continue
                key = Party(name, kind, country).own_key
                own_keys.append(key)
                participants.append({"name": name, "role": role, "kind": kind, "country": country})
                participant_rows.append(
                    {"mention_id": mention_id, "position": position, "name": name, "role": role,
                     "kind": kind, "country": country, "participant_key": key}
                )
            mention_rows.append(
                {
                    "mention_id": mention_id, "event_type": _field(event, "event_type"),
                    # the report's own parties; the event's party key is its group's
                    "party_key": "|".join(sorted(set(own_keys))) or f"article:{article_id}",
                    **{name: _field(event, name) for name in _PLAIN_FIELDS},
                    "participants": participants,
                    "location_country": place_countries.get(_field(event, "location")),
                    "event_date": parse_date(_field(event, "event_date")),
                    "attributes": _json(_field(event, "attributes")),
                    "debug": _json(_field(event, "debug")),
                }
            )
        return mention_rows, participant_rows

    def _insert_tokens(self, participant_rows: list[dict], event_types: dict[str, str], article_id: str | None = None) -> None:
        rows = [
            {"token": token, "event_type": event_types[row["mention_id"]], "mention_id": row["mention_id"],
             "article_id": article_id or row["article_id"]}
            for row in participant_rows
            for token in sorted(Party(row["name"], row["kind"], row["country"]).tokens())
        ]
        if rows:
            self.con.execute(_INSERT_TOKENS, _columns(rows))

    def _candidate_groups(self, article_id: str, mention_rows: list[dict], participant_rows: list[dict]) -> set[tuple[str, str]]:
        """The party groups of stored reports that the article's new reports may join:
        those of reports sharing a token with each of a new report's parties."""
        by_mention: dict[str, list[Party]] = {}
        for row in participant_rows:
            by_mention.setdefault(row["mention_id"], []).append(Party(row["name"], row["kind"], row["country"]))
        wanted: dict[str, list[tuple[str, list[set[str]]]]] = {}  # event_type -> (mention, tokens per party)
        for mention in mention_rows:
            report = Report(mention["mention_id"], None, None, participants=tuple(by_mention.get(mention["mention_id"], ())))
            if report.representatives:
                wanted.setdefault(mention["event_type"], []).append(
                    (mention["mention_id"], [party.tokens() for party in report.representatives])
                )
        candidates: set[str] = set()
        for event_type, queries in wanted.items():
            tokens = sorted({t for _, parties in queries for tokens in parties for t in tokens})
            holders: dict[str, set[str]] = {}
            for token, mention_id in self.con.execute(_TOKEN_HITS, [event_type, article_id, tokens]).fetchall():
                holders.setdefault(token, set()).add(mention_id)
            for _, parties in queries:
                found: set[str] | None = None
                for party_tokens in parties:
                    hits = set().union(*(holders.get(t, ()) for t in party_tokens))
                    found = hits if found is None else found & hits
                candidates |= found or set()
        if not candidates:
            return set()
        return set(self.con.execute(_GROUPS_OF, {"mention_ids": sorted(candidates)}).fetchall())

    def _refresh_events(
        self,
        article_id: str,
        old_groups: set[tuple[str, str]],
        mention_rows: list[dict],
        participant_rows: list[dict],
        now: datetime,
    ) -> set[tuple[str, str, str]]:
        """Re-merge the party groups an article's change touches and rebuild their events.

        The groups its old reports were in, and those its new reports may
        join, are loaded whole, merged again (`warehouse.canonical`), and their
        events replaced. Returns the Parquet partitions (event_type, year,
        month) the events left or entered.
        """
        groups = old_groups | self._candidate_groups(article_id, mention_rows, participant_rows)
        types, parties = (list(column) for column in zip(*sorted(groups))) if groups else ([], [])
        reports = self.con.execute(
            _GROUP_REPORTS, {"types": types, "parties": parties, "article_id": article_id}
        ).fetchall()
        touched: set[tuple[str, str, str]] = set()
        if groups:
            touched = set(self.con.execute(
                """
                DELETE FROM core.events AS e USING (SELECT unnest($types) AS event_type, unnest($parties) AS party_key) AS k
                WHERE e.event_type = k.event_type AND e.party_key = k.party_key
                RETURNING e.event_type, e.partition_year, coalesce(e.partition_month, 'unknown')
                """,
                {"types": types, "parties": parties},
            ).fetchall())
        return touched | self._merge(reports, now)

    def _merge(self, rows: list[tuple], now: datetime, *, every: bool = False) -> set[tuple[str, str, str]]:
        """Merge these reports (whole party groups; rows of _GROUP_REPORTS) into events,
        insert them, and point each report and participant at its event and party
        where that changed; returns the events' partitions."""
        if not rows:
            return set()
        con = self.con
        mention_ids = sorted(row[2] for row in rows)
        participants: dict[str, list[Party]] = {}
        positions: dict[str, list[int]] = {}
        stored_keys: dict[tuple[str, int], str] = {}
        found = (con.execute(_ALL_PARTICIPANTS) if every
                 else con.execute(_PARTICIPANTS, {"mention_ids": mention_ids})).fetchall()
        for mention_id, position, name, kind, country, key in found:
            participants.setdefault(mention_id, []).append(Party(name, kind, country))
            positions.setdefault(mention_id, []).append(position)
            stored_keys[(mention_id, position)] = key
        reports: dict[str, list[Report]] = {}
        stored_events: dict[str, str | None] = {}
        for event_type, event_id, mention_id, *fields in rows:
            stored_events[mention_id] = event_id
            reports.setdefault(event_type, []).append(
                Report(mention_id, *fields, participants=tuple(participants.get(mention_id, ())))
            )
        events, keys = [], {}
        for event_type, group in sorted(reports.items()):
            merged = merge_reports(event_type, group)
            events.extend(merged.events)
            # the merge numbers each report's participants 0..n-1; the table keeps their positions
            keys.update({(m, positions[m][i]): key for (m, i), key in merged.participant_keys.items()})
        moved = [(m, e.event_id) for e in events for m in e.mention_ids if stored_events.get(m) != e.event_id]
        if moved:
            con.execute(
                """
                UPDATE core.event_mentions AS m SET event_id = a.event_id
                FROM (SELECT unnest($mentions) AS mention_id, unnest($events) AS event_id) AS a
                WHERE m.mention_id = a.mention_id
                """,
                {"mentions": [m for m, _ in moved], "events": [e for _, e in moved]},
            )
        rekeyed = {where: key for where, key in keys.items() if stored_keys.get(where) != key}
        if rekeyed:
            con.execute(
                """
                UPDATE core.mention_participants AS p SET participant_key = k.participant_key
                FROM (SELECT unnest($mention_id) AS mention_id, unnest($position) AS position,
                             unnest($participant_key) AS participant_key) AS k
                WHERE p.mention_id = k.mention_id AND p.position = k.position
                """,
                {
                    "mention_id": [m for m, _ in rekeyed],
                    "position": [p for _, p in rekeyed],
                    "participant_key": list(rekeyed.values()),
                },
            )
        if not events:
            return set()
        rows = [{k: v for k, v in asdict(e).items() if k != "mention_ids"} for e in events]
        con.execute(_INSERT_EVENTS, {**_columns(rows), "now": now})
        return {(e.event_type, e.partition_year, e.partition_month) for e in events}

    def rebuild_events(self) -> int:
        """Merge every stored report afresh: candidate tokens, events, party keys.

        For a change of the merging rule (a migration runs it once); loads
        all reports, so it costs what the warehouse holds. Returns the number
        of events. The caller holds the transaction.
        """
        con = self.con
        con.execute("DELETE FROM core.participant_tokens")
        rows = con.execute(
            """
            SELECT p.mention_id, p.name, p.kind, p.country, m.article_id, m.event_type
            FROM core.mention_participants AS p JOIN core.event_mentions AS m USING (mention_id)
            """
        ).fetchall()
        self._insert_tokens(
            [{"mention_id": m, "name": name, "kind": kind, "country": country, "article_id": a}
             for m, name, kind, country, a, _ in rows],
            {m: event_type for m, *_, event_type in rows},
        )
        con.execute("DELETE FROM core.events")
        self._merge(con.execute(_ALL_REPORTS).fetchall(), utcnow(), every=True)
        return con.execute("SELECT count(*) FROM core.events").fetchone()[0]


_PLAIN_FIELDS = (
    "trigger", "sentence", "char_start", "char_end", "mentions", "location", "date_text",
    "modality", "confidence", "extractor_version",
)


def _columns(rows: list[dict]) -> dict[str, list]:
    """Rows as named columns, for `unnest($name)` inserts."""
    return {name: [row[name] for row in rows] for name in rows[0]}
