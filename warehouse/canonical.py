"""When two reports speak of one real event: party keys and the clustering rule.

Reports (event mentions) of the same type whose parties have the same keys
are candidates; among them, those whose dates lie within a day of each other
and whose places do not conflict are one event. Pure Python, no SQL, so the
rule can be read and tested on its own.

Party keys are deliberately coarse but conservative:
- a place standing for its government (GPE with a country: "Moscow",
  "Russia") is keyed by that country: `state:russia`;
- a person by the normalised last word of the name ("Vladimir Putin" and
  "Putin" are both `person:putin`; "al-Assad" and "Assad" both `person:assad`),
  which is safe because the type, the other parties and the date must agree too;
- anything else by kind and normalised name (`org:kremlin`, `norp:syrians`).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

DATE_WINDOW_DAYS = 1
_NOT_WORD = re.compile(r"[^\w]+")


def stable_id(*parts: object, length: int = 16) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"^the\s+", "", text.strip())
    return _NOT_WORD.sub(" ", text).strip()


def participant_key(name: str, kind: str | None, country: str | None) -> str:
    kind = (kind or "").upper()
    if kind == "GPE" and country:
        return "state:" + normalise_name(country)
    normalised = normalise_name(name)
    if kind == "PERSON" and normalised:
        # punctuation became spaces above, so "al-Assad" ends in "assad" too
        return "person:" + normalised.split()[-1]
    return f"{(kind or 'party').lower()}:{normalised}"


def party_key(participant_keys: list[str], fallback: str) -> str:
    """Sorted distinct keys, '|'-joined. An event without parties never merges across articles."""
    keys = sorted({k for k in participant_keys if k})
    return "|".join(keys) if keys else f"article:{fallback}"


def places_compatible(a: str | None, b: str | None, a_country: str | None = None, b_country: str | None = None) -> bool:
    """Unknown, the same place, or two places in one country ("Moscow", "the Kremlin")."""
    if a is None or b is None or normalise_name(a) == normalise_name(b):
        return True
    return a_country is not None and b_country is not None and normalise_name(a_country) == normalise_name(b_country)


@dataclass(frozen=True)
class Report:
    """One event mention, as far as merging and summarising reports needs it."""

    mention_id: str
    event_date: date | None
    location: str | None
    location_country: str | None = None
    article_id: str | None = None
    source: str | None = None  # the outlet
    published: date | None = None
    seen: date | None = None  # the day it was reported: published, else fetched
    confidence: float | None = None
    mentions: int | None = None


@dataclass(frozen=True)
class CanonicalEvent:
    """One real event and the summary of its reports (a row of core.events)."""

    event_id: str
    event_type: str
    party_key: str
    main_mention_id: str
    event_date: date | None
    location: str | None
    location_country: str | None
    n_mentions: int
    n_articles: int
    n_sources: int
    first_seen: date | None
    last_seen: date | None
    partition_year: str
    mention_ids: tuple[str, ...]


@dataclass
class _Cluster:
    first_date: date | None
    location: str | None = None
    country: str | None = None
    members: list[str] = field(default_factory=list)

    def accepts(self, report: Report) -> bool:
        return places_compatible(self.location, report.location, self.country, report.location_country)

    def add(self, report: Report) -> None:
        self.members.append(report.mention_id)
        self.location = self.location or report.location
        self.country = self.country or report.location_country


def cluster_reports(event_type: str, party: str, reports: list[Report]) -> dict[str, str]:
    """Map each mention id to its canonical event id.

    Dated reports, in date order, join the first event that began at most a
    day earlier in a compatible place (so one event spans at most two days).
    An undated report joins the one event it is compatible with, if there is
    exactly one; otherwise the undated reports form an undated event. The
    result depends only on the set of reports, not on their arrival order.
    """
    clusters: list[_Cluster] = []
    for report in sorted((r for r in reports if r.event_date), key=lambda r: (r.event_date, r.mention_id)):
        for cluster in clusters:
            if (report.event_date - cluster.first_date).days <= DATE_WINDOW_DAYS and cluster.accepts(report):
                break
        else:
            cluster = _Cluster(report.event_date)
            clusters.append(cluster)
        cluster.add(report)
    undated: _Cluster | None = None
    for report in sorted((r for r in reports if not r.event_date), key=lambda r: r.mention_id):
        compatible = [c for c in clusters if c.accepts(report)]
        if len(compatible) == 1:
            compatible[0].add(report)
            continue
        if undated is None:
            undated = _Cluster(None)
        undated.add(report)
    if undated is not None:
        clusters.append(undated)

    assignment: dict[str, str] = {}
    seen_starts: dict[date | None, int] = {}
    for cluster in clusters:
        # Two events can start on the same day only in conflicting places;
        # the ordinal tells them apart without letting a place change the id.
        ordinal = seen_starts.get(cluster.first_date, 0)
        seen_starts[cluster.first_date] = ordinal + 1
        start = cluster.first_date.isoformat() if cluster.first_date else "undated"
        event_id = stable_id("event", event_type, party, start, ordinal or None)
        for mention_id in cluster.members:
            assignment[mention_id] = event_id
    return assignment


def canonical_events(event_type: str, party: str, reports: list[Report]) -> list[CanonicalEvent]:
    """The events these reports (all of one type and party key) describe.

    The main report is the most confident, then the one mentioned in most
    sentences, then the earliest seen; the event takes its date and place
    (else the earliest date and first place among the reports), and its
    article's publication year places an undated event in a Parquet partition.
    """
    assignment = cluster_reports(event_type, party, reports)
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(assignment[report.mention_id], []).append(report)
    events = []
    for event_id, group in sorted(groups.items()):
        main = min(group, key=_main_order)
        dates = sorted(r.event_date for r in group if r.event_date)
        places = sorted(((r.location, r.location_country) for r in group if r.location), key=lambda p: (p[0], p[1] or ""))
        seen = sorted(r.seen for r in group if r.seen)
        event_date = main.event_date or (dates[0] if dates else None)
        year = event_date or main.published
        events.append(
            CanonicalEvent(
                event_id=event_id,
                event_type=event_type,
                party_key=party,
                main_mention_id=main.mention_id,
                event_date=event_date,
                location=main.location or (places[0][0] if places else None),
                location_country=main.location_country if main.location else (places[0][1] if places else None),
                n_mentions=len(group),
                n_articles=len({r.article_id for r in group}),
                n_sources=len({r.source for r in group if r.source}),
                first_seen=seen[0] if seen else None,
                last_seen=seen[-1] if seen else None,
                partition_year=str(year.year) if year else "unknown",
                mention_ids=tuple(sorted(r.mention_id for r in group)),
            )
        )
    return events


def _main_order(report: Report) -> tuple:
    return (
        -(report.confidence if report.confidence is not None else -1.0),
        -(report.mentions if report.mentions is not None else -1),
        report.seen or date.max,
        report.mention_id,
    )
