"""Web sources: a feed, a page, a sitemap, or a bare URL that says which it is.

A bare URL (`--source https://...`, kind "url") is fetched once and its body
sniffed: an <rss>, <rdf:RDF> or <feed> root is a feed, <urlset> or
<sitemapindex> a sitemap, HTML a page. The response is then handed to that
reader, so nothing is downloaded twice.
"""
from __future__ import annotations

import re

from tasks.fetch.crawl import Crawl, looks_like_html
from tasks.fetch.documents import FetchResult
from tasks.fetch.feeds import read_feed
from tasks.fetch.http import ACCEPT_ANY, Fetcher, FetchFailed, HttpSettings, gunzip_capped
from tasks.fetch.pages import read_page
from tasks.fetch.sitemaps import read_sitemap
from tasks.fetch.sources import Source
from tasks.fetch.state import FetchState

WEB_KINDS = {"feed", "page", "sitemap", "url"}

_PROLOG = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", re.S | re.I)
_FIRST_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)")
FEED_ROOTS = {"rss", "rdf", "feed", "channel"}
SITEMAP_ROOTS = {"urlset", "sitemapindex"}


def sniff_kind(body: bytes, mime: str = "") -> str | None:
    """feed | sitemap | page, from the root element (and the content type when that is all there is)."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip_capped(body, 5_000_000)
        except FetchFailed:
            return None
    head = body[:8192]
    for bom in (b"\xef\xbb\xbf",):
        head = head.removeprefix(bom)
    match = _FIRST_TAG.search(_PROLOG.sub(b"", head))
    if match:
        root = match.group(1).decode("ascii", "ignore").split(":")[-1].lower()
        if root in FEED_ROOTS:
            return "feed"
        if root in SITEMAP_ROOTS:
            return "sitemap"
        if root in {"html", "head", "body"}:
            return "page"
    if mime in {"text/html", "application/xhtml+xml", "text/plain"} or looks_like_html(body):
        return "page"
    return None


def read_url(crawl: Crawl) -> None:
    response = crawl.get(crawl.source.location, "url", ACCEPT_ANY)
    if response is None:
        return
    kind = sniff_kind(response.body, response.mime)
    if kind == "feed":
        read_feed(crawl, response)
    elif kind == "sitemap":
        read_sitemap(crawl, response)
    elif kind == "page":
        read_page(crawl, response)
    else:
        crawl.fail(response.url, "url", "parse",
                   f"not html, a feed or a sitemap: content-type {response.mime or '(none)'}", response=response)


READERS = {"feed": read_feed, "page": read_page, "sitemap": read_sitemap, "url": read_url}


def read_web(source: Source, state: FetchState | None = None, fetcher: Fetcher | None = None) -> FetchResult:
    """One web source, with the caller's client (shared politeness) or one of its own.

    A source whose options change the client's settings gets a client of its
    own that still waits its turn at the shared per-host gate.
    """
    own = fetcher is None or _overrides_settings(source)
    if fetcher is None:
        fetcher = Fetcher(HttpSettings.from_options(source.options, HttpSettings.from_env()))
    elif own:
        fetcher = Fetcher(HttpSettings.from_options(source.options, fetcher.settings), resolver=fetcher.resolver,
                          allowed_networks=fetcher.allowed_networks, gate=fetcher.gate)
    try:
        crawl = Crawl(source, state, fetcher)
        READERS[source.kind](crawl)
        return crawl.result
    finally:
        if own:
            fetcher.close()


def _overrides_settings(source: Source) -> bool:
    return HttpSettings.from_options(source.options) != HttpSettings()
