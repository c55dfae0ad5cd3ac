"""When two reports speak of one real event: matching parties and the clustering rule.

Pure Python, no SQL, so the rule can be read and tested on its own; the
writer (`warehouse.writer`) feeds it the reports an article's change touches.

Parties. Two participants of reports of the same type are the same party when
- both stand for a state whose country the gazetteer knows: places (GPE:
  "Moscow", "Russia") of the same country, or such a place and an institution
  of that country (ORG with a country: "the Kremlin"), or the same institution;
- otherwise, they are of one kind and one name contains the other as whole
  words, ignoring case, accents, punctuation and honorifics ("Putin" and
  "Vladimir Putin", "Sharaa" and "Ahmed al-Sharaa", "Xi" and "Xi Jinping"),
  unless one name is a single word and the two carry different countries
  ("Ahmed" of Syria is not "Ahmed" of Egypt).

Two reports have the same parties when their parties pair off one to one (a
report's own participants that are one party, "Moscow" and "Russia", count
once). Reports of one type with the same parties, directly or through other
reports, form a *party group*: the connected components of that relation,
which depend only on the set of reports, never on their order. Within a
group, reports whose dates lie within a day and whose places are compatible
are one event (`cluster_reports`).

Keys. Each party of a group gets one key (`state:russia`, `person:vladimir
putin`: the most complete name seen), stored on every participant row so the
views can show a party once; the group's key is its sorted party keys. An
event's id is a hash of type, group key and first date, so re-running is an
upsert; ids follow the reports (an earlier report or a fuller name changes
them), as the counts do.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

DATE_WINDOW_DAYS = 1
_NOT_WORD = re.compile(r"[^\w]+")
# Words before a name that do not make it another person ("Sheikh Tamim", "Tamim bin Hamad Al Thani").
HONORIFICS = frozenset(
    "the mr mrs ms dr sir sheikh sheik prince princess crown king queen emir pope president premier "
    "chancellor general gen minister prime".split()
)
STATE_KINDS = frozenset({"GPE"})          # a place that stands for its state, given a country
INSTITUTION_KINDS = frozenset({"ORG"})    # an organisation of a state, given a country


def stable_id(*parts: object, length: int = 16) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def normalise_name(name: str) -> str:
    """Lower case, no accents, punctuation as spaces, no leading 'the'."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"^the\s+", "", text.strip())
    return _NOT_WORD.sub(" ", text).strip()


def name_words(name: str) -> tuple[str, ...]:
    """The words that identify a name: normalised, leading honorifics dropped."""
    words = normalise_name(name).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return tuple(words)


def contains_words(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """True when `shorter` occurs in `longer` as a run of whole words."""
    if not shorter or len(shorter) > len(longer):
        return False
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


@dataclass(frozen=True)
class Party:
    """A participant as merging sees it."""

    name: str
    kind: str | None = None
    country: str | None = None

    @cached_property
    def kind_code(self) -> str:
        return (self.kind or "party").upper()

    @cached_property
    def words(self) -> tuple[str, ...]:
        if self.kind_code == "PERSON":
            return name_words(self.name)
        return tuple(normalise_name(self.name).split())

    @cached_property
    def country_key(self) -> str | None:
        return normalise_name(self.country) if self.country else None

    @cached_property
    def is_state(self) -> bool:
        """A place standing for its state ("Moscow", "Russia")."""
        return self.kind_code in STATE_KINDS and self.country_key is not None

    @cached_property
    def is_institution(self) -> bool:
        """An organisation of a known state ("the Kremlin")."""
        return self.kind_code in INSTITUTION_KINDS and self.country_key is not None

    @cached_property
    def own_key(self) -> str:
        """The key of this participant alone: what one report can say without the others."""
        if self.is_state:
            return "state:" + self.country_key
        return f"{self.kind_code.lower()}:{' '.join(self.words) or normalise_name(self.name)}"

    def tokens(self) -> set[str]:
        """What a party that matches this one shares with it, at least one of: for finding candidates."""
        found = {"state:" + self.country_key} if self.is_state or self.is_institution else set()
        if not self.is_state:
            found |= {f"word:{w}" for w in self.words}
        return found


def same_party(a: Party, b: Party) -> bool:
    if a.is_state or b.is_state:
        return (a.is_state or a.is_institution) and (b.is_state or b.is_institution) and a.country_key == b.country_key
    if a.kind_code != b.kind_code:
        return False
    if not (contains_words(a.words, b.words) or contains_words(b.words, a.words)):
        return False
    # One word ("Ahmed") may name two people, told apart by their countries; a
    # fuller name is trusted over a country the extractor guessed from context.
    different_countries = a.country_key and b.country_key and a.country_key != b.country_key
    return not (different_countries and min(len(a.words), len(b.words)) < 2)


def _same_within_report(a: Party, b: Party) -> bool:
    """One report lists one party twice only under one key or two forms of one name:
    "Moscow" and "Russia", "Putin" and "Vladimir Putin"; never a state and one of its
    institutions, which can be parties to one event ("Baghdad" and the Kurdistan
    Regional Government)."""
    if a.own_key == b.own_key:
        return True
    return not (a.is_state or b.is_state) and same_party(a, b)


def distinct_parties(participants: Sequence[Party]) -> list[list[int]]:
    """A report's participants grouped into parties: lists of positions, in order."""
    groups: list[list[int]] = []
    for position, party in enumerate(participants):
        for group in groups:
            if _same_within_report(participants[group[0]], party):
                group.append(position)
                break
        else:
            groups.append([position])
    return groups


def pair_parties(a: Sequence[Party], b: Sequence[Party]) -> list[tuple[int, int]] | None:
    """Pair the parties of two reports one to one (indexes into a and b), or None.

    A bipartite matching by augmenting paths, tried in index order, so the
    pairing is deterministic; reports have a handful of parties.
    """
    if len(a) != len(b) or not a:
        return None
    options = [[j for j, q in enumerate(b) if same_party(p, q)] for p in a]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(a)):
        if not place(i, set()):
            return None
    return sorted((i, j) for j, i in owner.items())


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
    participants: tuple[Party, ...] = ()

    @cached_property
    def parties(self) -> list[list[int]]:
        return distinct_parties(self.participants)

    @cached_property
    def representatives(self) -> list[Party]:
        """Each party by its most complete form in this report."""
        return [max((self.participants[i] for i in group), key=_completeness) for group in self.parties]


