"""The clean step: raw documents become `Article`s with plain, normalised text.

HTML goes through trafilatura (main text only: no navigation, comments or
footers); plain text is only normalised. Identity is decided here, once:
`article_id` from the given id, else the canonical URL, else the place the
file came from, else the text's hash, so re-running gives the same ids.
Copies of an article already kept (the same text under another URL, or a
near copy) are recorded as skipped with a link to the first copy
(`tasks.dedupe`), so they are never extracted twice.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace

import py3langid
import trafilatura

from tasks.dedupe import Deduplicator, DuplicateOf
from tasks.fetch.documents import RawDocument
from tasks.fetch.urls import canonical_url

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
    duplicate_of: str | None = None   # the first copy's article_id, for a copy that was not kept

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
    """An article that is recorded as skipped (empty, not English, off topic, a copy), not an error.

    A copy carries `duplicate_of` (the link to the first copy) and the cleaned
    `article` itself (with `article.duplicate_of` set), for storing the link.
    """

    def __init__(self, reason: str, uri: str = "", duplicate_of: DuplicateOf | None = None,
                 article: "Article | None" = None):
        super().__init__(reason)
        self.reason = reason
        self.uri = uri
        self.duplicate_of = duplicate_of
        self.article = article


def stable_hash(value: str, length: int = 16) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:length]


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


_WHOLE_PAGE = re.compile(r"<(?:html|body|!doctype)\b", re.IGNORECASE)


def html_to_text(html: str, url: str | None = None) -> tuple[str, dict]:
    """Main text and metadata of a web page; empty text when trafilatura finds none."""
    if not _WHOLE_PAGE.search(html[:4096]):
        # A fragment (a feed entry's content, a JSON Lines text): trafilatura
        # sees an empty tree unless it is given a document around it.
        html = f"<html><body><article>{html}</article></body></html>"
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
        "sitename": doc.sitename,
    }
    return doc.text or "", {k: v for k, v in meta.items() if v}


def detect_language(text: str) -> str | None:
    """Too short a text gives no reliable answer; then we do not guess."""
    if len(text) < LANGUAGE_MIN_CHARS:
        return None
    language, _score = py3langid.classify(text[:5000])
    return language


# A topic is a word, not a substring ("Iran" is not in "Tirana"), but
# "Syria" should find "Syrian" and "Iraq" "Iraqis": plural, possessive and the
# common demonym endings may follow it.
_TOPIC_ENDINGS = r"(?:'s|’s|s|n|ns|an|ans|ian|ians|i|is)?"


def mentions_topic(text: str, topics: tuple[str, ...]) -> bool:
    if not topics:
        return True
    return any(
        re.search(rf"(?<!\w){re.escape(t.strip())}{_TOPIC_ENDINGS}(?!\w)", text, re.IGNORECASE)
        for t in topics
        if t.strip()
    )


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
        source=meta.get("source") or meta.get("sitename") or doc.source,
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

    @property
    def duplicates(self) -> list[ArticleSkipped]:
        """The skipped copies, each with `duplicate_of` and its `article`."""
        return [s for s in self.skipped if s.duplicate_of is not None]


def clean_documents(
    docs: list[RawDocument],
    topics_by_source: dict[str, tuple[str, ...]] | None = None,
    dedupe: Deduplicator | None = None,
) -> CleanResult:
    """Clean a batch; copies of an article kept earlier are skipped with a link to it.

    `dedupe` holds the articles kept so far (load it from the warehouse to
    catch copies of earlier runs' articles); without one only copies within
    this batch are found. It is updated with the articles this batch keeps.
    """
    topics_by_source = topics_by_source or {}
    dedupe = dedupe if dedupe is not None else Deduplicator()
    result = CleanResult()
    kept_ids: set[str] = set()
    for doc in docs:
        try:
            article = clean_document(doc, topics_by_source.get(doc.source, ()))
        except ArticleSkipped as skipped:
            result.skipped.append(skipped)
            continue
        if article.article_id in kept_ids:
            result.skipped.append(ArticleSkipped("duplicate: the same article twice in this batch", doc.uri))
            continue
        duplicate = dedupe.check(article.article_id, article.text, article.content_hash)
        if duplicate is not None:
            copy = replace(article, duplicate_of=duplicate.article_id)
            result.skipped.append(ArticleSkipped(duplicate.describe(), doc.uri, duplicate, copy))
            continue
        kept_ids.add(article.article_id)
        result.articles.append(article)
    return result
