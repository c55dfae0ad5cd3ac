"""The `newsevents` command: run, query, extract, export, through typer's CliRunner."""
from __future__ import annotations

import csv
import io
import json

import pytest
from tests.httpserver import BOILERPLATE_MARKERS, STORY, article_page, http_server, rss_feed, story  # noqa: F401
from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def ran(prefect_harness, tmp_path_factory):
    """`newsevents run --json` on the default sources, once for the module."""
    data_dir = tmp_path_factory.mktemp("cli") / "data"
    result = runner.invoke(app, ["run", "--data", str(data_dir), "--json"])
    assert result.exit_code == 0, result.output
    return data_dir, result


def test_run_json_is_the_last_stdout_line(ran):
    _, result = ran
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["new_articles"] == 1 and summary["skipped_articles"] == 0 and summary["errors"] == 0
    assert summary["events"] == 3 and summary["events_by_type"] == {"agreement": 1, "asylum": 1, "meeting": 1}


def test_run_again_prints_a_summary_with_nothing_new(ran):
    data_dir, _ = ran
    result = runner.invoke(app, ["run", "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert "new articles" in result.stdout and "unchanged" in result.stdout
    summary = json.loads(runner.invoke(app, ["run", "--data", str(data_dir), "--json"]).stdout.splitlines()[-1])
    assert (summary["new_articles"], summary["events"]) == (0, 0)


def test_query_json_and_csv(ran):
    data_dir, _ = ran
    sql = "SELECT event_type, n_articles FROM events ORDER BY event_type"
    result = runner.invoke(app, ["query", sql, "--data", str(data_dir), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {"event_type": "agreement", "n_articles": 1},
        {"event_type": "asylum", "n_articles": 1},
        {"event_type": "meeting", "n_articles": 1},
    ]
    result = runner.invoke(app, ["query", "SELECT event_type, participants FROM meetings", "--data", str(data_dir), "--csv"])
    assert result.exit_code == 0, result.output
    [header, row] = list(csv.reader(io.StringIO(result.stdout)))
    assert header == ["event_type", "participants"]
    assert {p["name"] for p in json.loads(row[1])} == {"Ahmed al-Sharaa", "Vladimir Putin"}


def test_query_refuses_writes_and_explains_a_missing_warehouse(ran, tmp_path):
    data_dir, _ = ran
    result = runner.invoke(app, ["query", "DROP VIEW events", "--data", str(data_dir)])
    assert result.exit_code == 1 and "read-only" in result.stderr
    result = runner.invoke(app, ["query", "SELECT 1", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "newsevents run" in result.stderr


def test_export_rewrites_the_parquet_copy(ran):
    data_dir, _ = ran
    result = runner.invoke(app, ["export", "--data", str(data_dir), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rows"]["events"] == 3


def test_extract_writes_the_contract_events(seed_jsonl, tmp_path):
    output = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["extract", str(seed_jsonl), "-o", str(output)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert sorted(e["event_type"] for e in events) == ["agreement", "asylum", "meeting"]
    contract = {"event_id", "article_id", "event_type", "trigger", "sentence", "char_start", "char_end", "mentions",
                "participants", "location", "event_date", "date_text", "modality", "attributes", "confidence",
                "extractor_version"}
    assert all(contract <= set(e) for e in events)
    assert not (tmp_path / "data").exists()


def test_help_shows_examples():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "newsevents query" in result.stdout
    result = runner.invoke(app, ["run", "--help"])
    assert "--source" in result.stdout and "--json" in result.stdout


def test_run_a_feed_from_the_loopback_server(prefect_harness, http_server, tmp_path, monkeypatch):
    """Issue 4's acceptance: good entries stored without their boilerplate and with their
    events, broken ones (a 500, a 404) counted as errors while the run succeeds; nothing
    new the second time; exactly one new article after one more item."""
    monkeypatch.setenv("NEWSEVENTS_HTTP_HOST_DELAY", "0")
    monkeypatch.setenv("NEWSEVENTS_HTTP_BACKOFF", "0.05")
    http_server.route("/news/meeting.html", article_page("Al-Sharaa meets Putin", STORY))
    for n in (1, 2):
        http_server.route(f"/news/{n}.html", article_page(f"Agreement {n}", story(n)))
    http_server.route("/news/broken.html", "<html><body>Internal error</body></html>", status=500)
    items = [{"title": title, "link": http_server.url(path), "pubDate": "Wed, 15 Oct 2025 09:00:00 GMT"}
             for title, path in [("Meeting", "/news/meeting.html"), ("Agreement 1", "/news/1.html"),
                                 ("Broken", "/news/broken.html"), ("Gone", "/news/gone.html")]]
    http_server.route("/feed.xml", rss_feed(items), content_type="application/rss+xml")
    data = tmp_path / "data"
    command = ["run", "--source", http_server.url("/feed.xml"), "--allow-private", "--json", "--data", str(data)]

    def run() -> dict:
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout.strip().splitlines()[-1])

    first = run()
    assert (first["new_articles"], first["errors"]) == (2, 2)
    assert first["events_by_type"].get("meeting") and first["events_by_type"].get("agreement")
    assert any("http 500" in m for m in first["error_messages"]) and any("http 404" in m for m in first["error_messages"])
    texts = json.loads(runner.invoke(app, ["query", "SELECT url, text FROM articles", "--data", str(data), "--json"]).stdout)
    assert len(texts) == 2
    for row in texts:
        assert not any(marker in row["text"] for marker in BOILERPLATE_MARKERS), row["url"]
    assert len(http_server.hits("/news/broken.html")) == 3  # the first try and two retries

    second = run()  # the feed's body is the one seen: not parsed again
    assert (second["new_articles"], second["updated_articles"], second["errors"]) == (0, 0, 0)

    items.append({"title": "Agreement 2", "link": http_server.url("/news/2.html"), "pubDate": "Thu, 16 Oct 2025 09:00:00 GMT"})
    http_server.route("/feed.xml", rss_feed(items), content_type="application/rss+xml")
    third = run()  # the feed changed: its broken entries are tried again, its stored ones are not
    assert (third["new_articles"], third["updated_articles"], third["errors"]) == (1, 0, 2)
    assert len(http_server.hits("/news/1.html")) == 1  # a known entry is not requested again
