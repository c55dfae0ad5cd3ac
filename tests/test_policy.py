"""The flows' operational policy: source retries with backoff, timeouts, the
extraction cache, the run lock, and the report artifact of every run."""
from __future__ import annotations

import json
import time

import pytest
from filelock import FileLock
from tests.httpserver import Route, article_page, http_server  # noqa: F401 - the loopback server fixture

import flows.ingest
import tasks.batch
import tasks.extract
from flows.ingest import RUN_LOCK_NAME, ingest
from tasks import prefect_tasks
from tasks.fetch import FetchError, FetchResult, RawDocument, Source, source_unavailable
from tasks.fetch.sources import DEFAULT_SOURCES
from warehouse.db import WarehouseBusy, open_for_reading

SEED_TEXT = (DEFAULT_SOURCES.parent / "articles" / "000_2e542d8058e628ba.txt").read_text(encoding="utf-8")
PAGE = Source(name="daily", kind="page", location="http://127.0.0.1:9/story.html", allow_private=True)


def test_only_a_web_source_whose_own_url_failed_transiently_is_unavailable():
    down = FetchResult(errors=[FetchError("daily", PAGE.location, "fetch", "http 503 Service Unavailable")])
    assert source_unavailable(PAGE, down)
    refused = FetchResult(errors=[FetchError("daily", PAGE.location, "fetch", "connection failed: refused")])
    assert source_unavailable(PAGE, refused)
    gone = FetchResult(errors=[FetchError("daily", PAGE.location, "fetch", "http 404 Not Found")])
    assert not source_unavailable(PAGE, gone)
    one_item_down = FetchResult(errors=[FetchError("daily", "http://127.0.0.1:9/other", "fetch", "timeout: no data")])
    assert not source_unavailable(PAGE, one_item_down)
    some = FetchResult(documents=[RawDocument(source="daily", uri="u", content="x")], errors=down.errors)
    assert not source_unavailable(PAGE, some)
    folder = Source(name="seed", kind="folder", location=PAGE.location)
    assert not source_unavailable(folder, down)


def test_every_step_carries_its_policy():
    for step in (prefect_tasks.load_memory, prefect_tasks.select_new, prefect_tasks.clean, prefect_tasks.skip_stored,
                 prefect_tasks.extract, prefect_tasks.store, prefect_tasks.export, prefect_tasks.select_stored):
        assert step.timeout_seconds, step.name
    fetch = prefect_tasks.fetch
    assert fetch.retries == prefect_tasks.FETCH_RETRIES == 2
    assert fetch.retry_delay_seconds == [30, 60] and fetch.retry_jitter_factor == 0.5
    assert fetch.timeout_seconds is None  # it runs in threads, where Prefect cannot interrupt it
    assert prefect_tasks.store.retries == 1


@pytest.fixture
def quick_fetch_retries(monkeypatch):
    """The flow's fetch task without the minutes of backoff, and a client that does not retry itself."""
    monkeypatch.setattr(flows.ingest, "fetch", prefect_tasks.fetch.with_options(retry_delay_seconds=0))
    monkeypatch.setenv("NEWSEVENTS_HTTP_HOST_DELAY", "0")
    monkeypatch.setenv("NEWSEVENTS_HTTP_RETRIES", "0")


def test_a_web_source_down_for_a_moment_is_fetched_again(prefect_harness, http_server, quick_fetch_retries, tmp_path):
    page = Route(article_page("Al-Sharaa meets Putin", SEED_TEXT.split("\n")))
    answers = iter([Route("busy", status=503), page])
    http_server.route("/story.html", lambda request: next(answers, page))
    source = Source(name="daily", kind="page", location=http_server.url("/story.html"), allow_private=True)
    summary = ingest(sources=[source], data_dir=str(tmp_path / "data"))
    assert (summary["new_articles"], summary["errors"]) == (1, 0)
    assert len(http_server.hits("/story.html")) == 2


def test_a_web_source_that_stays_down_is_an_error_row_not_a_failed_run(prefect_harness, http_server,
                                                                         quick_fetch_retries, tmp_path):
    http_server.route("/story.html", "busy", status=503)
    source = Source(name="daily", kind="page", location=http_server.url("/story.html"), allow_private=True)
    data_dir = tmp_path / "data"
    summary = ingest(sources=[source], data_dir=str(data_dir))
    assert (summary["new_articles"], summary["errors"]) == (0, 1)
    assert len(http_server.hits("/story.html")) == 1 + prefect_tasks.FETCH_RETRIES
    with open_for_reading(data_dir) as con:
        assert con.execute("SELECT status FROM runs").fetchall() == [("completed",)]
        errors = con.execute("SELECT error FROM fetches WHERE status = 'error' AND stage = 'page'").fetchall()
    assert errors == [("http 503 Service Unavailable",)]


