"""The extract step's output types: the contract's events (../shared/spec/events.md)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

EVENT_TYPES = ("meeting", "asylum", "agreement")
MODALITIES = ("asserted", "reported", "planned", "negated", "hypothetical")


@dataclass(frozen=True)
class Participant:
    name: str
    role: str
    kind: str
    country: str | None = None


@dataclass
class Event:
    event_id: str
    article_id: str
    event_type: str
    trigger: str
    sentence: str
    char_start: int
    char_end: int
    mentions: int
    participants: list[Participant]
    location: str | None
    event_date: str | None
    date_text: str | None
    modality: str
    attributes: dict
    confidence: float
    extractor_version: str
    debug: dict = field(default_factory=dict)

    def to_dict(self, with_debug: bool = False) -> dict:
        data = asdict(self)
        if not with_debug:
            data.pop("debug")
        return data