def _completeness(party: Party) -> tuple:
    return (len(party.words), len(party.name), party.name)


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
    partition_month: str
    mention_ids: tuple[str, ...]


@dataclass
class PartyGroup:
    """Reports of one type with the same parties; `keys` gives each participant's party key."""

    key: str
    reports: list[Report]
    keys: dict[tuple[str, int], str] = field(default_factory=dict)  # (mention_id, position) -> party key


@dataclass
class Merge:
    events: list[CanonicalEvent]
    participant_keys: dict[tuple[str, int], str]  # (mention_id, position) -> the party key within its event


def party_groups(reports: Iterable[Report]) -> list[PartyGroup]:
    """Connected components of "same parties" among reports of one type.

    A report without participants never merges across articles: it joins
    only the other partyless reports of its own article.
    """
    reports = sorted(reports, key=lambda r: r.mention_id)
    parent = list(range(len(reports)))
    # (report index, party index) -> slot: which parties of the reports are one
    slot_parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def find_slot(s: tuple[int, int]) -> tuple[int, int]:
        while slot_parent.setdefault(s, s) != s:
            slot_parent[s] = slot_parent[slot_parent[s]]
            s = slot_parent[s]
        return s

    for i, report in enumerate(reports):
        for k in range(len(report.parties)):
            find_slot((i, k))
    partyless: dict[str | None, int] = {}
    by_token: dict[str, set[int]] = {}  # only reports sharing a token with each party can match
    for i, report in enumerate(reports):
        if not report.parties:
            first = partyless.setdefault(report.article_id, i)
            parent[find(i)] = find(first)
            continue
        candidates: set[int] | None = None
        party_tokens = [party.tokens() for party in report.representatives]
        for tokens in party_tokens:
            found = set().union(*(by_token.get(t, ()) for t in tokens))
            candidates = found if candidates is None else candidates & found
        for tokens in party_tokens:
            for token in tokens:
                by_token.setdefault(token, set()).add(i)
        for j in sorted(candidates or ()):
            other = reports[j]
            if len(other.parties) != len(report.parties):
                continue
            pairs = pair_parties(report.representatives, other.representatives)
            if pairs is None:
                continue
            parent[find(i)] = find(j)
            for a, b in pairs:
                slot_parent[find_slot((i, a))] = find_slot((j, b))

    members: dict[int, list[int]] = {}
    for i in range(len(reports)):
        members.setdefault(find(i), []).append(i)
    groups = []
    for indexes in members.values():
        slots: dict[tuple[int, int], list[Party]] = {}
        for i in indexes:
            for k, party in enumerate(reports[i].representatives):
                slots.setdefault(find_slot((i, k)), []).append(party)
        slot_key = {slot: _slot_key(parties) for slot, parties in slots.items()}
        keys = {}
        for i in indexes:
            report = reports[i]
            for k, positions in enumerate(report.parties):
                for position in positions:
                    keys[(report.mention_id, position)] = slot_key[find_slot((i, k))]
        group_reports = [reports[i] for i in indexes]
        if reports[indexes[0]].parties:
            key = "|".join(sorted(set(slot_key.values())))
        else:
            key = f"article:{reports[indexes[0]].article_id}"
        groups.append(PartyGroup(key, group_reports, keys))
    return sorted(groups, key=lambda g: (g.key, g.reports[0].mention_id))