def test_the_same_articles_are_extracted_once_whatever_the_warehouse(prefect_harness, tmp_path, monkeypatch):
    """The extract step is cached by content and extractor version: a warehouse
    rebuilt from scratch does not run the extractor again; a new version does."""
    feed = tmp_path / "reports.jsonl"
    record = {"id": f"cache-{tmp_path.name}", "source": "Wire", "published": "2025-10-15",
              "text": f"Vladimir Putin met Ahmed al-Sharaa in Moscow on Wednesday. Reference {tmp_path.name}."}
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    sources = [Source(name="wire", kind="jsonl", location=str(feed))]
    calls = []
    real = tasks.extract.extract_articles
    monkeypatch.setattr(tasks.extract, "extract_articles", lambda articles: calls.append(len(articles)) or real(articles))

    first = ingest(sources=sources, data_dir=str(tmp_path / "a"))
    assert calls == [1] and first["events_by_type"] == {"meeting": 1}
    again = ingest(sources=sources, data_dir=str(tmp_path / "b"))
    assert calls == [1], "a cache hit must not run the extractor"
    assert again["events_by_type"] == first["events_by_type"]
    with open_for_reading(tmp_path / "a") as a, open_for_reading(tmp_path / "b") as b:
        query = "SELECT * EXCLUDE (stored_at) FROM core.event_mentions ORDER BY ALL"
        assert a.execute(query).fetchall() == b.execute(query).fetchall()

    monkeypatch.setattr(tasks.batch, "current_extractor_version", lambda: "another-version")
    ingest(sources=sources, data_dir=str(tmp_path / "c"))
    assert calls == [1, 1], "another extractor version is another key"


def test_a_second_run_waits_a_bounded_time_then_says_why(prefect_harness, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with FileLock(str(data_dir / RUN_LOCK_NAME)):
        started = time.monotonic()
        with pytest.raises(WarehouseBusy, match="another run has held .* for over 0.5 s"):
            ingest(data_dir=str(data_dir), lock_wait=0.5)
        assert time.monotonic() - started < 30
    assert not (data_dir / "events.duckdb").exists()


def test_the_command_says_another_run_holds_the_folder(prefect_harness, tmp_path):
    from typer.testing import CliRunner

    from flows.cli import app

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with FileLock(str(data_dir / RUN_LOCK_NAME)):
        result = CliRunner().invoke(app, ["run", "--data", str(data_dir), "--wait", "0.5"])
    assert result.exit_code == 1
    assert "another run has held" in result.stderr and "run.lock" in result.stderr


def read_report(flow_run_id) -> str:
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]))
        )
    [report] = [a for a in artifacts if a.key == "newsevents-ingest"]  # a failed run also has a result record
    assert report.type == "markdown"
    return report.data


def test_each_run_publishes_its_report(prefect_harness, tmp_path):
    summary = ingest(data_dir=str(tmp_path / "data"))
    report = read_report(summary["flow_run_id"])
    assert "## newsevents ingest: completed" in report
    assert "| new | 1 |" in report and "| meeting | 1 |" in report and "| errors | 0 |" in report


def test_a_failed_run_publishes_why(prefect_harness, tmp_path, monkeypatch):
    def broken_export(data_dir, changed):
        raise OSError("disk full")

    monkeypatch.setattr(flows.ingest, "export", broken_export)
    captured = {}
    real_new_run = flows.ingest.new_run
    monkeypatch.setattr(flows.ingest, "new_run", lambda *a: captured.setdefault("run", real_new_run(*a)))
    with pytest.raises(OSError, match="disk full"):
        ingest(data_dir=str(tmp_path / "data"))
    report = read_report(captured["run"].flow_run_id)
    assert "ingest: failed" in report and "OSError: disk full" in report and "| new | 1 |" in report
    with open_for_reading(tmp_path / "data") as con:
        assert con.execute("SELECT status FROM runs").fetchall() == [("failed",)]
