"""News sitemaps (and plain XML sitemaps) as lists of pages to fetch.

A sitemap index is followed one level down, newest child sitemaps first. The
URLs are taken newest first (news:publication_date, else lastmod) and capped
at the source's max_items, else at DEFAULT_MAX_URLS: a site's full sitemap
can list fifty thousand pages, and a news warehouse wants the recent ones.
Parsed with lxml, with entities, DTDs and network access turned off.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from tasks.fetch.crawl import Crawl, Entry, fetch_entries
from tasks.fetch.http import ACCEPT_XML, FetchFailed, HttpResponse, gunzip_capped

DEFAULT_MAX_URLS = 200
MAX_CHILD_SITEMAPS = 10


class MalformedSitemap(ValueError):
    pass


@dataclass
class Sitemap:
    kind: str                                           # urlset | sitemapindex
    entries: list[Entry] = field(default_factory=list)  # pages, or child sitemaps for an index


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def _local(element) -> str:
    return etree.QName(element).localname.lower() if isinstance(element.tag, str) else ""


def _child_text(element, name: str) -> str | None:
    """Text of the first descendant called `name`, whatever its namespace."""
    for child in element.iter():
        if _local(child) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_sitemap(body: bytes, max_bytes: int = 5_000_000) -> Sitemap:
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip_capped(body, max_bytes)
        except FetchFailed as exc:
            raise MalformedSitemap(exc.reason) from exc
    try:
        root = etree.fromstring(body, _parser())
    except etree.XMLSyntaxError as exc:
        raise MalformedSitemap(str(exc)) from exc
    kind = _local(root)
    if kind not in {"urlset", "sitemapindex"}:
        raise MalformedSitemap(f"root element is <{kind}>, not <urlset> or <sitemapindex>")
    item_name = "url" if kind == "urlset" else "sitemap"
    sitemap = Sitemap(kind)
    for item in root:
        if _local(item) != item_name:
            continue
        direct = {_local(child): (child.text or "").strip() for child in item}
        loc = direct.get("loc")
        if not loc:
            continue
        news = next((child for child in item if _local(child) == "news"), None)
        metadata = {"published": direct.get("lastmod")}
        if news is not None:  # the Google News extension: <news:news> inside <url>
            metadata.update({
                "title": _child_text(news, "title"),
                "published": _child_text(news, "publication_date") or direct.get("lastmod"),
                "source": _child_text(news, "name"),
                "declared_language": _child_text(news, "language"),
            })
        sitemap.entries.append(Entry(url=loc, metadata={k: v for k, v in metadata.items() if v}))
    return sitemap


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Dated entries newest first (ISO dates sort as text), undated ones after, in listed order."""
    dated = [e for e in entries if e.metadata.get("published")]
    undated = [e for e in entries if not e.metadata.get("published")]
    return sorted(dated, key=lambda e: e.metadata["published"], reverse=True) + undated


def read_sitemap(crawl: Crawl, response: HttpResponse | None = None) -> None:
    source = crawl.source
    if response is None:
        response = crawl.get(source.location, "sitemap", ACCEPT_XML)
        if response is None:
            return
    pages = _pages_of(crawl, response, depth=0)
    if pages is None:
        return
    limit = source.max_items or DEFAULT_MAX_URLS
    pages = newest_first(pages)
    fetch_entries(crawl, pages[:limit])


def _pages_of(crawl: Crawl, response: HttpResponse, depth: int) -> list[Entry] | None:
    """The page entries of a sitemap (following an index one level), logging each sitemap fetched."""
    try:
        sitemap = parse_sitemap(response.body, crawl.fetcher.settings.max_bytes)
    except MalformedSitemap as exc:
        crawl.fail(response.url, "sitemap", "parse", f"malformed sitemap: {exc}", response=response)
        return None
    if sitemap.kind == "urlset":
        limit = crawl.source.max_items or DEFAULT_MAX_URLS
        note = f"{len(sitemap.entries)} URLs, the newest {limit} kept" if len(sitemap.entries) > limit else None
        crawl.ok(response, "sitemap", reason=note)
        return sitemap.entries
    if depth >= 1:
        crawl.fail(response.url, "sitemap", "parse", "malformed sitemap: an index inside an index")
        return None
    crawl.ok(response, "sitemap")
    pages: list[Entry] = []
    for child in newest_first(sitemap.entries)[:MAX_CHILD_SITEMAPS]:
        child_response = crawl.get(child.url, "sitemap", ACCEPT_XML)
        if child_response is not None:
            pages.extend(_pages_of(crawl, child_response, depth + 1) or [])
    return pages
