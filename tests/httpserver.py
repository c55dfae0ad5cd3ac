"""A real HTTP server on 127.0.0.1 for tests, and builders for what it serves.

    from tests.httpserver import http_server  # the fixture (noqa: F401)

    def test_something(http_server):
        http_server.route("/feed.xml", rss_feed([...]), content_type="application/rss+xml", etag='"v1"')
        url = http_server.url("/feed.xml")
        ...
        assert http_server.hits("/feed.xml")

Each route is a `Route` (or a function of the request returning one): body,
status, headers, validators (the server answers 304 to a matching
If-None-Match / If-Modified-Since), a delay before answering, a trickled body,
a redirect. Unknown paths are 404s. Every request is logged with its headers.
"""
from __future__ import annotations

import html
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import urlsplit

import pytest


@dataclass
class Route:
    body: bytes | str = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0          # seconds before the status line
    trickle: float = 0.0        # seconds between body chunks
    chunk_size: int = 256
    location: str | None = None  # a redirect target (status 302 unless given)
    send_length: bool = True

    def payload(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict
    at: float = field(default_factory=time.monotonic)


class LoopbackServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[Request], Route]] = {}
        self.requests: list[Request] = []
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        name="loopback-http", daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, body: bytes | str | Callable[[Request], Route] = b"", **options) -> str:
        """Serve `body` at `path` (or let a function of the request decide); returns the URL."""
        self.routes[path] = body if callable(body) else Route(body=body, **options)
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.route(path, location=location, status=status)

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def start(self) -> "LoopbackServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # wakes slow handlers
        self._server.shutdown()
        self._server.server_close()

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                server.requests.append(request)
                route = server.routes.get(self.path) or server.routes.get(urlsplit(self.path).path)
                if callable(route):
                    route = route(request)
                if route is None:
                    route = Route(body="<html><body><h1>Not found</h1></body></html>", status=404)
                try:
                    self._answer(route, request)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout or the size cap): expected

            def _answer(self, route: Route, request: Request) -> None:
                if route.delay and server._stop.wait(route.delay):
                    return
                if route.location:
                    self.send_response(route.status if route.status in (301, 302, 303, 307, 308) else 302)
                    self.send_header("Location", route.location)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if _matches(route, request):
                    self.send_response(304)
                    self._validators(route)
                    self.end_headers()
                    return
                body = route.payload()
                self.send_response(route.status)
                if route.content_type:
                    self.send_header("Content-Type", route.content_type)
                self._validators(route)
                if route.send_length:
                    self.send_header("Content-Length", str(len(body)))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if not route.trickle:
                    self.wfile.write(body)
                    return
                for start in range(0, len(body), route.chunk_size):
                    self.wfile.write(body[start : start + route.chunk_size])
                    self.wfile.flush()
                    if server._stop.wait(route.trickle):
                        return

            def _validators(self, route: Route) -> None:
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)

        return Handler


def _matches(route: Route, request: Request) -> bool:
    etag = request.headers.get("if-none-match")
    if route.etag and etag:
        return route.etag in [t.strip() for t in etag.split(",")]
    since = request.headers.get("if-modified-since")
    return bool(route.last_modified and since and since == route.last_modified)


@pytest.fixture
def http_server():
    server = LoopbackServer().start()
    try:
        yield server
    finally:
        server.stop()


# --- what the server serves ---------------------------------------------------

BOILERPLATE_MARKERS = (
    "Subscribe to our newsletter",
    "Advertisement: Buy cheap flights",
    "Reader comment: first!",
    "Copyright 2025 The Daily Example",
    "Home | World | Politics | Sport",
)


def http_date(when: datetime | None = None) -> str:
    return format_datetime(when or datetime(2025, 10, 15, 8, 0, tzinfo=timezone.utc), usegmt=True)


