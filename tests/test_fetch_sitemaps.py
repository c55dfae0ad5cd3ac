"""News sitemaps: pages newest first, indexes followed, gzip, malformed XML, no XXE."""
from __future__ import annotations

import gzip

from tasks.fetch import MemoryFetchState, fetch_source
from tasks.fetch.sitemaps import DEFAULT_MAX_URLS, parse_sitemap
from tasks.fetch.sources import Source
from tests.httpserver import article_page, fast_fetcher, http_server, news_sitemap, sitemap_index, story  # noqa: F401


def sitemap_source(server, path="/sitemap.xml", max_items=None):
    return Source(name="map", kind="sitemap", location=server.url(path), allow_private=True, max_items=max_items)


def run(source, state=None):
    with fast_fetcher() as fetcher:
        return fetch_source(source, state, fetcher)


def serve(server, numbers):
    items = []
    for n in numbers:
        server.route(f"/news/{n}.html", article_page(f"Story {n}", story(n)))
        items.append({"loc": server.url(f"/news/{n}.html"), "title": f"Story {n}", "date": f"2025-10-{10 + n:02d}T08:00:00+00:00"})
    return items


def test_a_news_sitemap_lists_pages_with_their_metadata(http_server):
    http_server.route("/sitemap.xml", news_sitemap(serve(http_server, [1, 2])), content_type="application/xml")
    result = run(sitemap_source(http_server))
    assert result.errors == []
    assert [d.metadata["title"] for d in result.documents] == ["Story 2", "Story 1"]  # newest first
    doc = result.documents[0]
    assert doc.metadata["published"] == "2025-10-12T08:00:00+00:00"
    assert doc.metadata["source"] == "The Daily Example"
    assert doc.metadata["declared_language"] == "en"


def test_max_items_keeps_the_newest(http_server):
    http_server.route("/sitemap.xml", news_sitemap(serve(http_server, [1, 3, 2])), content_type="application/xml")
    result = run(sitemap_source(http_server, max_items=2))
    assert [d.metadata["title"] for d in result.documents] == ["Story 3", "Story 2"]
    assert not http_server.hits("/news/1.html")


def test_a_sitemap_index_is_followed_one_level(http_server):
    http_server.route("/a.xml", news_sitemap(serve(http_server, [1])), content_type="application/xml")
    http_server.route("/b.xml", news_sitemap(serve(http_server, [2])), content_type="application/xml")
    http_server.route("/sitemap.xml", sitemap_index([(http_server.url("/a.xml"), "2025-10-01"), (http_server.url("/b.xml"), "2025-10-02")]),
                      content_type="application/xml")
    result = run(sitemap_source(http_server))
    assert sorted(d.metadata["title"] for d in result.documents) == ["Story 1", "Story 2"]
    assert [(a.kind, a.status) for a in result.fetches][:3] == [("sitemap", "ok")] * 3


def test_an_index_inside_an_index_is_not_followed(http_server):
    http_server.route("/inner.xml", sitemap_index([(http_server.url("/deeper.xml"), "2025-10-01")]), content_type="application/xml")
    http_server.route("/sitemap.xml", sitemap_index([(http_server.url("/inner.xml"), "2025-10-01")]), content_type="application/xml")
    result = run(sitemap_source(http_server))
    assert [e.reason for e in result.errors] == ["malformed sitemap: an index inside an index"]
    assert not http_server.hits("/deeper.xml")


def test_a_gzipped_sitemap(http_server):
    body = gzip.compress(news_sitemap(serve(http_server, [4])).encode("utf-8"))
    http_server.route("/sitemap.xml.gz", body, content_type="application/x-gzip")
    result = run(sitemap_source(http_server, "/sitemap.xml.gz"))
    assert [d.metadata["title"] for d in result.documents] == ["Story 4"]


def test_a_malformed_sitemap_is_a_parse_error(http_server):
    http_server.route("/sitemap.xml", "<urlset><url><loc>http://x/</loc></url>", content_type="application/xml")
    [error] = run(sitemap_source(http_server)).errors
    assert error.stage == "parse" and error.reason.startswith("malformed sitemap: ")


def test_xml_that_is_not_a_sitemap(http_server):
    http_server.route("/sitemap.xml", '<?xml version="1.0"?><rss version="2.0"/>', content_type="application/xml")
    [error] = run(sitemap_source(http_server)).errors
    assert error.reason == "malformed sitemap: root element is <rss>, not <urlset> or <sitemapindex>"


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    body = f"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY leak SYSTEM "file://{secret}">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://example.org/&leak;</loc></url></urlset>""".encode()
    sitemap = parse_sitemap(body)
    assert all("TOP-SECRET" not in e.url for e in sitemap.entries)


def test_image_titles_are_not_taken_for_news_titles():
    body = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"
     xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
    <url><loc>http://example.org/a</loc><image:image><image:loc>http://example.org/a.jpg</image:loc><image:title>A photo</image:title></image:image>
    <news:news><news:title>The news title</news:title><news:publication_date>2025-10-15</news:publication_date></news:news></url>
    <url><loc>http://example.org/b</loc><lastmod>2025-10-14</lastmod></url></urlset>"""
    a, b = parse_sitemap(body).entries
    assert (a.url, a.metadata["title"], a.metadata["published"]) == ("http://example.org/a", "The news title", "2025-10-15")
    assert (b.url, b.metadata) == ("http://example.org/b", {"published": "2025-10-14"})


def test_a_big_plain_sitemap_is_capped(http_server):
    locs = "".join(f"<url><loc>{http_server.url(f'/p/{i}.html')}</loc></url>" for i in range(DEFAULT_MAX_URLS + 50))
    http_server.route("/sitemap.xml", f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
                      content_type="application/xml")
    result = run(sitemap_source(http_server))
    assert result.fetches[0].reason == f"{DEFAULT_MAX_URLS + 50} URLs, the newest {DEFAULT_MAX_URLS} kept"
    assert len([a for a in result.fetches if a.kind == "page"]) == DEFAULT_MAX_URLS


def test_known_pages_are_not_fetched_again(http_server):
    items = serve(http_server, [1])
    http_server.route("/sitemap.xml", news_sitemap(items), content_type="application/xml")
    state = MemoryFetchState()
    state.remember(run(sitemap_source(http_server), state).fetches)
    http_server.route("/sitemap.xml", news_sitemap(items + serve(http_server, [2])), content_type="application/xml")
    second = run(sitemap_source(http_server), state)
    assert [d.metadata["title"] for d in second.documents] == ["Story 2"]
    assert len(http_server.hits("/news/1.html")) == 1
