"""The warehouse: migrations, the one writer's upserts and transactions, canonical events, views."""
from __future__ import annotations

import itertools
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from tests.factories import SHARAA, make_article, make_event

from warehouse.canonical import Party, Report, cluster_reports, merge_reports, same_party
from warehouse.db import (
    MigrationError,
    WarehouseBusy,
    database_path,
    migrate,
    migration_files,
    open_for_reading,
    open_for_writing,
    write_lock,
)
from warehouse.query import run_query
from warehouse.writer import RunRecord, Writer, utcnow

ROOT = Path(__file__).resolve().parents[1]
VIEWS = {
    "articles", "sources", "runs", "fetches", "event_mentions", "events", "event_participants",
    "meetings", "asylum_events", "asylum_grants", "agreements", "actor_pairs", "daily_counts",
}


def store(data_dir, article, events, **kwargs):
    with open_for_writing(data_dir) as con:
        writer = Writer(con)
        writer.begin_run(RunRecord("run-1", "ingest", utcnow(), "test-1"))
        return writer.store_article(article, events, run_id="run-1", extractor_version="test-1", **kwargs)


def rows(data_dir, sql):
    with open_for_reading(data_dir) as con:
        return con.execute(sql).fetchall()


def count(data_dir, relation):
    return rows(data_dir, f"SELECT count(*) FROM {relation}")[0][0]


def test_migrations_are_recorded_once_and_views_created(data_dir):
    with open_for_writing(data_dir) as con:
        applied = con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
        assert [name for _, name in applied] == [path.name for _, path in migration_files()]
        assert migrate(con) == []
        views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert VIEWS <= views
    with open_for_writing(data_dir) as con:
        assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(applied)


def test_upgrading_a_warehouse_of_001_merges_its_reports_again(data_dir, monkeypatch):
    """A warehouse written before 002: events keyed by last names, no months, fetch state only in fetches."""
    import warehouse.db as db

    first = migration_files()[:1]
    with monkeypatch.context() as patch:
        patch.setattr(db, "migration_files", lambda: first)
        patch.setattr(db, "_apply_views", lambda con: None)
        with open_for_writing(data_dir) as con:
            con.execute("""
                INSERT INTO core.articles (article_id, published, source, text, content_hash, stored_at)
                VALUES ('a1', '2025-10-15', 'Outlet A', 'one', 'h1', now()), ('a2', '2025-10-16', 'Outlet B', 'two', 'h2', now())
            """)
            con.execute("""
                INSERT INTO core.event_mentions (mention_id, event_id, article_id, event_type, party_key, event_date, stored_at)
                VALUES ('m1', 'old-1', 'a1', 'meeting', 'person:biden|person:jinping', '2025-10-15', now()),
                       ('m2', 'old-2', 'a2', 'meeting', 'person:biden|person:xi', '2025-10-15', now())
            """)
            con.execute("""
                INSERT INTO core.mention_participants VALUES
                ('m1', 0, 'Xi Jinping', 'host', 'PERSON', 'China', 'person:jinping'),
                ('m1', 1, 'Joe Biden', 'guest', 'PERSON', 'United States', 'person:biden'),
                ('m2', 0, 'Xi', 'host', 'PERSON', NULL, 'person:xi'),
                ('m2', 1, 'Biden', 'guest', 'PERSON', NULL, 'person:biden')
            """)
            con.execute("""
                INSERT INTO core.events VALUES
                ('old-1', 'meeting', 'person:biden|person:jinping', 'm1', '2025-10-15', NULL, NULL, 1, 1, 1, '2025-10-15', '2025-10-15', '2025', now()),
                ('old-2', 'meeting', 'person:biden|person:xi', 'm2', '2025-10-15', NULL, NULL, 1, 1, 1, '2025-10-16', '2025-10-16', '2025', now())
            """)
            con.execute("""
                INSERT INTO core.fetches (fetch_id, run_id, source, uri, stage, status, attempted_at, etag, content_hash, final_url)
                VALUES ('f1', 'r1', 'web', 'https://example.test/a', 'page', 'ok', '2025-10-15 08:00', '"v1"', 'b1', 'https://example.test/a2'),
                       ('f2', 'r2', 'web', 'https://example.test/a', 'page', 'not_modified', '2025-10-16 08:00', NULL, NULL, NULL)
            """)
    with open_for_writing(data_dir) as con:
        assert [name for (name,) in con.execute("SELECT name FROM schema_migrations ORDER BY version").fetchall()] == [
            path.name for _, path in migration_files()
        ]
    assert rows(data_dir, "SELECT n_articles, n_sources, year, month FROM events") == [(2, 2, "2025", "10")]
    assert sorted(rows(data_dir, "SELECT name FROM event_participants")) == [("Joe Biden",), ("Xi Jinping",)]
    assert rows(data_dir, "SELECT url, etag, content_hash FROM core.url_state ORDER BY url") == [
        ("https://example.test/a", '"v1"', "b1"), ("https://example.test/a2", None, None)
    ]


