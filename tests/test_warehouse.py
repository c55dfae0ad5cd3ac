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

from warehouse.canonical import Report, cluster_reports, participant_key
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
    store(data_dir, make_article("a1", "one", source="Outlet A"), [make_event("a1", confidence=0.7)])
    store(data_dir, make_article("a2", "two", source="Outlet B", published="2025-10-16"),
          [make_event("a2", event_date="2025-10-16", location=None, parties=(putin_short, SHARAA))])
    store(data_dir, make_article("a3", "three", source="Outlet C"), [make_event("a3", event_date=None)])
    assert rows(data_dir, "SELECT n_mentions, n_articles, n_sources, first_seen, last_seen, event_date, location FROM events") == [
        (3, 3, 3, date(2025, 10, 15), date(2025, 10, 16), date(2025, 10, 15), "Moscow")
    ]
    assert sorted(rows(data_dir, "SELECT name, role FROM event_participants")) == [
        ("Ahmed al-Sharaa", "guest"), ("Vladimir Putin", "host")
    ]
    assert count(data_dir, "(SELECT DISTINCT event_id FROM event_mentions)") == 1
    # a report withdrawn: the event's counts follow
    store(data_dir, make_article("a2", "two, corrected", source="Outlet B"), [])
    assert rows(data_dir, "SELECT n_articles, n_sources FROM events") == [(2, 2)]


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
        ("Vladimir Putin", "Ahmed al-Sharaa", "meeting", 1, 2),
    ]
    assert rows(data_dir, "SELECT day, event_type, n_events FROM daily_counts ORDER BY event_type") == [
        (date(2025, 10, 15), "agreement", 1), (date(2025, 10, 15), "asylum", 1), (date(2025, 10, 15), "meeting", 1)
    ]
    # undated events fall in the year their main report was published
    assert rows(data_dir, "SELECT DISTINCT year FROM events") == [("2025",)]


def test_participant_keys():
    assert participant_key("Vladimir Putin", "PERSON", "Russia") == participant_key("Putin", "PERSON", None)
    assert participant_key("Bashar al-Assad", "PERSON", None) == participant_key("Assad", "PERSON", "Syria")
    assert participant_key("Moscow", "GPE", "Russia") == participant_key("Russia", "GPE", "Russia") == "state:russia"
    assert participant_key("the Kremlin", "ORG", "Russia") == "org:kremlin"


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
