"""Quality scorer: compare extracted events with the hand-annotated gold set.

The gold set (`tests/gold/*.jsonl`, see `tests/gold/GUIDELINES.md`) lists,
per article, every event a correct extractor must emit. This module loads it,
matches system events to gold events one to one, and reports precision,
recall and F1 per event type, plus how often the matched events get their
participants, location, date and modality right.

Plain functions, no Prefect and no spaCy: the scorer must run (and be tested)
without the extractor, and must give the same numbers whatever runs it.

Matching rules (the whole of them, so that a score means one thing):

* a candidate pair has the same article, the same event type and the same
  coarse modality class (happened = asserted/reported; not happened =
  planned/negated/hypothetical);
* names are compared after `normalize_name` (accents, case, hyphens and
  apostrophes do not matter); a system name matches a gold party when, for
  some alias, one name's words are a contiguous run of the other's;
* each system participant serves at most one gold party; the pair needs
  min(2, number of gold parties) parties matched;
* pairs are taken greedily, best first (most parties matched, then most of
  location/date/modality right, then gold order, then system order), each
  gold and system event at most once;
* every unmatched system event is a false positive (so duplicates cost
  precision) and every unmatched gold event a false negative.
"""
from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EVENT_TYPES = ("meeting", "asylum", "agreement")
HAPPENED = frozenset({"asserted", "reported"})
NOT_HAPPENED = frozenset({"planned", "negated", "hypothetical"})
MODALITIES = HAPPENED | NOT_HAPPENED
RECORD_FIELDS = ("id", "url", "title", "published", "source", "text")

# Characters that join words in names ("al-Sharaa", "O'Brien", "Sharaa’s"):
# treated as spaces so "Sharaa" is a word of "al-Sharaa".
_WORD_JOINERS = str.maketrans({c: " " for c in "-‐‑‒–—―'’‘ʼ`´"})


# --------------------------------------------------------------------------
# Loading the gold set
# --------------------------------------------------------------------------

def load_gold(paths: str | Path | Iterable[str | Path]) -> list[dict]:
    """Load gold articles from JSON Lines files, folders of them, or seed files.

    Accepts one path or several. A folder contributes its `*.jsonl` files
    (sorted, so the order and hence greedy tie-breaks are stable); anything
    else in it (GUIDELINES.md, notes) is ignored. A `.json` file is read in
    the seed format (`seed.gold.json`): its text lives in the sibling file
    named by its "article" field. Every article comes back with an `id`, so
    that system events can be joined to it.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    articles: list[dict] = []
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.glob("*.jsonl")):
                articles.extend(_load_jsonl(child))
        elif path.suffix == ".jsonl":
            articles.extend(_load_jsonl(path))
        elif path.suffix == ".json":
            articles.append(_load_seed(path))
        else:
            raise ValueError(f"{path}: expected a .jsonl gold file, a folder of them, or a seed .json")
    _check_unique_ids(articles)
    return articles


def _load_jsonl(path: Path) -> list[dict]:
    """One article a line; blank lines are skipped, bad lines fail loudly."""
    articles = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                article = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: not JSON: {exc}") from exc
            article.setdefault("id", article.get("url") or f"{path.stem}:{lineno}")
            _validate_article(article, where)
            articles.append(article)
    return articles


def _load_seed(path: Path) -> dict:
    """Seed format: gold events in JSON, text in the file its "article" names.

    The article id is the text file's stem (the seed's own naming), so a seed
    and a run over `seeds/articles/` talk about the same article.
    """
    seed = json.loads(path.read_text(encoding="utf-8"))
    if "article" not in seed:
        raise ValueError(f"{path}: seed gold file without an 'article' field")
    text_path = path.parent / seed["article"]
    article = {
        "id": seed.get("id") or Path(seed["article"]).stem,
        "text": text_path.read_text(encoding="utf-8"),
        "events": seed.get("events", []),
    }
    for key in ("url", "title", "published", "source"):
        if seed.get(key) is not None:
            article[key] = seed[key]
    _validate_article(article, str(path))
    return article


def _validate_article(article: dict, where: str) -> None:
    """Reject gold that would silently score wrong (a typo'd type is a lost event)."""
    if not isinstance(article.get("text"), str):
        raise ValueError(f"{where}: article without text")
    events = article.get("events")
    if not isinstance(events, list):
        raise ValueError(f"{where}: 'events' must be a list ([] for a negative article)")
    for index, event in enumerate(events):
        if event.get("event_type") not in EVENT_TYPES:
            raise ValueError(f"{where}: event {index}: event_type {event.get('event_type')!r} not in {EVENT_TYPES}")
        if event.get("modality") not in MODALITIES:
            raise ValueError(f"{where}: event {index}: modality {event.get('modality')!r} not in {sorted(MODALITIES)}")
        if not isinstance(event.get("participants", []), list):
            raise ValueError(f"{where}: event {index}: participants must be a list of alias lists")


def _check_unique_ids(articles: list[dict]) -> None:
    """Two gold articles with one id would pool their events: refuse."""
    seen: set[str] = set()
    for article in articles:
        if article["id"] in seen:
            raise ValueError(f"duplicate gold article id {article['id']!r}")
        seen.add(article["id"])


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

def normalize_name(name: str | None) -> str:
    """Fold a name so spelling variants compare equal ("Erdoğan" == "erdogan").

    NFKD then dropping combining marks removes accents; casefold handles case
    (including ß); hyphens and apostrophes become spaces so "al-Sharaa"
    splits into words; whitespace is collapsed.
    """
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(name))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().translate(_WORD_JOINERS).split())


