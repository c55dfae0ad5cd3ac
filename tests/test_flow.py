"""Real flow runs on the seed, through Prefect's test harness and the real extractor."""
from __future__ import annotations

import json
import shutil
from datetime import date

import pyarrow.dataset as ds
import pytest
from tests.factories import make_article, make_event
from tests.httpserver import article_page, http_server  # noqa: F401 - the loopback server fixture

from flows.ingest import ingest
from flows.reprocess import reprocess
from tasks.batch import current_extractor_version
from tasks.clean import clean_documents
from tasks.fetch import fetch_source
from tasks.fetch.sources import DEFAULT_SOURCES, Source, load_sources
from warehouse.db import open_for_reading, open_for_writing
from warehouse.parquet import parquet_root
from warehouse.writer import RunRecord, Writer, utcnow

SEED_FOLDER = DEFAULT_SOURCES.parent / "articles"


def snapshot(data_dir) -> dict:
    with open_for_reading(data_dir) as con:
        return {
            table: con.execute(f"SELECT * EXCLUDE (stored_at) FROM core.{table} ORDER BY ALL").fetchall()
            for table in ("articles", "event_mentions")
        } | {"events": con.execute("SELECT * EXCLUDE (updated_at) FROM core.events ORDER BY ALL").fetchall()}


def count(data_dir, relation: str) -> int:
    with open_for_reading(data_dir) as con:
        return con.execute(f"SELECT count(*) FROM {relation}").fetchone()[0]


@pytest.fixture(scope="module")
def seeded(prefect_harness, tmp_path_factory):
    """The default sources ingested twice into one warehouse."""
    data_dir = tmp_path_factory.mktemp("seeded") / "data"
    sources = load_sources(DEFAULT_SOURCES)
    first = ingest(sources=sources, data_dir=str(data_dir))
    after_first = snapshot(data_dir)
    second = ingest(sources=sources, data_dir=str(data_dir))
    return data_dir, first, after_first, second


def test_first_run_stores_the_seed_and_its_three_events(seeded):
    data_dir, first, _, _ = seeded
    assert (first["new_articles"], first["skipped_articles"], first["errors"]) == (1, 0, 0)
    assert first["events"] == 3
    assert first["events_by_type"] == {"agreement": 1, "asylum": 1, "meeting": 1}
    assert first["warehouse"] == {"articles": 1, "event_mentions": 3, "events": 3}
    assert first["flow_run_id"]


def test_second_run_adds_nothing(seeded):
    data_dir, _, after_first, second = seeded
    assert (second["new_articles"], second["updated_articles"], second["events"]) == (0, 0, 0)
    assert second["skipped_by_reason"] == {"unchanged": 1}
    assert snapshot(data_dir) == after_first
    with open_for_reading(data_dir) as con:
        runs = con.execute("SELECT status, new_articles, events, flow_run_id IS NOT NULL FROM runs ORDER BY started_at").fetchall()
    assert runs == [("completed", 1, 3, True), ("completed", 0, 0, True)]