def _slot_key(parties: list[Party]) -> str:
    """One party's key within its group: its state, else its most complete name."""
    states = sorted({p.country_key for p in parties if p.is_state})
    if states:
        return "state:" + states[0]
    best = max(parties, key=_completeness)
    return f"{best.kind_code.lower()}:{' '.join(best.words) or normalise_name(best.name)}"


@dataclass
class _Cluster:
    first_date: date | None
    location: str | None = None
    country: str | None = None
    members: list[Report] = field(default_factory=list)

    def accepts(self, report: Report) -> bool:
        return places_compatible(self.location, report.location, self.country, report.location_country)

    def add(self, report: Report) -> None:
        self.members.append(report)
        self.location = self.location or report.location
        self.country = self.country or report.location_country


def _clusters(reports: list[Report]) -> list[_Cluster]:
    """Dated reports, in date order, join the first event that began at most a
    day earlier in a compatible place (so one event spans at most two days).
    An undated report joins the event it is compatible with; among several,
    the one that began nearest the day it was reported, if only one did;
    otherwise the undated reports form an undated event."""
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
        if len(compatible) > 1 and report.seen is not None:
            distance = {id(c): abs((report.seen - c.first_date).days) for c in compatible}
            nearest = min(distance.values())
            compatible = [c for c in compatible if distance[id(c)] == nearest]
        if len(compatible) == 1:
            compatible[0].add(report)
            continue
        if undated is None:
            undated = _Cluster(None)
        undated.add(report)
    if undated is not None:
        clusters.append(undated)
    return clusters


def cluster_reports(event_type: str, party: str, reports: list[Report]) -> dict[str, str]:
    """Map each mention id to its event id, for reports already known to share their parties.

    The result depends only on the set of reports, not on their arrival order.
    """
    ids: dict[tuple, int] = {}
    assignment: dict[str, str] = {}
    for cluster in _clusters(reports):
        event_id = _event_id(event_type, party, cluster.first_date, ids)
        for report in cluster.members:
            assignment[report.mention_id] = event_id
    return assignment


def _event_id(event_type: str, party: str, first_date: date | None, ordinals: dict[tuple, int]) -> str:
    # Two events of one group can start on the same day only in conflicting
    # places (and two groups share a key only when a country keeps namesakes
    # apart); the ordinal tells them apart without letting a place change the id.
    start = first_date.isoformat() if first_date else "undated"
    ordinal = ordinals.get((party, start), 0)
    ordinals[(party, start)] = ordinal + 1
    return stable_id("event", event_type, party, start, ordinal or None)


def merge_reports(event_type: str, reports: Iterable[Report]) -> Merge:
    """The events a set of reports of one type describe, and each participant's party key.

    The set must be closed: every report that shares its parties with one of
    them is in it (the writer loads whole party groups).
    """
    events: list[CanonicalEvent] = []
    keys: dict[tuple[str, int], str] = {}
    ordinals: dict[tuple, int] = {}
    for group in party_groups(reports):
        keys.update(group.keys)
        for cluster in _clusters(group.reports):
            event_id = _event_id(event_type, group.key, cluster.first_date, ordinals)
            events.append(_summarise(event_id, event_type, group.key, cluster.members))
    return Merge(sorted(events, key=lambda e: e.event_id), keys)


def canonical_events(event_type: str, party: str, reports: list[Report]) -> list[CanonicalEvent]:
    """The events these reports (all of one type and one party group) describe."""
    assignment = cluster_reports(event_type, party, reports)
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(assignment[report.mention_id], []).append(report)
    return [_summarise(event_id, event_type, party, group) for event_id, group in sorted(groups.items())]


def _summarise(event_id: str, event_type: str, party: str, group: list[Report]) -> CanonicalEvent:
    """The main report is the most confident, then the one mentioned in most
    sentences, then the earliest seen; the event takes its date and place
    (else the earliest date and first place among the reports), and its
    article's publication date places an undated event in a Parquet partition."""
    main = min(group, key=_main_order)
    dates = sorted(r.event_date for r in group if r.event_date)
    places = sorted(((r.location, r.location_country) for r in group if r.location), key=lambda p: (p[0], p[1] or ""))
    seen = sorted(r.seen for r in group if r.seen)
    event_date = main.event_date or (dates[0] if dates else None)
    when = event_date or main.published
    return CanonicalEvent(
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
        partition_year=str(when.year) if when else "unknown",
        partition_month=str(when.month) if when else "unknown",
        mention_ids=tuple(sorted(r.mention_id for r in group)),
    )


def _main_order(report: Report) -> tuple:
    return (
        -(report.confidence if report.confidence is not None else -1.0),
        -(report.mentions if report.mentions is not None else -1),
        report.seen or date.max,
        report.mention_id,
    )