def _words(name: str | None) -> tuple[str, ...]:
    return tuple(normalize_name(name).split())


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    """Whole-word containment: `inner` is a contiguous run of `outer`'s words."""
    if not inner or len(inner) > len(outer):
        return False
    width = len(inner)
    return any(outer[i:i + width] == inner for i in range(len(outer) - width + 1))


def name_matches(system_name: str | None, aliases: Iterable[str]) -> bool:
    """A system name matches a party when it and some alias contain one another.

    Containment either way accepts "Sharaa" for "Ahmed al-Sharaa" and
    "the Kremlin" for "Kremlin", but not "Russian" for "Russia" (whole words).
    An empty name never matches.
    """
    name = _words(system_name)
    if not name:
        return False
    return any(_contains(name, alias) or _contains(alias, name) for alias in map(_words, aliases))


# --------------------------------------------------------------------------
# Event pieces, tolerant of small shape differences
# --------------------------------------------------------------------------

def modality_class(modality: str | None) -> str | None:
    """Coarse class used for matching: did it happen or not? None if unknown.

    An unknown or missing system modality has no class and so matches no gold
    event: the contract requires one of the five values.
    """
    if modality in HAPPENED:
        return "happened"
    if modality in NOT_HAPPENED:
        return "not_happened"
    return None


def _gold_parties(event: dict) -> list[list[str]]:
    """Gold participants as alias lists; a bare string is a one-alias party."""
    return [[party] if isinstance(party, str) else list(party) for party in event.get("participants") or []]


def _system_names(event: dict) -> list[str]:
    """System participant names; plain strings are accepted as names."""
    names = []
    for participant in event.get("participants") or []:
        names.append(participant if isinstance(participant, str) else (participant or {}).get("name") or "")
    return names


def _gold_locations(event: dict) -> list[str] | None:
    """Gold location as a list of acceptable names, or None when not stated."""
    location = event.get("location")
    if location is None or location == []:
        return None
    return [location] if isinstance(location, str) else list(location)


def _as_dict(event: Any) -> dict:
    """Let dataclass events through as well as the contract's dicts."""
    if isinstance(event, dict):
        return event
    if dataclasses.is_dataclass(event):
        return dataclasses.asdict(event)
    raise TypeError(f"system event must be a dict, got {type(event).__name__}")


# --------------------------------------------------------------------------
# Matching one gold event against one system event
# --------------------------------------------------------------------------

def _party_matching(parties: list[list[str]], names: list[str]) -> int:
    """Most gold parties that can be matched, each system name used once.

    A maximum bipartite matching (augmenting paths; events have a handful of
    participants), so the count does not depend on participant order: a
    greedy pass could spend "Putin" on the wrong party and under-count.
    """
    edges = [[j for j, name in enumerate(names) if name_matches(name, aliases)] for aliases in parties]
    owner: dict[int, int] = {}

    def augment(party: int, seen: set[int]) -> bool:
        for name in edges[party]:
            if name in seen:
                continue
            seen.add(name)
            if name not in owner or augment(owner[name], seen):
                owner[name] = party
                return True
        return False

    return sum(augment(party, set()) for party in range(len(parties)))


def location_correct(gold: dict, system: dict) -> bool:
    """Null must meet null; otherwise the system place must match a gold name."""
    gold_names = _gold_locations(gold)
    system_location = system.get("location") or None
    if gold_names is None or system_location is None:
        return gold_names is None and system_location is None
    return name_matches(system_location, gold_names)


def date_correct(gold: dict, system: dict) -> bool:
    """Exact ISO string equality; null equals null."""
    return (gold.get("event_date") or None) == (system.get("event_date") or None)


def modality_correct(gold: dict, system: dict) -> bool:
    """Exact modality, stricter than the coarse class used for matching."""
    return gold.get("modality") == system.get("modality")


