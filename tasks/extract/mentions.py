"""What one sentence says about one event: the `Mention`, before names are linked and mentions merged."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PartyRef:
    """A party as found in the text, before the article-level name linking.

    `kind` is PERSON, GPE, ORG or NORP for named parties; PRON for a personal
    pronoun and GROUP for "the two leaders", both resolved later from context;
    TITLE for "the Syrian president" (resolved to the person the article names
    with that office, else to the state).
    """

    text: str
    kind: str
    role: str = "participant"
    start: int = -1  # token index of the span start in the doc
    end: int = -1
    ent_id: str = ""
    country_hint: str | None = None
    title: str | None = None
    implied: bool = False  # a host state inferred from "a visit to Moscow"
    size: int | None = None  # how many a group anaphor counts ("the four leaders")

    @classmethod
    def of_state(cls, country: str, role: str, start: int, end: int, implied: bool = False) -> PartyRef:
        """The state a capital, demonym or people stands for, at the words that name it."""
        return cls(country, "GPE", role, start, end, ent_id=f"country:{country}", country_hint=country, implied=implied)


@dataclass
class Mention:
    event_type: str
    rule: str
    trigger_start: int
    trigger_end: int
    trigger_text: str
    sent_index: int
    parties: list[PartyRef] = field(default_factory=list)
    location: str | None = None
    location_country: str | None = None
    date_text: str | None = None
    modality: str = "asserted"
    modality_cue: str | None = None
    attributes: dict = field(default_factory=dict)
    verbal: bool = False
    debug: dict = field(default_factory=dict)
