"""Source specs, the local readers, and the in-memory fetch state."""
from __future__ import annotations

import json

import pytest

from tasks.fetch import FetchState, MemoryFetchState, UrlState, Validators, fetch_source, url_states
from tasks.fetch.documents import FetchAttempt, FetchError, FetchResult, RawDocument, content_hash
from tasks.fetch.sources import Source, SourceError, guess_kind, load_sources, source_from_spec


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_sources_file_with_web_kinds_and_options(tmp_path):
    sources = load_sources(write(tmp_path / "sources.toml", """
[defaults]
max_items = 20

[[source]]
name = "k24"
kind = "feed"
location = "https://www.kurdistan24.net/en/rss"
topics = ["Syria", "Russia"]
revisit = true
timeout = 5

[[source]]
location = "https://example.org/news-sitemap.xml"
kind = "sitemap"
max_items = 50

[[source]]
location = "http://intranet.local/page.html"
kind = "page"
allow_private = true

[[source]]
location = "https://example.org/whatever"
"""))
    feed, sitemap, page, bare = sources
    assert (feed.name, feed.kind, feed.topics, feed.max_items) == ("k24", "feed", ("Syria", "Russia"), 20)
    assert feed.options == {"revisit": True, "timeout": 5}
    assert (sitemap.name, sitemap.max_items) == ("https://example.org/news-sitemap.xml", 50)
    assert page.allow_private and not feed.allow_private
    assert bare.kind == "url"


@pytest.mark.parametrize("entry, message", [
    ('location = "https://x.org/"\nkind = "podcast"', "has kind 'podcast'"),
    ('location = "feeds/local.xml"\nkind = "feed"', r"is not an http\(s\) URL"),
    ('name = "nowhere"', "has no location"),
])
def test_bad_sources_are_refused_with_the_reason(tmp_path, entry, message):
    with pytest.raises(SourceError, match=message):
        load_sources(write(tmp_path / "sources.toml", f"[[source]]\n{entry}\n"))


def test_specs(tmp_path):
    assert guess_kind("https://x.org/feed") == "url"
    assert source_from_spec(str(tmp_path)).kind == "folder"
    assert source_from_spec("http://127.0.0.1:1/f.xml").allow_private is False
    with pytest.raises(SourceError):
        guess_kind(str(tmp_path / "missing.csv"))


def test_folder_reader_takes_front_matter_and_sidecars(tmp_path):
    write(tmp_path / "a.md", "---\ntitle: From front matter\npublished: 2025-10-15\n---\nBody of a.\n")
    write(tmp_path / "b.txt", "Body of b.\n")
    write(tmp_path / "b.json", json.dumps({"title": "From sidecar", "url": "https://x.org/b"}))
    write(tmp_path / "c.json", "[1, 2]")
    write(tmp_path / "c.txt", "Body of c.\n")
    result = fetch_source(Source(name="local", kind="folder", location=str(tmp_path)))
    by_uri = {d.uri: d for d in result.documents}
    assert by_uri["a.md"].metadata["title"] == "From front matter"
    assert by_uri["a.md"].metadata["published"] == "2025-10-15"
    assert by_uri["b.txt"].metadata["url"] == "https://x.org/b"
    assert [(e.uri, e.stage) for e in result.errors] == [("c.txt", "fetch")]


def test_jsonl_reader_keeps_good_lines(tmp_path):
    path = write(tmp_path / "a.jsonl", '{"id": "1", "text": "First article."}\nnot json\n{"id": "3"}\n')
    result = fetch_source(Source(name="j", kind="jsonl", location=str(path)))
    assert [d.metadata["id"] for d in result.documents] == ["1"]
    assert [e.uri for e in result.errors] == ["a.jsonl:2", "a.jsonl:3"]


def test_unknown_kind_is_an_error_row():
    result = fetch_source(Source(name="x", kind="ftp", location="ftp://x"))
    assert [e.reason for e in result.errors] == ["unsupported source kind 'ftp'"]


def test_existing_constructors_still_work():
    doc = RawDocument("s", "u", "text")
    assert (doc.content_type, doc.metadata) == ("text/plain", {}) and doc.fetched_at
    assert doc.content_hash == content_hash("text") == content_hash(b"text")
    error = FetchError("s", "u", "fetch", "why")
    assert error.at
    result = FetchResult()
    assert (result.documents, result.errors, result.skipped, result.fetches) == ([], [], 0, [])


def test_memory_state_remembers_only_successes():
    state = MemoryFetchState()
    assert isinstance(state, FetchState)
    state.remember([
        FetchAttempt("s", "http://x.org/a", "ok", "page", 200, '"e1"', None, "h1", final_url="http://x.org/a?utm_source=rss"),
        FetchAttempt("s", "http://x.org/r", "ok", "page", 200, None, None, "h2", final_url="http://X.org/moved#top"),
        FetchAttempt("s", "http://x.org/b", "error", "page", 500, '"e2"', None, None, reason="http 500"),
        FetchAttempt("s", "http://x.org/c", "skipped", "page", reason="robots.txt: disallowed"),
        FetchAttempt("s", "http://x.org/d", "not_modified", "page", 304, None, "Wed, 15 Oct 2025 08:00:00 GMT"),
    ])
    assert state.validators("http://x.org/a") == Validators('"e1"', None)
    assert state.validators("http://x.org/d") == Validators(None, "Wed, 15 Oct 2025 08:00:00 GMT")
    assert state.validators("http://x.org/b") is None
    assert state.seen_content("http://x.org/a", "h1") and not state.seen_content("http://x.org/a", "h9")
    assert state.known_entry("http://x.org/a") and state.known_entry("http://x.org/moved")
    assert not state.known_entry("http://x.org/b") and not state.known_entry("http://x.org/c")


def test_url_states_are_what_the_warehouse_upserts():
    rows = url_states([
        FetchAttempt("s", "http://x.org/a", "ok", "page", 200, '"e1"', None, "h1", final_url="http://x.org/a"),
        FetchAttempt("s", "http://x.org/r", "ok", "page", 200, None, None, "h2", final_url="http://X.org/moved?utm_medium=x"),
        FetchAttempt("s", "http://x.org/f", "not_modified", "feed", 304, '"f1"', None, None),
        FetchAttempt("s", "http://x.org/b", "error", "page", 500, reason="http 500"),
    ])
    assert rows == [
        UrlState("http://x.org/a", '"e1"', None, "h1", None),
        UrlState("http://x.org/r", None, None, "h2", "http://x.org/moved"),
        UrlState("http://x.org/f", '"f1"', None, None, None),
    ]
