"""Feeds from a real loopback server: every RSS flavour and Atom, entry pages
fetched and cleaned, broken entries as error rows, and the incremental
behaviour across runs (a 304 parses nothing, a known entry is not fetched)."""
from __future__ import annotations

import pytest

import tasks.fetch.feeds as feeds
from tasks.clean import clean_documents
from tasks.fetch import MemoryFetchState, fetch_source
from tasks.fetch.sources import Source
from tests.httpserver import (  # noqa: F401
    BOILERPLATE_MARKERS,
    article_page,
    atom_feed,
    fast_fetcher,
    http_server,
    rdf_feed,
    rss_feed,
    story,
)

PUBDATE = "Wed, 15 Oct 2025 09:00:00 GMT"


def serve_story_pages(server, numbers):
    for n in numbers:
        server.route(f"/news/{n}.html", article_page(f"Headline {n}", story(n)), etag=f'"page-{n}"')


def rss_items(server, numbers):
    return [{"title": f"Headline {n}", "link": server.url(f"/news/{n}.html"), "pubDate": PUBDATE,
             "guid": f"urn:story:{n}", "description": f"Teaser {n}"} for n in numbers]


def feed_source(server, path="/feed.xml", **options):
    kind = options.pop("kind", "feed")
    max_items = options.pop("max_items", None)
    return Source(name="daily", kind=kind, location=server.url(path), allow_private=True,
                  max_items=max_items, options=options)


def run(source, state=None, **fetcher_options):
    with fast_fetcher(**fetcher_options) as fetcher:
        return fetch_source(source, state, fetcher)


def test_rss2_entries_become_pages_with_the_feed_metadata(http_server):
    serve_story_pages(http_server, [1, 2])
    http_server.route("/feed.xml", rss_feed(rss_items(http_server, [1, 2])), content_type="application/rss+xml")
    result = run(feed_source(http_server))
    assert result.errors == []
    assert [d.uri for d in result.documents] == [http_server.url("/news/1.html"), http_server.url("/news/2.html")]
    doc = result.documents[0]
    assert doc.content_type == "text/html" and "<article>" in doc.content
    assert doc.metadata["title"] == "Headline 1"
    assert doc.metadata["published"] == "2025-10-15T09:00:00+00:00"
    assert doc.metadata["guid"] == "urn:story:1"
    assert doc.metadata["url"] == http_server.url("/news/1.html")
    assert doc.metadata["feed_title"] == "The Daily Example"
    assert [(a.kind, a.status) for a in result.fetches] == [("feed", "ok"), ("page", "ok"), ("page", "ok")]


def test_cleaned_entries_lose_their_boilerplate(http_server):
    serve_story_pages(http_server, [1])
    http_server.route("/feed.xml", rss_feed(rss_items(http_server, [1])), content_type="application/rss+xml")
    [article] = clean_documents(run(feed_source(http_server)).documents).articles
    assert "ministers from Turkey and Iraq signed an agreement on grain" in article.text
    for marker in BOILERPLATE_MARKERS:
        assert marker not in article.text
    assert article.title == "Headline 1"
    assert article.published == "2025-10-15"
    assert article.author == "Jane Reporter"
    assert article.source == "The Daily Example"
    assert article.url == http_server.url("/news/1.html")


@pytest.mark.parametrize("version", ["0.91", "0.92", "2.0"])
def test_rss_versions(http_server, version):
    serve_story_pages(http_server, [3])
    items = [{"title": "Headline 3", "link": http_server.url("/news/3.html")}]
    http_server.route("/feed.xml", rss_feed(items, version=version), content_type="text/xml")
    result = run(feed_source(http_server))
    assert result.errors == [] and len(result.documents) == 1


def test_rss1_rdf(http_server):
    serve_story_pages(http_server, [4])
    http_server.route("/feed.rdf", rdf_feed([{"title": "Headline 4", "link": http_server.url("/news/4.html")}]),
                      content_type="application/rdf+xml")
    result = run(feed_source(http_server, "/feed.rdf"))
    assert result.errors == []
    [doc] = result.documents
    assert doc.metadata["title"] == "Headline 4" and doc.metadata["published"] == "2025-10-15T09:00:00+00:00"