def participants_correct(gold: dict, system: dict) -> bool:
    """Every gold party matched, and no system participant outside all parties.

    A second name for an already-matched party ("Putin" beside "Vladimir
    Putin") is not an extra: it matches a gold party, just not a new one.
    """
    parties = _gold_parties(gold)
    names = _system_names(system)
    if _party_matching(parties, names) < len(parties):
        return False
    return all(any(name_matches(name, aliases) for aliases in parties) for name in names)


@dataclass(frozen=True)
class _Candidate:
    """A gold/system pair that satisfies the matching rules, with its rank key."""

    gold_index: int
    system_index: int
    parties: int
    attributes: int

    @property
    def key(self) -> tuple:
        return (-self.parties, -self.attributes, self.gold_index, self.system_index)


def _candidate(gi: int, gold: dict, si: int, system: dict) -> _Candidate | None:
    """The pair as a candidate, or None when a matching rule fails."""
    if gold["event_type"] != system.get("event_type"):
        return None
    if modality_class(gold.get("modality")) != modality_class(system.get("modality")) or modality_class(system.get("modality")) is None:
        return None
    parties = _gold_parties(gold)
    matched = _party_matching(parties, _system_names(system))
    if matched < min(2, len(parties)):
        return None
    attributes = location_correct(gold, system) + date_correct(gold, system) + modality_correct(gold, system)
    return _Candidate(gi, si, matched, attributes)


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class Counts:
    """TP/FP/FN for one event type (or all); rates are None when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        # 2TP / (2TP + FP + FN) equals the harmonic mean where both exist and
        # is still defined (0.0) when one side is empty but errors were made.
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Accuracy:
    """Share of matched events that got one attribute right."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.total)

    def record(self, ok: bool) -> None:
        self.total += 1
        self.correct += bool(ok)

    def to_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass
class Report:
    """Everything `score` measured; `micro` pools all types."""

    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPES})
    micro: Counts = field(default_factory=Counts)
    participants: Accuracy = field(default_factory=Accuracy)
    location: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)
    modality: Accuracy = field(default_factory=Accuracy)
    errors: list[dict] = field(default_factory=list)
    matches: list[dict] = field(default_factory=list)
    articles: int = 0
    gold_events: int = 0
    system_events: int = 0

    @property
    def attributes(self) -> dict[str, Accuracy]:
        return {"participants": self.participants, "location": self.location,
                "date": self.date, "modality": self.modality}


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------

def score(gold_articles: list[dict], system_events: Iterable[Any]) -> Report:
    """Match system events to gold events and count what agrees.

    System events for articles not in the gold set are false positives too
    (every unmatched system event is); score only what was run on the gold.
    """
    system = [_as_dict(event) for event in system_events]
    report = Report(articles=len(gold_articles), system_events=len(system))
    by_article: dict[str, list[int]] = {}
    for index, event in enumerate(system):
        by_article.setdefault(str(event.get("article_id")), []).append(index)

    used: set[int] = set()
    for article in gold_articles:
        gold = article.get("events") or []
        report.gold_events += len(gold)
        indices = by_article.get(str(article["id"]), [])
        pairs = _assign(gold, [system[i] for i in indices])
        for gi, local in pairs.items():
            si = indices[local]
            used.add(si)
            _record_match(report, article, gi, gold[gi], system[si])
        for gi, event in enumerate(gold):
            if gi not in pairs:
                _count(report, event["event_type"], "fn")
                report.errors.append(_false_negative(article, gi, event, [system[i] for i in indices]))

    gold_ids = {str(article["id"]) for article in gold_articles}
    for index, event in enumerate(system):
        if index not in used:
            _count(report, event.get("event_type"), "fp")
            report.errors.append(_false_positive(event, str(event.get("article_id")) in gold_ids))
    return report


def _assign(gold: list[dict], system: list[dict]) -> dict[int, int]:
    """One-to-one greedy assignment, best candidate first: gold index -> system index."""
    candidates = [c for gi, g in enumerate(gold) for si, s in enumerate(system)
                  if (c := _candidate(gi, g, si, s)) is not None]
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for cand in sorted(candidates, key=lambda c: c.key):
        if cand.gold_index in pairs or cand.system_index in taken:
            continue
        pairs[cand.gold_index] = cand.system_index
        taken.add(cand.system_index)
    return pairs


def _count(report: Report, event_type: str | None, kind: str) -> None:
    """Bump a type's counter; an off-contract type gets its own row, not silence."""
    counts = report.by_type.setdefault(str(event_type), Counts())
    setattr(counts, kind, getattr(counts, kind) + 1)
    setattr(report.micro, kind, getattr(report.micro, kind) + 1)


