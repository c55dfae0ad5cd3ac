"""A single page as a source, and bare URLs that are sniffed into feed, sitemap or page."""
from __future__ import annotations

import pytest

from tasks.clean import clean_documents
from tasks.fetch import MemoryFetchState, fetch_source
from tasks.fetch.sources import Source, source_from_spec
from tasks.fetch.web import sniff_kind
from tests.httpserver import (  # noqa: F401
    BOILERPLATE_MARKERS,
    article_page,
    fast_fetcher,
    http_server,
    news_sitemap,
    rss_feed,
    story,
)


def page_source(server, path, kind="page"):
    return Source(name="pages", kind=kind, location=server.url(path), allow_private=True)


def run(source, state=None, **options):
    with fast_fetcher(**options) as fetcher:
        return fetch_source(source, state, fetcher)


def test_a_page_becomes_one_document_and_one_clean_article(http_server):
    http_server.route("/story.html", article_page("Sharaa meets Putin", story(1)), etag='"s1"')
    result = run(page_source(http_server, "/story.html"))
    [doc] = result.documents
    assert doc.uri == http_server.url("/story.html") and doc.content_type == "text/html"
    [attempt] = result.fetches
    assert (attempt.kind, attempt.status, attempt.http_status, attempt.etag) == ("page", "ok", 200, '"s1"')
    assert attempt.content_hash and attempt.size == len(doc.content.encode("utf-8"))
    [article] = clean_documents(result.documents).articles
    assert article.title == "Sharaa meets Putin" and article.source == "The Daily Example"
    assert not any(marker in article.text for marker in BOILERPLATE_MARKERS)


def test_a_windows_1252_page_declared_by_meta_charset(http_server):
    paragraphs = ["The minister’s “historic” visit to Erbil – a café stop included – ended on Tuesday with a signed accord.",
                  *story(2)]
    body = article_page("Déjà vu in Erbil", paragraphs, charset_meta="windows-1252").encode("cp1252")
    http_server.route("/legacy.html", body, content_type="text/html")  # no charset in the header
    [article] = clean_documents(run(page_source(http_server, "/legacy.html")).documents).articles
    assert "The minister’s “historic” visit to Erbil – a café stop included" in article.text
    assert article.title == "Déjà vu in Erbil"


def test_a_page_served_with_the_wrong_charset(http_server):
    # The header says UTF-8, the bytes are windows-1252: the bytes win.
    body = article_page("Naïve", ["A naïve “quote” here, in a story about Syria and Russia. " * 3, *story(3)],
                        charset_meta=None).encode("cp1252")
    http_server.route("/wrong.html", body, content_type="text/html; charset=utf-8")
    [doc] = run(page_source(http_server, "/wrong.html")).documents
    assert "A naïve “quote” here" in doc.content and "\ufffd" not in doc.content


def test_a_latin1_header_is_read_as_windows_1252(http_server):
    body = article_page("Quotes", ["He said “yes” – then left. " * 3, *story(4)], charset_meta=None).encode("cp1252")
    http_server.route("/latin1.html", body, content_type="text/html; charset=ISO-8859-1")
    [doc] = run(page_source(http_server, "/latin1.html")).documents
    assert "He said “yes” – then left." in doc.content