def article_page(title: str, paragraphs: list[str], *, published: str = "2025-10-15",
                 author: str = "Jane Reporter", charset_meta: str | None = "utf-8",
                 sitename: str = "The Daily Example") -> str:
    """A news page as sites serve it: the story inside navigation, ads, comments and a footer."""
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>{meta}
<title>{html.escape(title)} | {sitename}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{sitename}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}T09:00:00+00:00">
</head><body>
<header><nav class="menu"><a href="/">Home</a> | <a href="/world">World</a> | <a href="/politics">Politics</a> | <a href="/sport">Sport</a>
<p>{BOILERPLATE_MARKERS[4]}</p></nav></header>
<div class="newsletter-signup"><p>{BOILERPLATE_MARKERS[0]} and get the news every morning in your inbox.</p></div>
<main><article>
<h1>{html.escape(title)}</h1>
<p class="byline">By {author}, {published}</p>
{body}
</article></main>
<aside class="sidebar ad advertisement"><div class="ad-slot"><p>{BOILERPLATE_MARKERS[1]} to anywhere, today only!</p></div></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>{BOILERPLATE_MARKERS[2]} This is a reader comment that is not part of the story.</p></div>
</section>
<footer class="site-footer"><p>{BOILERPLATE_MARKERS[3]}. All rights reserved. Privacy policy. Terms of use.</p></footer>
</body></html>"""


STORY = [
    "Syrian President Ahmed al-Sharaa met Russian President Vladimir Putin in Moscow on Wednesday, "
    "the Kremlin said, in the first visit by the new Syrian leader to Russia.",
    "The two leaders discussed the future of Russian military bases in Syria, energy supplies and "
    "reconstruction, according to a statement published after the talks.",
    "Officials from both countries said further meetings between their foreign ministers were planned "
    "for the coming months, and that a working group would prepare a new economic agreement.",
]


def story(n: int) -> list[str]:
    """A distinct three-paragraph story per n, long enough for the cleaner and the language check."""
    topics = ["energy", "grain", "security", "trade", "health", "water", "railways", "ports", "schools"]
    topic = topics[n % len(topics)]
    return [
        f"Story number {n}: ministers from Turkey and Iraq signed an agreement on {topic} in Ankara "
        f"on Tuesday, officials said, after months of negotiations over the {topic} file.",
        f"The agreement on {topic} covers the next five years and will be reviewed every year by a "
        f"joint committee, according to a statement released by the foreign ministry.",
        f"Critics said the {topic} deal left many questions open, while supporters called story {n} "
        f"a turning point for relations between the two neighbours.",
    ]


def rss_feed(items: list[dict], *, title: str = "The Daily Example", version: str = "2.0") -> str:
    """RSS 2.0 (or 0.91/0.92 by `version`); each item: title, link, and optionally pubDate, guid, description."""
    parts = []
    for item in items:
        fields = [f"<title>{html.escape(item['title'])}</title>"]
        if item.get("link"):
            fields.append(f"<link>{html.escape(item['link'])}</link>")
        if item.get("guid"):
            fields.append(f"<guid>{html.escape(item['guid'])}</guid>")
        if item.get("pubDate"):
            fields.append(f"<pubDate>{item['pubDate']}</pubDate>")
        if item.get("description"):
            fields.append(f"<description>{html.escape(item['description'])}</description>")
        if item.get("content"):
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="{version}" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>{html.escape(title)}</title><link>http://example.org/</link><description>News</description>
{''.join(parts)}
</channel></rss>"""


def atom_feed(items: list[dict], *, title: str = "The Atom Example") -> str:
    entries = "".join(
        f"""<entry><title>{html.escape(i['title'])}</title><link rel="alternate" href="{html.escape(i['link'])}"/>
<id>{html.escape(i.get('guid') or i['link'])}</id><updated>{i.get('updated', '2025-10-15T09:00:00Z')}</updated>
<author><name>{html.escape(i.get('author', 'Atom Author'))}</name></author>
<summary>{html.escape(i.get('summary', 'A summary.'))}</summary></entry>"""
        for i in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{html.escape(title)}</title>
<id>urn:example:atom</id><updated>2025-10-15T09:00:00Z</updated>{entries}</feed>"""


def rdf_feed(items: list[dict], *, title: str = "The RDF Example") -> str:
    """RSS 1.0 (RDF)."""
    entries = "".join(
        f"""<item rdf:about="{html.escape(i['link'])}"><title>{html.escape(i['title'])}</title>
<link>{html.escape(i['link'])}</link><dc:date>{i.get('date', '2025-10-15T09:00:00Z')}</dc:date></item>"""
        for i in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.org/"><title>{html.escape(title)}</title><link>http://example.org/</link>
<description>News</description></channel>{entries}</rdf:RDF>"""


def news_sitemap(items: list[dict], *, publication: str = "The Daily Example") -> str:
    """A Google News sitemap; each item: loc, title, date, and optionally language."""
    urls = "".join(
        f"""<url><loc>{html.escape(i['loc'])}</loc><news:news><news:publication><news:name>{publication}</news:name>
<news:language>{i.get('language', 'en')}</news:language></news:publication>
<news:publication_date>{i['date']}</news:publication_date><news:title>{html.escape(i['title'])}</news:title>
</news:news></url>"""
        for i in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>"""


def sitemap_index(locs: list[tuple[str, str]]) -> str:
    """A sitemap index of (loc, lastmod) pairs."""
    maps = "".join(f"<sitemap><loc>{html.escape(loc)}</loc><lastmod>{lastmod}</lastmod></sitemap>" for loc, lastmod in locs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>"""


def wait_until(predicate: Callable[[], bool], timeout: float = 2.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


def fast_settings(**overrides):
    """Client settings for tests: short timeouts, one quick retry, no politeness delay."""
    from tasks.fetch.http import HttpSettings

    values = dict(connect_timeout=1.0, read_timeout=1.0, total_timeout=3.0, retries=1, backoff=0.01,
                  max_backoff=0.05, host_delay=0.0)
    values.update(overrides)
    return HttpSettings(**values)


def fast_fetcher(**overrides):
    from tasks.fetch.http import Fetcher

    fetcher_options = {k: overrides.pop(k) for k in ("resolver", "allowed_networks", "gate") if k in overrides}
    return Fetcher(fast_settings(**overrides), **fetcher_options)
