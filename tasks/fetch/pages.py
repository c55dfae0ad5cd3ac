"""A single web page as a source: revalidated every run, kept when it changed.

Unlike a feed's entries (fetched once), a page named as a source is a thing
to watch: each run sends a conditional GET, and only a body that differs from
the last one becomes a document.
"""
from __future__ import annotations

from tasks.fetch.crawl import Crawl, page_document
from tasks.fetch.http import ACCEPT_HTML, HttpResponse


def read_page(crawl: Crawl, response: HttpResponse | None = None) -> None:
    if response is None:
        response = crawl.get(crawl.source.location, "page", ACCEPT_HTML)
        if response is None:
            return
    document = page_document(crawl, response)
    if document is not None:
        crawl.result.documents.append(document)