def test_plain_text_is_accepted_and_other_types_are_not_html(http_server):
    http_server.route("/note.txt", " ".join(story(5)), content_type="text/plain; charset=utf-8")
    [doc] = run(page_source(http_server, "/note.txt")).documents
    assert doc.content_type == "text/plain"
    http_server.route("/photo.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 100, content_type="image/jpeg")
    result = run(page_source(http_server, "/photo.jpg"))
    assert [(e.stage, e.reason) for e in result.errors] == [("fetch", "not html: content-type image/jpeg")]


def test_a_page_is_revalidated_each_run_and_kept_only_when_it_changed(http_server):
    http_server.route("/live.html", article_page("Live", story(1)))  # no validators: hashes decide
    state = MemoryFetchState()
    first = run(page_source(http_server, "/live.html"), state)
    state.remember(first.fetches)
    second = run(page_source(http_server, "/live.html"), state)
    assert second.documents == [] and second.fetches[0].status == "not_modified"
    state.remember(second.fetches)
    http_server.route("/live.html", article_page("Live, updated", story(1) + ["An update was added at noon."]))
    third = run(page_source(http_server, "/live.html"), state)
    assert len(third.documents) == 1 and third.fetches[0].status == "ok"
    assert len(http_server.hits("/live.html")) == 3


def test_a_304_page_is_not_a_document(http_server):
    http_server.route("/cached.html", article_page("Cached", story(6)), last_modified="Wed, 15 Oct 2025 08:00:00 GMT")
    state = MemoryFetchState()
    state.remember(run(page_source(http_server, "/cached.html"), state).fetches)
    second = run(page_source(http_server, "/cached.html"), state)
    assert second.documents == []
    assert (second.fetches[0].status, second.fetches[0].last_modified) == ("not_modified", "Wed, 15 Oct 2025 08:00:00 GMT")
    assert http_server.hits("/cached.html")[-1].headers["if-modified-since"] == "Wed, 15 Oct 2025 08:00:00 GMT"


def test_a_redirected_page_keeps_the_requested_uri_and_the_final_url(http_server):
    http_server.redirect("/short", "/news/long-story.html?utm_source=feed", status=301)
    http_server.route("/news/long-story.html", article_page("Long", story(7)))
    [doc] = run(page_source(http_server, "/short")).documents
    assert doc.uri == http_server.url("/short")
    assert doc.metadata["url"] == http_server.url("/news/long-story.html?utm_source=feed")
    [article] = clean_documents([doc]).articles
    assert article.url == http_server.url("/news/long-story.html")  # tracking parameters dropped


# --- bare URLs ----------------------------------------------------------------

def test_a_bare_url_spec_is_a_url_source():
    source = source_from_spec("http://127.0.0.1:8000/feed.xml", allow_private=True)
    assert (source.kind, source.location, source.allow_private) == ("url", "http://127.0.0.1:8000/feed.xml", True)


@pytest.mark.parametrize("body, mime, kind", [
    (b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0"><channel/></rss>', "text/xml", "feed"),
    (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', "application/xml", "feed"),
    (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "", "feed"),
    (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', "application/xml", "sitemap"),
    (b"<sitemapindex></sitemapindex>", "text/xml", "sitemap"),
    (b"<!DOCTYPE html><html><body>x</body></html>", "text/html", "page"),
    (b"<p>a fragment</p>", "text/html", "page"),
    (b"%PDF-1.4", "application/pdf", None),
])
def test_sniffing(body, mime, kind):
    assert sniff_kind(body, mime) == kind


def test_a_bare_url_to_a_feed_reads_the_feed_without_downloading_it_twice(http_server):
    http_server.route("/news/1.html", article_page("One", story(1)))
    http_server.route("/feed", rss_feed([{"title": "One", "link": http_server.url("/news/1.html")}]), content_type="text/xml")
    result = run(page_source(http_server, "/feed", kind="url"))
    assert len(result.documents) == 1 and len(http_server.hits("/feed")) == 1
    assert [(a.kind, a.status) for a in result.fetches] == [("feed", "ok"), ("page", "ok")]


def test_a_bare_url_to_a_sitemap(http_server):
    http_server.route("/news/2.html", article_page("Two", story(2)))
    http_server.route("/sitemap", news_sitemap([{"loc": http_server.url("/news/2.html"), "title": "Two", "date": "2025-10-15"}]),
                      content_type="application/xml")
    result = run(page_source(http_server, "/sitemap", kind="url"))
    assert [d.metadata["title"] for d in result.documents] == ["Two"]


def test_a_bare_url_to_a_page(http_server):
    http_server.route("/story", article_page("Three", story(3)))
    result = run(page_source(http_server, "/story", kind="url"))
    assert len(result.documents) == 1 and result.fetches[0].kind == "page"


def test_a_bare_url_to_something_else_is_an_error(http_server):
    http_server.route("/data.bin", b"\x00\x01\x02", content_type="application/octet-stream")
    result = run(page_source(http_server, "/data.bin", kind="url"))
    assert [(e.stage, e.reason) for e in result.errors] == [
        ("parse", "not html, a feed or a sitemap: content-type application/octet-stream")
    ]


def test_fetch_source_never_raises(http_server, monkeypatch):
    import tasks.fetch.web as web

    def explode(crawl):
        raise RuntimeError("bug in a reader")

    monkeypatch.setitem(web.READERS, "page", explode)
    result = fetch_source(page_source(http_server, "/x.html"))
    assert [(e.stage, e.reason) for e in result.errors] == [("fetch", "RuntimeError: bug in a reader")]


def test_source_options_override_a_shared_clients_settings(http_server):
    url = http_server.route("/slow.html", article_page("Slow", story(1)), delay=1.0)
    source = Source(name="s", kind="page", location=url, allow_private=True, options={"timeout": 0.2, "retries": 0})
    with fast_fetcher(read_timeout=5) as shared:
        result = fetch_source(source, None, shared)
    assert [e.reason for e in result.errors] == ["timeout: no data for 0.2s"]
