"""RSS 0.9x, 1.0 (RDF), 2.0 and Atom feeds, read with feedparser.

A feed is a list of links: each entry's page is fetched and cleaned, because
feeds mostly carry a teaser, and events extracted from a teaser are the
wrong events. An entry whose page fails is an error row, not a fallback to
the teaser. The exception is a source with `feed_content = true`: then each
entry's own content is the article and no page is requested (full-text
feeds, or sites whose pages we may not fetch).

A feed that has not changed (a 304, or the same bytes as last time) costs no
parsing. A feed that cannot be parsed at all is one error row; one that
parses with complaints (feedparser's "bozo") is used, and the complaint kept
in the fetch log.
"""
from __future__ import annotations

import calendar
import io
from datetime import datetime, timezone

import feedparser

from tasks.fetch.crawl import Crawl, Entry, fetch_entries
from tasks.fetch.http import ACCEPT_FEED, HttpResponse


def read_feed(crawl: Crawl, response: HttpResponse | None = None) -> None:
    """Fetch (unless the caller already did), parse, and fetch the entries' pages."""
    source = crawl.source
    if response is None:
        response = crawl.get(source.location, "feed", ACCEPT_FEED)
        if response is None:
            return
    parsed = parse_feed(response)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception") or "not RSS or Atom"
        crawl.fail(response.url, "feed", "parse", f"malformed feed: {_short(problem)}", response=response)
        return
    note = f"parsed leniently: {_short(parsed.get('bozo_exception'))}" if parsed.bozo else None
    crawl.ok(response, "feed", reason=note)
    entries = [entry_from(item, parsed.feed, response.final_url, i) for i, item in enumerate(parsed.entries)]
    if source.max_items:
        entries = entries[: source.max_items]
    fetch_entries(crawl, entries, use_listing_content=bool(source.options.get("feed_content", False)))


def parse_feed(response: HttpResponse) -> feedparser.FeedParserDict:
    # Bytes in a BytesIO: feedparser would treat a bare string as a URL or a
    # file name and go and read it. The headers give it the declared charset
    # and the base for relative links.
    return feedparser.parse(
        io.BytesIO(response.body),
        response_headers={
            "content-type": response.headers.get("content-type", "application/xml"),
            "content-location": response.final_url,
        },
    )


def entry_from(item: feedparser.FeedParserDict, feed: feedparser.FeedParserDict, feed_url: str, index: int) -> Entry:
    link = item.get("link") or next(
        (l.get("href") for l in item.get("links", []) if l.get("rel", "alternate") == "alternate" and l.get("href")),
        None,
    )
    guid = item.get("id")
    metadata = {
        "title": item.get("title"),
        "published": _iso(item.get("published_parsed") or item.get("updated_parsed")),
        "author": item.get("author"),
        "guid": guid,
        "entry_url": link,
        "feed_url": feed_url,
        "feed_title": feed.get("title") or None,
    }
    content = None
    if item.get("content"):
        content = "\n".join(part.get("value", "") for part in item["content"])
    elif item.get("summary"):
        content = item["summary"]
    metadata = {k: v for k, v in metadata.items() if v}
    if link:
        return Entry(url=link.strip(), metadata=metadata, content=content)
    name = guid if guid and guid.startswith(("http://", "https://")) else f"{feed_url}#entry-{index + 1}"
    return Entry(url=name.strip(), metadata=metadata, content=content, has_page=False)


def _iso(parsed_time) -> str | None:
    """feedparser's UTC struct_time as an ISO timestamp."""
    if not parsed_time:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed_time), tz=timezone.utc).isoformat(timespec="seconds")
    except (OverflowError, ValueError, TypeError):
        return None


def _short(problem: object, limit: int = 200) -> str:
    text = str(problem).strip() or type(problem).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