def test_an_edited_migration_is_refused(data_dir):
    with open_for_writing(data_dir) as con:
        con.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
        with pytest.raises(MigrationError):
            migrate(con)


def test_storing_twice_is_an_upsert(data_dir):
    article = make_article("a1")
    first = store(data_dir, article, [make_event("a1")])
    second = store(data_dir, article, [make_event("a1")])
    forced = store(data_dir, article, [make_event("a1")], force=True)
    assert (first.status, second.status, forced.status) == ("new", "unchanged", "updated")
    assert [count(data_dir, t) for t in ("articles", "event_mentions", "events", "core.mention_participants")] == [1, 1, 1, 2]


def test_changed_text_replaces_the_articles_events(data_dir):
    store(data_dir, make_article("a1"), [make_event("a1"), make_event("a1", event_type="agreement")])
    assert count(data_dir, "events") == 2
    result = store(data_dir, make_article("a1", "Putin and al-Sharaa signed nothing."), [make_event("a1")])
    assert result.status == "updated"
    assert rows(data_dir, "SELECT event_type FROM event_mentions") == [("meeting",)]
    assert rows(data_dir, "SELECT event_type FROM events") == [("meeting",)]
    assert count(data_dir, "core.mention_participants") == 2
    assert rows(data_dir, "SELECT text FROM articles") == [("Putin and al-Sharaa signed nothing.",)]


def test_a_failed_article_leaves_the_previous_version_whole(data_dir):
    store(data_dir, make_article("a1"), [make_event("a1")])
    broken = make_event("a1", 2)
    broken.char_start = "not an offset"
    with pytest.raises(duckdb.Error):
        store(data_dir, make_article("a1", "A new text that fails half way."), [make_event("a1"), broken])
    assert rows(data_dir, "SELECT text FROM articles") == [("Putin met al-Sharaa in Moscow on Wednesday.",)]
    assert rows(data_dir, "SELECT mention_id FROM event_mentions") == [("a1-meeting-1",)]
    assert count(data_dir, "events") == 1


def test_three_outlets_reporting_one_meeting_make_one_event(data_dir):
    putin_short = ("Putin", "host", "PERSON", "Russia")
    sharaa_short = ("Sharaa", "guest", "PERSON", None)
    store(data_dir, make_article("a1", "one", source="Outlet A"), [make_event("a1", confidence=0.7)])
    store(data_dir, make_article("a2", "two", source="Outlet B", published="2025-10-16"),
          [make_event("a2", event_date="2025-10-16", location=None, parties=(putin_short, SHARAA))])
    store(data_dir, make_article("a3", "three", source="Outlet C"),
          [make_event("a3", event_date=None, parties=(putin_short, sharaa_short))])
    # the same two a week later: another meeting
    store(data_dir, make_article("a4", "four", source="Outlet A", published="2025-10-22"),
          [make_event("a4", event_date="2025-10-22", parties=(putin_short, sharaa_short))])
    assert rows(data_dir, "SELECT n_mentions, n_articles, n_sources, first_seen, last_seen, event_date, location "
                          "FROM events ORDER BY event_date") == [
        (3, 3, 3, date(2025, 10, 15), date(2025, 10, 16), date(2025, 10, 15), "Moscow"),
        (1, 1, 1, date(2025, 10, 22), date(2025, 10, 22), date(2025, 10, 22), "Moscow"),
    ]
    assert sorted(rows(data_dir, "SELECT p.name, p.role FROM event_participants AS p JOIN events AS e USING (event_id) "
                                 "WHERE e.event_date = '2025-10-15'")) == [("Ahmed al-Sharaa", "guest"), ("Vladimir Putin", "host")]
    assert count(data_dir, "(SELECT DISTINCT event_id FROM event_mentions)") == 2
    # a report withdrawn: the event's counts follow
    store(data_dir, make_article("a2", "two, corrected", source="Outlet B"), [])
    assert rows(data_dir, "SELECT n_articles, n_sources FROM events ORDER BY event_date") == [(2, 2), (1, 1)]
    # storing a report again changes nothing
    before = rows(data_dir, "SELECT * EXCLUDE (updated_at) FROM core.events ORDER BY ALL")
    store(data_dir, make_article("a1", "one"), [make_event("a1", confidence=0.7)], force=True)
    assert rows(data_dir, "SELECT * EXCLUDE (updated_at) FROM core.events ORDER BY ALL") == before