def test_atom(http_server):
    serve_story_pages(http_server, [5])
    http_server.route("/atom.xml", atom_feed([{"title": "Headline 5", "link": http_server.url("/news/5.html"),
                                               "author": "Ann Atom"}]), content_type="application/atom+xml")
    result = run(feed_source(http_server, "/atom.xml"))
    [doc] = result.documents
    assert doc.metadata["author"] == "Ann Atom" and doc.metadata["feed_title"] == "The Atom Example"


def test_relative_links_resolve_against_the_feed(http_server):
    serve_story_pages(http_server, [6])
    http_server.route("/feed.xml", rss_feed([{"title": "Six", "link": "/news/6.html"}]), content_type="application/rss+xml")
    [doc] = run(feed_source(http_server)).documents
    assert doc.uri == http_server.url("/news/6.html")


def test_broken_entries_are_error_rows_and_the_rest_is_kept(http_server):
    serve_story_pages(http_server, [1, 2])
    http_server.route("/news/broken.html", "oops", status=500)
    http_server.route("/news/slow.html", article_page("Slow", story(9)), delay=3)
    http_server.route("/news/report.pdf", b"%PDF-1.4", content_type="application/pdf")
    http_server.route("/news/empty.html", b"", content_type="text/html")
    items = rss_items(http_server, [1]) + [
        {"title": "Broken", "link": http_server.url("/news/broken.html")},
        {"title": "Gone", "link": http_server.url("/news/gone.html")},
        {"title": "Slow", "link": http_server.url("/news/slow.html")},
        {"title": "A PDF", "link": http_server.url("/news/report.pdf")},
        {"title": "Empty", "link": http_server.url("/news/empty.html")},
    ] + rss_items(http_server, [2])
    http_server.route("/feed.xml", rss_feed(items), content_type="application/rss+xml")
    result = run(feed_source(http_server), read_timeout=0.2, retries=1)
    assert [d.uri.rsplit("/", 1)[1] for d in result.documents] == ["1.html", "2.html"]
    reasons = {e.uri.rsplit("/", 1)[1]: (e.stage, e.reason) for e in result.errors}
    assert reasons == {
        "broken.html": ("fetch", "http 500 Internal Server Error (after 2 attempts)"),
        "gone.html": ("fetch", "http 404 Not Found"),
        "slow.html": ("fetch", "timeout: no data for 0.2s (after 2 attempts)"),
        "report.pdf": ("fetch", "not html: content-type application/pdf"),
        "empty.html": ("fetch", "empty body"),
    }
    assert all(e.source == "daily" and e.at for e in result.errors)
    statuses = {a.url.rsplit("/", 1)[1]: (a.status, a.http_status) for a in result.fetches}
    assert statuses["broken.html"] == ("error", 500) and statuses["gone.html"] == ("error", 404)