def test_the_seed_events_in_the_warehouse(seeded):
    data_dir = seeded[0]
    with open_for_reading(data_dir) as con:
        articles = con.execute("SELECT source, published, title FROM articles").fetchall()
        meeting = con.execute("SELECT location, CAST(event_date AS VARCHAR), modality FROM meetings").fetchall()
        parties = con.execute(
            "SELECT event_type, list(name ORDER BY name) FROM event_participants GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    assert articles[0][0:2] == ("Kurdistan24", date(2025, 10, 15))
    assert meeting == [("Moscow", "2025-10-15", "asserted")]
    assert dict(parties)["meeting"] == ["Ahmed al-Sharaa", "Vladimir Putin"]
    assert dict(parties)["asylum"] == ["Bashar al-Assad", "Vladimir Putin"]


def test_parquet_has_as_many_events_as_duckdb(seeded):
    data_dir = seeded[0]
    events = ds.dataset(parquet_root(data_dir) / "events", format="parquet", partitioning="hive")
    assert events.count_rows() == count(data_dir, "events") == 3
    assert set(events.to_table()["event_type"].to_pylist()) == {"meeting", "asylum", "agreement"}
    for table in ("event_mentions", "event_participants", "articles"):
        dataset = ds.dataset(parquet_root(data_dir) / table, format="parquet", partitioning="hive")
        assert dataset.count_rows() == count(data_dir, table), table


def test_a_changed_article_is_extracted_again_and_its_events_replaced(prefect_harness, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SEED_FOLDER, folder)
    sources = [Source(name="seed", kind="folder", location=str(folder))]
    data_dir = tmp_path / "data"
    ingest(sources=sources, data_dir=str(data_dir))
    seed = next(folder.glob("*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8") + "\nThe visit ended on Thursday.\n", encoding="utf-8")
    second = ingest(sources=sources, data_dir=str(data_dir))
    assert (second["new_articles"], second["updated_articles"]) == (0, 1)
    assert count(data_dir, "articles") == 1
    assert count(data_dir, "event_mentions") == count(data_dir, "events") == second["events"]
    assert ds.dataset(parquet_root(data_dir) / "events", partitioning="hive").count_rows() == count(data_dir, "events")


def test_reprocess_after_an_extractor_change_leaves_no_stale_mention(prefect_harness, tmp_path):
    data_dir = tmp_path / "data"
    source = Source(name="seed", kind="folder", location=str(SEED_FOLDER))
    article = clean_documents(fetch_source(source).documents).articles[0]
    # what an older extractor left: an extra event, under another version
    stale = [make_event(article.article_id, version="old"), make_event(article.article_id, event_type="asylum", version="old")]
    with open_for_writing(data_dir) as con:
        writer = Writer(con)
        writer.begin_run(RunRecord("old-run", "ingest", utcnow(), "old"))
        writer.store_article(article, stale, run_id="old-run", extractor_version="old")
    summary = reprocess(data_dir=str(data_dir))
    assert (summary["updated_articles"], summary["errors"]) == (1, 0)
    version = current_extractor_version()
    with open_for_reading(data_dir) as con:
        versions = con.execute("SELECT DISTINCT extractor_version FROM event_mentions").fetchall()
        stale_left = con.execute(
            "SELECT count(*) FROM core.event_mentions WHERE list_contains(?, mention_id)", [[e.event_id for e in stale]]
        ).fetchone()[0]
        kinds = con.execute("SELECT kind, status FROM runs ORDER BY started_at").fetchall()
    assert versions == [(version,)]
    assert stale_left == 0
    assert kinds == [("ingest", "running"), ("reprocess", "completed")]
    assert count(data_dir, "events") == 3
    assert reprocess(data_dir=str(data_dir))["updated_articles"] == 0
    assert ds.dataset(parquet_root(data_dir) / "events", partitioning="hive").count_rows() == 3


def test_reprocess_reads_the_stored_texts_one_batch_at_a_time(prefect_harness, tmp_path, monkeypatch):
    import tasks.store

    data_dir = tmp_path / "data"
    with open_for_writing(data_dir) as con:
        writer = Writer(con)
        writer.begin_run(RunRecord("old-run", "ingest", utcnow(), "old"))
        for i in range(5):
            writer.store_article(make_article(f"a{i}", f"Report number {i}."), [], run_id="old-run", extractor_version="old")
    read = []

    def spy(*args, **kwargs):
        rows = stored_articles(*args, **kwargs)
        read.append(len(rows))
        return rows

    stored_articles = tasks.store.stored_articles
    monkeypatch.setattr(tasks.store, "stored_articles", spy)
    summary = reprocess(data_dir=str(data_dir), batch_size=2)
    assert (summary["updated_articles"], summary["errors"]) == (5, 0)
    assert read == [3, 3, 1]  # a batch and a look ahead at the next id, never all five texts
    with open_for_reading(data_dir) as con:
        assert con.execute("SELECT kind, status FROM runs WHERE kind = 'reprocess'").fetchall() == [("reprocess", "completed")]


# One meeting as three outlets report it, under different forms of the names,
# and the same two leaders meeting again a week later.
THREE_REPORTS = [
    {"id": "a-1", "source": "Outlet A", "published": "2025-10-15",
     "text": "Syrian President Ahmed al-Sharaa met Russian President Vladimir Putin in Moscow on Wednesday. "
             "The two leaders discussed energy and the Russian bases in Syria."},
    {"id": "b-1", "source": "Outlet B", "published": "2025-10-15",
     "text": "Russian President Putin met Syrian President Sharaa at the Kremlin on Wednesday, "
             "their first meeting since the fall of Assad."},
    {"id": "c-1", "source": "Outlet C", "published": "2025-10-16",
     "text": "Syria's interim president al-Sharaa met Putin in Moscow on Wednesday, "
             "Syrian state media said on Thursday."},
    {"id": "a-2", "source": "Outlet A", "published": "2025-10-22",
     "text": "Putin met al-Sharaa again in Sochi on Wednesday, a week after their talks in Moscow."},
]


def test_three_outlets_reporting_one_meeting_give_one_event(prefect_harness, tmp_path):
    feed = tmp_path / "reports.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in THREE_REPORTS), encoding="utf-8")
    data_dir = tmp_path / "data"
    summary = ingest(sources=[Source(name="wire", kind="jsonl", location=str(feed))], data_dir=str(data_dir))
    assert (summary["new_articles"], summary["events_by_type"]) == (4, {"meeting": 4})
    with open_for_reading(data_dir) as con:
        meetings = con.execute(
            "SELECT event_date, n_articles, n_sources, first_seen, last_seen FROM meetings ORDER BY event_date"
        ).fetchall()
        names = {name for (name,) in con.execute(
            "SELECT DISTINCT unnest(participants).name FROM event_mentions").fetchall()}
    assert meetings == [
        (date(2025, 10, 15), 3, 3, date(2025, 10, 15), date(2025, 10, 16)),
        (date(2025, 10, 22), 1, 1, date(2025, 10, 22), date(2025, 10, 22)),
    ]
    assert {"Putin", "Vladimir Putin", "Sharaa", "Ahmed al-Sharaa"} <= names  # the reports' own forms
    assert ds.dataset(parquet_root(data_dir) / "events", partitioning="hive").count_rows() == 2


def test_a_web_page_is_not_downloaded_again_when_unchanged(prefect_harness, tmp_path, http_server, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_HTTP_HOST_DELAY", "0")
    text = SEED_FOLDER.joinpath("000_2e542d8058e628ba.txt").read_text(encoding="utf-8")
    http_server.route("/story.html", article_page("Al-Sharaa meets Putin", text.split("\n")), etag='"v1"')
    source = Source(name="daily", kind="page", location=http_server.url("/story.html"), allow_private=True)
    data_dir = tmp_path / "data"
    first = ingest(sources=[source], data_dir=str(data_dir))
    assert (first["new_articles"], first["errors"]) == (1, 0)
    assert first["events_by_type"]["meeting"] == 1
    second = ingest(sources=[source], data_dir=str(data_dir))
    assert (second["new_articles"], second["updated_articles"], second["errors"]) == (0, 0, 0)
    story_requests = [r for r in http_server.requests if r.path == "/story.html"]
    assert story_requests[-1].headers.get("if-none-match") == '"v1"'
    with open_for_reading(data_dir) as con:
        statuses = con.execute(
            "SELECT status FROM fetches WHERE stage = 'page' ORDER BY attempted_at"
        ).fetchall()
    assert statuses == [("ok",), ("not_modified",)]
