"""Canonical URLs: one spelling per page, so state and article ids agree across runs."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters.

    courlan's non-strict mode is used on purpose: strict mode keeps only a
    short list of query parameters and would fold `news.php?story=1` and
    `news.php?story=2` into one URL (one article id for two articles).
    """
    if not url or not url.startswith(("http://", "https://", "HTTP://", "HTTPS://")):
        return url or None
    try:
        normalized = normalize_url(url.strip(), strict=False)
    except ValueError:
        normalized = url.strip()
    parts = urlsplit(normalized)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
