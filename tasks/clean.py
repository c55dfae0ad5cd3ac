"""The clean step: raw documents become `Article`s with plain, normalised text.

HTML goes through trafilatura (main text only: no navigation, comments or
footers); plain text is only normalised. Identity is decided here, once:
`article_id` from the given id, else the canonical URL, else the place the
file came from, else the text's hash, so re-running gives the same ids.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import py3langid
import trafilatura
from courlan import normalize_url

from tasks.fetch.documents import RawDocument

MIN_TEXT_CHARS = 40
LANGUAGE_MIN_CHARS = 200


@dataclass(frozen=True)
class Article:
    article_id: str
    text: str
    content_hash: str
    source: str
    uri: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    language: str | None = None
    metadata: dict = field(default_factory=dict, hash=False, compare=False)

    def as_record(self) -> dict:
        """The contract's input shape (what `newsevents extract` reads)."""
        return {
            "id": self.article_id,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "text": self.text,
        }


class ArticleSkipped(Exception):
    """An article that is recorded as skipped (empty, not English, off topic), not an error."""

    def __init__(self, reason: str, uri: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.uri = uri


def stable_hash(value: str, length: int = 16) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:length]


def canonical_url(url: str | None) -> str | None:
    """Lower-case host, no fragment, no tracking parameters (utm_*, fbclid, ...)."""
    if not url or not url.startswith(("http://", "https://")):
        return url or None
    try:
        return normalize_url(url, strict=True)
    except ValueError:
        return url


_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def normalize_text(text: str) -> str:
    """NFC, one space between words, one newline between paragraphs.

    Typographic quotes and dashes are kept: they are part of the text the
    evidence sentences quote back to the reader.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "").replace("\ufeff", "")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_LINES.sub("\n", text)
    return text.strip()


def html_to_text(html: str, url: str | None = None) -> tuple[str, dict]:
    """Main text and metadata of a web page; empty text when trafilatura finds none."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        with_metadata=True,
    )
    if doc is None:
        return "", {}
    meta = {
        "title": doc.title,
        "published": doc.date,
        "author": doc.author,
        "url": doc.url,
    }
    return doc.text or "", {k: v for k, v in meta.items() if v}


def detect_language(text: str) -> str | None:
    """Too short a text gives no reliable answer; then we do not guess."""
    if len(text) < LANGUAGE_MIN_CHARS:
        return None
    language, _score = py3langid.classify(text[:5000])
    return language


def mentions_topic(text: str, topics: tuple[str, ...]) -> bool:
    if not topics:
        return True
    return any(re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text, re.IGNORECASE) for t in topics)


def clean_document(doc: RawDocument, topics: tuple[str, ...] = ()) -> Article:
    """Raise ArticleSkipped with the reason when the document is not an article we keep."""
    meta = dict(doc.metadata)
    if doc.content_type == "text/html":
        text, page_meta = html_to_text(doc.content, meta.get("url") or doc.uri)
        for key, value in page_meta.items():
            meta.setdefault(key, value)
    else:
        text = doc.content
    text = normalize_text(text)
    if len(text) < MIN_TEXT_CHARS:
        raise ArticleSkipped("empty body: no main text found", doc.uri)
    language = meta.get("language") or detect_language(text)
    if language and not language.lower().startswith("en"):
        raise ArticleSkipped(f"not English (detected {language})", doc.uri)
    title = normalize_text(meta["title"]) if meta.get("title") else None
    if not mentions_topic(f"{title or ''}\n{text}", topics):
        raise ArticleSkipped(f"off topic: mentions none of {', '.join(topics)}", doc.uri)
    url = canonical_url(meta.get("url"))
    content_hash = stable_hash(text, 32)
    identity = meta.get("id") or url or meta.get("location_key")
    article_id = str(meta["id"]) if meta.get("id") else stable_hash(identity or content_hash)
    return Article(
        article_id=article_id,
        text=text,
        content_hash=content_hash,
        source=meta.get("source") or doc.source,
        uri=doc.uri,
        url=url,
        title=title,
        published=_iso_date(meta.get("published")),
        author=meta.get("author"),
        language=language or "en",
        metadata={"fetched_at": doc.fetched_at},
    )


def _iso_date(value: str | None) -> str | None:
    """Keep the ISO date part; the contract anchors relative dates on the day."""
    if not value:
        return None
    match = re.match(r"\d{4}-\d{2}-\d{2}", str(value))
    if match:
        return match.group(0)
    import dateparser

    parsed = dateparser.parse(str(value), settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


@dataclass
class CleanResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[ArticleSkipped] = field(default_factory=list)


def clean_documents(docs: list[RawDocument], topics_by_source: dict[str, tuple[str, ...]] | None = None) -> CleanResult:
    """Clean a batch; exact duplicates within the batch are kept once."""
    topics_by_source = topics_by_source or {}
    result = CleanResult()
    seen_hashes: set[str] = set()
    for doc in docs:
        try:
            article = clean_document(doc, topics_by_source.get(doc.source, ()))
        except ArticleSkipped as skipped:
            result.skipped.append(skipped)
            continue
        if article.content_hash in seen_hashes:
            result.skipped.append(ArticleSkipped("duplicate of an article earlier in this batch", doc.uri))
            continue
        seen_hashes.add(article.content_hash)
        result.articles.append(article)
    return result