def _record_match(report: Report, article: dict, gi: int, gold: dict, system: dict) -> None:
    """A true positive, and its attributes scored."""
    _count(report, gold["event_type"], "tp")
    checks = {"participants": participants_correct(gold, system),
              "location": location_correct(gold, system),
              "date": date_correct(gold, system),
              "modality": modality_correct(gold, system)}
    for name, ok in checks.items():
        report.attributes[name].record(ok)
    report.matches.append({"article_id": article["id"], "event_type": gold["event_type"],
                           "gold_index": gi, "event_id": system.get("event_id"), **checks})


def _false_negative(article: dict, gi: int, gold: dict, system: list[dict]) -> dict:
    """A missed gold event, with the nearest reason a same-type event failed."""
    return {"kind": "false_negative", "article_id": article["id"], "event_type": gold["event_type"],
            "gold_index": gi, "participants": _gold_parties(gold), "modality": gold.get("modality"),
            "location": gold.get("location"), "event_date": gold.get("event_date"),
            "sentence": None, "note": gold.get("note"), "reason": _miss_reason(gold, system)}


def _miss_reason(gold: dict, system: list[dict]) -> str:
    """Why no system event matched: helps tell a missed event from a near miss."""
    same_type = [s for s in system if s.get("event_type") == gold["event_type"]]
    if not same_type:
        return "no system event of this type in the article"
    same_class = [s for s in same_type if modality_class(s.get("modality")) == modality_class(gold.get("modality"))]
    if not same_class:
        found = sorted({str(s.get("modality")) for s in same_type})
        return f"modality class differs (gold {gold.get('modality')}, system {', '.join(found)})"
    need = min(2, len(_gold_parties(gold)))
    best = max(_party_matching(_gold_parties(gold), _system_names(s)) for s in same_class)
    if best < need:
        return f"too few parties matched ({best} of {need} needed)"
    return "its candidates were assigned to other gold events"


def _false_positive(event: dict, known_article: bool) -> dict:
    """A spurious (or duplicate) system event, as much of it as helps debugging."""
    return {"kind": "false_positive", "article_id": event.get("article_id"),
            "event_type": event.get("event_type"), "event_id": event.get("event_id"),
            "participants": _system_names(event), "modality": event.get("modality"),
            "location": event.get("location"), "event_date": event.get("event_date"),
            "sentence": event.get("sentence"),
            "reason": None if known_article else "article not in the gold set"}


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def _fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def format_report(report: Report) -> str:
    """A fixed-width table for a terminal or a CI log."""
    rows = list(EVENT_TYPES) + sorted(t for t in report.by_type if t not in EVENT_TYPES)
    lines = [f"{report.articles} articles, {report.gold_events} gold events, {report.system_events} system events",
             "",
             f"{'type':<10} {'P':>5} {'R':>5} {'F1':>5} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for name in rows + ["micro"]:
        counts = report.micro if name == "micro" else report.by_type[name]
        lines.append(f"{name:<10} {_fmt(counts.precision)} {_fmt(counts.recall)} {_fmt(counts.f1)} "
                     f"{counts.tp:>5} {counts.fp:>5} {counts.fn:>5}")
    lines += ["", f"over {report.micro.tp} matched events:"]
    for name, acc in report.attributes.items():
        lines.append(f"  {name:<13} {_fmt(acc.accuracy)}  ({acc.correct}/{acc.total})")
    return "\n".join(lines)


def report_to_json(report: Report) -> dict:
    """JSON-ready dict (rates are null where undefined)."""
    return {
        "articles": report.articles,
        "gold_events": report.gold_events,
        "system_events": report.system_events,
        "by_type": {name: counts.to_dict() for name, counts in report.by_type.items()},
        "micro": report.micro.to_dict(),
        "attributes": {name: acc.to_dict() for name, acc in report.attributes.items()},
        "errors": report.errors,
        "matches": report.matches,
    }


# --------------------------------------------------------------------------
# End to end
# --------------------------------------------------------------------------

def to_record(article: dict) -> dict:
    """The input the extractor sees: the contract's article fields, no gold."""
    return {key: article[key] for key in RECORD_FIELDS if article.get(key) is not None}


def evaluate(paths: str | Path | Iterable[str | Path],
             extract: Callable[[Iterable[dict]], Iterable[Any]] | None = None) -> Report:
    """Load gold, run the extractor on its articles, and score the result.

    The extractor is imported only when none is given, so tests and other
    extractors can be scored without loading spaCy.
    """
    gold = load_gold(paths)
    if extract is None:
        from tasks.extract import extract_records as extract
    events = list(extract([to_record(article) for article in gold]))
    return score(gold, events)