def test_reports_far_apart_or_in_conflicting_places_are_separate_events(data_dir):
    store(data_dir, make_article("a1", "one"), [make_event("a1")])
    store(data_dir, make_article("a2", "two"), [make_event("a2", event_date="2025-10-18")])
    store(data_dir, make_article("a3", "three"), [make_event("a3", location="Damascus")])
    assert count(data_dir, "events") == 3
    assert rows(data_dir, "SELECT DISTINCT n_articles FROM events") == [(1,)]


def test_places_in_one_country_are_compatible(data_dir):
    russia = {"Moscow": "Russia", "the Kremlin": "Russia", "Damascus": "Syria"}
    store(data_dir, make_article("a1", "one"), [make_event("a1")], place_countries=russia)
    store(data_dir, make_article("a2", "two", source="Outlet B"), [make_event("a2", location="the Kremlin")],
          place_countries=russia)
    store(data_dir, make_article("a3", "three", source="Outlet C"), [make_event("a3", location="Damascus")],
          place_countries=russia)
    assert rows(data_dir, "SELECT n_articles, location, location_country FROM events ORDER BY n_articles") == [
        (1, "Damascus", "Syria"), (2, "Moscow", "Russia")
    ]


def test_views_for_analysts(data_dir):
    store(data_dir, make_article("a1", "one"), [make_event("a1")])
    store(data_dir, make_article("a2", "two", source="Outlet B"), [make_event("a2")])
    asylum = make_event("a3", event_type="asylum", event_date=None, location=None,
                        parties=(("Vladimir Putin", "grantor", "PERSON", "Russia"),
                                 ("Bashar al-Assad", "recipient", "PERSON", "Syria")))
    asylum.attributes = {"action": "granted", "grounds": "humanitarian"}
    deal = make_event("a3", event_type="agreement", event_date=None, location=None,
                      parties=(("Damascus", "party", "GPE", "Syria"), ("Moscow", "party", "GPE", "Russia")))
    deal.attributes = {"topic": "economic", "status": "honoured"}
    store(data_dir, make_article("a3", "three"), [asylum, deal])
    assert rows(data_dir, "SELECT format, topics, n_articles FROM meetings") == [("visit", ["oil sector"], 2)]
    assert rows(data_dir, "SELECT action, grounds FROM asylum_grants") == [("granted", "humanitarian")]
    assert rows(data_dir, "SELECT topic, status FROM agreements") == [("economic", "honoured")]
    pairs = rows(data_dir, "SELECT actor_a, actor_b, event_type, n_events, n_articles FROM actor_pairs ORDER BY event_type")
    assert pairs == [
        ("Moscow", "Damascus", "agreement", 1, 1),
        ("Bashar al-Assad", "Vladimir Putin", "asylum", 1, 1),
        ("Ahmed al-Sharaa", "Vladimir Putin", "meeting", 1, 2),
    ]
    assert rows(data_dir, "SELECT day, event_type, n_events FROM daily_counts ORDER BY event_type") == [
        (date(2025, 10, 15), "agreement", 1), (date(2025, 10, 15), "asylum", 1), (date(2025, 10, 15), "meeting", 1)
    ]
    # undated events fall in the year their main report was published
    assert rows(data_dir, "SELECT DISTINCT year FROM events") == [("2025",)]


def test_parties_match_by_whole_words_or_by_country():
    P = Party
    assert same_party(P("Vladimir Putin", "PERSON", "Russia"), P("Putin", "PERSON", None))
    assert same_party(P("Ahmed al-Sharaa", "PERSON"), P("Sharaa", "PERSON", "Syria"))
    assert same_party(P("Xi Jinping", "PERSON"), P("Xi", "PERSON"))  # a family name first: no "last word" key
    assert same_party(P("Kim Jong Un", "PERSON"), P("Kim", "PERSON"))
    assert same_party(P("Lenín Moreno", "PERSON"), P("LENIN MORENO", "PERSON"))
    assert same_party(P("Sheikh Tamim", "PERSON"), P("Tamim bin Hamad Al Thani", "PERSON"))
    assert not same_party(P("Bill Clinton", "PERSON"), P("Hillary Clinton", "PERSON"))
    assert not same_party(P("Putin", "PERSON"), P("Putinova", "PERSON"))  # whole words only
    assert not same_party(P("Ahmed", "PERSON", "Syria"), P("Ahmed", "PERSON", "Egypt"))
    # a full name is trusted over a country the extractor guessed from the context
    assert same_party(P("Emmanuel Macron", "PERSON", "France"), P("Emmanuel Macron", "PERSON", "Russia"))
    assert same_party(P("Moscow", "GPE", "Russia"), P("Russia", "GPE", "Russia"))
    assert same_party(P("the Kremlin", "ORG", "Russia"), P("Moscow", "GPE", "Russia"))
    assert same_party(P("Kremlin", "ORG", "Russia"), P("the Kremlin", "ORG", "Russia"))
    assert not same_party(P("the Kremlin", "ORG", "Russia"), P("Russian Armed Forces", "ORG", "Russia"))
    assert not same_party(P("Vladimir Putin", "PERSON", "Russia"), P("Russia", "GPE", "Russia"))
    assert not same_party(P("Damascus", "GPE", "Syria"), P("Moscow", "GPE", "Russia"))