def test_an_entry_disallowed_by_robots_txt_is_skipped_not_fetched(http_server):
    http_server.route("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    serve_story_pages(http_server, [1])
    http_server.route("/private/7.html", article_page("Private", story(7)))
    items = rss_items(http_server, [1]) + [{"title": "Private", "link": http_server.url("/private/7.html")}]
    http_server.route("/feed.xml", rss_feed(items), content_type="application/rss+xml")
    result = run(feed_source(http_server))
    assert len(result.documents) == 1 and result.errors == [] and result.skipped == 1
    skipped = [a for a in result.fetches if a.status == "skipped"]
    assert [(a.url, a.reason) for a in skipped] == [(http_server.url("/private/7.html"), "robots.txt: disallowed for newsevents")]
    assert not http_server.hits("/private/7.html")


def test_a_feed_disallowed_by_robots_txt_is_an_error(http_server):
    http_server.route("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    http_server.route("/feed.xml", rss_feed([]), content_type="application/rss+xml")
    result = run(feed_source(http_server))
    assert [(e.stage, e.reason) for e in result.errors] == [("fetch", "robots.txt: disallowed for newsevents")]


@pytest.mark.parametrize("body, content_type", [
    (b"<html><body><p>This is a web page, not a feed.</p></body></html>", "text/html"),
    (b"this is not xml at all, just words", "application/rss+xml"),
    (b'<?xml version="1.0"?><catalog><book>XML, but no feed</book></catalog>', "application/xml"),
])
def test_a_malformed_feed_is_one_parse_error(http_server, body, content_type):
    http_server.route("/feed.xml", body, content_type=content_type)
    result = run(feed_source(http_server))
    [error] = result.errors
    assert error.stage == "parse" and error.reason.startswith("malformed feed: ")
    assert [(a.kind, a.status) for a in result.fetches] == [("feed", "error")]


def test_a_feed_with_an_xml_error_but_entries_is_used(http_server):
    serve_story_pages(http_server, [1])
    body = rss_feed(rss_items(http_server, [1])).replace("</channel>", "<bad>&undefined;</bad></channel>")
    http_server.route("/feed.xml", body, content_type="application/rss+xml")
    result = run(feed_source(http_server))
    assert len(result.documents) == 1 and result.errors == []
    assert result.fetches[0].status == "ok" and result.fetches[0].reason.startswith("parsed leniently")


def test_an_empty_body_is_an_error_and_an_empty_feed_is_not(http_server):
    http_server.route("/empty.xml", b"", content_type="application/rss+xml")
    assert [e.reason for e in run(feed_source(http_server, "/empty.xml")).errors] == ["empty body"]
    http_server.route("/none.xml", rss_feed([]), content_type="application/rss+xml")
    result = run(feed_source(http_server, "/none.xml"))
    assert result.errors == [] and result.documents == [] and result.fetches[0].status == "ok"


def test_a_windows_1252_feed_is_decoded(http_server):
    serve_story_pages(http_server, [1])
    body = rss_feed([{"title": "Café “news”", "link": http_server.url("/news/1.html")}])
    body = body.replace('encoding="utf-8"', 'encoding="windows-1252"').encode("cp1252")
    http_server.route("/feed.xml", body, content_type="application/rss+xml")
    [doc] = run(feed_source(http_server)).documents
    assert doc.metadata["title"] == "Café “news”"


def test_max_items_caps_the_entries(http_server):
    serve_story_pages(http_server, [1, 2, 3])
    http_server.route("/feed.xml", rss_feed(rss_items(http_server, [1, 2, 3])), content_type="application/rss+xml")
    result = run(feed_source(http_server, max_items=2))
    assert len(result.documents) == 2 and not http_server.hits("/news/3.html")


def test_feed_content_option_uses_the_entries_own_text(http_server):
    items = [{"title": "Full", "link": http_server.url("/news/never.html"), "content": "<p>" + " ".join(story(8)) + "</p>"}]
    http_server.route("/feed.xml", rss_feed(items), content_type="application/rss+xml")
    result = run(feed_source(http_server, feed_content=True))
    [doc] = result.documents
    assert "signed an agreement on schools" in doc.content
    assert not http_server.hits("/news/never.html")
    [article] = clean_documents(result.documents).articles
    assert article.url == http_server.url("/news/never.html") and article.title == "Full"


def test_an_entry_without_a_link_is_an_error_unless_its_content_is_used(http_server):
    items = [{"title": "No link", "description": " ".join(story(2))}]
    http_server.route("/feed.xml", rss_feed(items), content_type="application/rss+xml")
    assert [e.reason for e in run(feed_source(http_server)).errors] == ["entry has no link"]
    result = run(feed_source(http_server, feed_content=True))
    assert result.errors == [] and len(result.documents) == 1


# --- across runs ------------------------------------------------------------

def test_a_304_feed_costs_no_parsing(http_server, monkeypatch):
    serve_story_pages(http_server, [1])
    http_server.route("/feed.xml", rss_feed(rss_items(http_server, [1])), content_type="application/rss+xml", etag='"feed-1"')
    state = MemoryFetchState()
    first = run(feed_source(http_server), state)
    state.remember(first.fetches)
    monkeypatch.setattr(feeds, "parse_feed", lambda response: pytest.fail("a 304 must not be parsed"))
    second = run(feed_source(http_server), state)
    assert second.documents == [] and second.errors == []
    [attempt] = second.fetches
    assert (attempt.status, attempt.http_status, attempt.etag) == ("not_modified", 304, '"feed-1"')
    assert http_server.hits("/feed.xml")[-1].headers["if-none-match"] == '"feed-1"'


def test_an_unchanged_feed_without_validators_is_not_parsed_either(http_server, monkeypatch):
    serve_story_pages(http_server, [1])
    http_server.route("/feed.xml", rss_feed(rss_items(http_server, [1])), content_type="application/rss+xml")
    state = MemoryFetchState()
    state.remember(run(feed_source(http_server), state).fetches)
    monkeypatch.setattr(feeds, "parse_feed", lambda response: pytest.fail("same bytes must not be parsed"))
    [attempt] = run(feed_source(http_server), state).fetches
    assert (attempt.status, attempt.http_status, attempt.reason) == ("not_modified", 200, "content unchanged since the last fetch")


def test_one_more_item_fetches_exactly_one_page(http_server):
    serve_story_pages(http_server, [1, 2, 3])
    http_server.route("/news/broken.html", "oops", status=500)
    items = rss_items(http_server, [1, 2]) + [{"title": "Broken", "link": http_server.url("/news/broken.html")}]
    http_server.route("/feed.xml", rss_feed(items), content_type="application/rss+xml", etag='"v1"')
    state = MemoryFetchState()
    first = run(feed_source(http_server), state)
    assert len(first.documents) == 2 and len(first.errors) == 1
    state.remember(first.fetches)

    http_server.route("/feed.xml", rss_feed(rss_items(http_server, [3]) + items), content_type="application/rss+xml", etag='"v2"')
    second = run(feed_source(http_server), state)
    assert [d.uri for d in second.documents] == [http_server.url("/news/3.html")]
    assert (second.unchanged, second.skipped) == (2, 0)   # 1 and 2 are known: not requested at all
    assert len(http_server.hits("/news/1.html")) == 1
    assert [e.uri for e in second.errors] == [http_server.url("/news/broken.html")]  # a failed entry is tried again


def test_revisit_sends_conditional_gets_for_known_entries(http_server):
    serve_story_pages(http_server, [1])
    http_server.route("/feed.xml", rss_feed(rss_items(http_server, [1])), content_type="application/rss+xml", etag='"v1"')
    state = MemoryFetchState()
    state.remember(run(feed_source(http_server, revisit=True), state).fetches)
    http_server.route("/feed.xml", rss_feed(rss_items(http_server, [1])) + " ", content_type="application/rss+xml", etag='"v2"')
    second = run(feed_source(http_server, revisit=True), state)
    assert second.documents == []
    assert [(a.kind, a.status) for a in second.fetches] == [("feed", "ok"), ("page", "not_modified")]
    assert http_server.hits("/news/1.html")[-1].headers["if-none-match"] == '"page-1"'


def test_the_flow_can_share_one_fetcher_across_sources(http_server):
    serve_story_pages(http_server, [1, 2])
    http_server.route("/a.xml", rss_feed(rss_items(http_server, [1])), content_type="application/rss+xml")
    http_server.route("/b.xml", rss_feed(rss_items(http_server, [2])), content_type="application/rss+xml")
    with fast_fetcher() as fetcher:
        results = [fetch_source(feed_source(http_server, path), None, fetcher) for path in ("/a.xml", "/b.xml")]
    assert [len(r.documents) for r in results] == [1, 1]
    assert len(http_server.hits("/robots.txt")) == 1
