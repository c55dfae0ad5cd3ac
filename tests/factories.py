"""Hand-made articles and events for warehouse tests that must not depend on the extractor."""
from __future__ import annotations

import hashlib

from tasks.clean import Article
from tasks.extract.events import Event, Participant

PUTIN = ("Vladimir Putin", "host", "PERSON", "Russia")
SHARAA = ("Ahmed al-Sharaa", "guest", "PERSON", "Syria")


def make_article(article_id: str, text: str = "Putin met al-Sharaa in Moscow on Wednesday.", *,
                 source: str = "Outlet A", published: str | None = "2025-10-15") -> Article:
    return Article(
        article_id=article_id,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest()[:32],
        source=source,
        uri=f"{article_id}.txt",
        url=f"https://example.test/{article_id}",
        title=f"Title {article_id}",
        published=published,
        metadata={"fetched_at": "2025-10-16T08:00:00+00:00"},
    )


def make_event(article_id: str, n: int = 1, *, event_type: str = "meeting", event_date: str | None = "2025-10-15",
               location: str | None = "Moscow", parties=(PUTIN, SHARAA), confidence: float = 0.9,
               version: str = "test-1") -> Event:
    return Event(
        event_id=f"{article_id}-{event_type}-{n}",
        article_id=article_id,
        event_type=event_type,
        trigger="met",
        sentence="Putin met al-Sharaa in Moscow on Wednesday.",
        char_start=0,
        char_end=44,
        mentions=1,
        participants=[Participant(name, role, kind, country) for name, role, kind, country in parties],
        location=location,
        event_date=event_date,
        date_text="on Wednesday" if event_date else None,
        modality="asserted",
        attributes={"format": "visit", "topics": ["oil sector"]},
        confidence=confidence,
        extractor_version=version,
    )