def _report(mention_id, day, *names, article=None, location=None):
    parties = tuple(Party(*n) if isinstance(n, tuple) else Party(n, "PERSON") for n in names)
    return Report(mention_id, day, location, article_id=article or mention_id, participants=parties)


def test_merging_keys_each_party_by_its_fullest_form_whatever_the_order():
    reports = [
        _report("m1", date(2025, 10, 15), "Putin", "Sharaa"),
        _report("m2", date(2025, 10, 15), "Vladimir Putin", "Ahmed al-Sharaa"),
        _report("m3", date(2025, 10, 16), ("the Kremlin", "ORG", "Russia"), ("Damascus", "GPE", "Syria")),
        _report("m4", date(2025, 10, 16), ("Moscow", "GPE", "Russia"), ("Syria", "GPE", "Syria")),
        # a state and one of its institutions in one report stay two parties
        _report("m5", date(2025, 10, 16), ("Baghdad", "GPE", "Iraq"), ("Kurdistan Regional Government", "ORG", "Iraq")),
    ]
    results = set()
    for order in itertools.permutations(reports):
        merged = merge_reports("meeting", list(order))
        results.add((tuple((e.event_id, e.party_key, e.mention_ids) for e in merged.events),
                     tuple(sorted(merged.participant_keys.items()))))
    assert len(results) == 1
    merged = merge_reports("meeting", reports)
    assert sorted((e.party_key, e.mention_ids) for e in merged.events if e.n_mentions > 1) == [
        ("person:ahmed al sharaa|person:vladimir putin", ("m1", "m2")),
        ("state:russia|state:syria", ("m3", "m4")),
    ]
    assert merged.participant_keys[("m1", 0)] == "person:vladimir putin"
    assert merged.participant_keys[("m3", 0)] == "state:russia"
    assert {merged.participant_keys[("m5", 0)], merged.participant_keys[("m5", 1)]} == {
        "state:iraq", "org:kurdistan regional government"}


def test_clustering_does_not_depend_on_arrival_order():
    reports = [
        Report("m1", date(2025, 10, 15), "Moscow"),
        Report("m2", date(2025, 10, 16), None),
        Report("m3", date(2025, 10, 20), "Moscow"),
        Report("m4", None, None),
        Report("m5", date(2025, 10, 15), "Sochi"),
    ]
    results = {tuple(sorted(cluster_reports("meeting", "k", list(p)).items())) for p in itertools.permutations(reports)}
    assert len(results) == 1
    assignment = dict(results.pop())
    assert assignment["m1"] == assignment["m2"] != assignment["m3"]
    assert assignment["m5"] not in (assignment["m1"], assignment["m3"])
    assert assignment["m4"] not in (assignment["m1"], assignment["m3"], assignment["m5"])


def test_queries_are_read_only(data_dir):
    store(data_dir, make_article("a1"), [make_event("a1")])
    with pytest.raises(duckdb.Error):
        run_query(data_dir, "DELETE FROM core.articles")
    assert run_query(data_dir, "SELECT count(*) AS n FROM events").records() == [{"n": 1}]


def _hold(code: str) -> subprocess.Popen:
    """Run `code` in another process; return once it says it holds what it holds."""
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert process.stdout.readline().strip() == "holding"
    return process


def test_a_query_waits_while_a_writer_holds_the_file(data_dir):
    store(data_dir, make_article("a1"), [make_event("a1")])
    path = str(database_path(data_dir))
    writer = _hold(f"import duckdb, time; c = duckdb.connect({path!r}); print('holding', flush=True); time.sleep(1.5)")
    try:
        with pytest.raises(WarehouseBusy):
            run_query(data_dir, "SELECT 1", wait=0.3)
        messages = []
        assert run_query(data_dir, "SELECT count(*) FROM events", wait=30, on_wait=messages.append).rows == [(1,)]
        assert len(messages) == 1 and "waiting" in messages[0]
    finally:
        writer.wait()


def test_two_writers_queue_on_the_lock(data_dir):
    data_dir.mkdir(parents=True)
    code = (
        "import time; from warehouse.db import write_lock\n"
        f"with write_lock({str(data_dir)!r}):\n    print('holding', flush=True); time.sleep(1.0)"
    )
    other = _hold(code)
    try:
        with pytest.raises(WarehouseBusy):
            with write_lock(data_dir, wait=0.2):
                pass
        with write_lock(data_dir, wait=30):
            assert other.wait(timeout=10) == 0  # we got the lock only once it was done
    finally:
        other.wait()
