"""The gazetteer: states, capitals, places, institutions and leaders, kept as data.

`data/gazetteer/*.jsonl` is read once into two things: entity-ruler patterns
(so "the Kremlin" is an ORG of Russia even where the small model misses it)
and a lookup from any alias to an `Entry` with the canonical name, kind and
country. Adding a leader or a city is a data change.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
GAZETTEER = DATA / "gazetteer"


PATRONYMIC = {"bin", "ibn", "bint", "ben"}


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    kind: str  # PERSON, GPE, ORG, NORP
    country: str | None
    category: str  # country, capital, place, institution, person, demonym


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form used for every lookup."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'")
    text = " ".join(text.casefold().split())
    for prefix in ("the ",):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text


class Gazetteer:
    def __init__(self, folder: Path = GAZETTEER):
        self.entries: dict[str, Entry] = {}
        self.by_alias: dict[str, Entry] = {}
        self.patterns: list[dict] = []
        self.past_patterns: list[dict] = []  # leaders of the past: labels where the model found nothing
        self.titles_by_person: dict[str, tuple[str, ...]] = {}
        self.country_names: dict[str, list[str]] = {}  # each state's name and aliases ("United Kingdom": "Britain", ...)
        self.capitals: dict[str, str] = {}  # each state's capital, by the state's name
        self._load(folder)

    def _read(self, folder: Path, name: str) -> list[dict]:
        path = folder / name
        if not path.is_file():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def _add(self, entry: Entry, aliases: list[str], label: str | None = None, pattern: bool = True, past: bool = False) -> None:
        self.entries.setdefault(entry.key, entry)
        for alias in aliases:
            if not alias or not alias.strip():
                continue
            folded = fold(alias)
            # the first writer wins: countries load before cities, so "Georgia" stays a state
            self.by_alias.setdefault(folded, entry)
            # a bare surname ("Dagalo") would cut a longer name the model found ("Abdelrahim Dagalo"):
            # such aliases serve lookups only
            if pattern and not (entry.kind == "PERSON" and len(alias.split()) == 1):
                (self.past_patterns if past else self.patterns).append({"label": label or entry.kind, "pattern": alias, "id": entry.key})

    def _load(self, folder: Path) -> None:
        # (states of the past, and leaders of the past, after those of today: "Prussia", "Otto von Bismarck")
        for row in self._read(folder, "countries.jsonl") + self._read(folder, "countries_historical.jsonl"):
            country = row["name"]
            entry = Entry(f"country:{country}", country, "GPE", country, "country")
            self._add(entry, [country, *row.get("aliases", [])])
            self.country_names[country] = [country, *row.get("aliases", [])]
            demonym = Entry(f"demonym:{country}", country, "NORP", country, "demonym")
            self._add(demonym, row.get("demonyms", []), label="NORP")
            if row.get("capital"):
                capital = Entry(f"capital:{row['capital']}", row["capital"], "GPE", country, "capital")
                self._add(capital, [row["capital"], *row.get("capital_aliases", [])])
                stored = self.entries[capital.key]  # (a capital two rows name stays the first's)
                self.capitals.setdefault(stored.country, stored.name)
        for row in self._read(folder, "cities.jsonl"):
            entry = Entry(f"place:{row['name']}", row["name"], "GPE", row.get("country"), "place")
            self._add(entry, [row["name"], *row.get("aliases", [])])
        for row in self._read(folder, "institutions.jsonl"):
            entry = Entry(f"inst:{row['name']}", row["name"], row.get("kind", "ORG"), row.get("country"), "institution")
            patterns = [p for p in row.get("patterns", []) if not p.lower().startswith("the ")]
            self._add(entry, [row["name"], *row.get("aliases", []), *patterns])
        people = self._read(folder, "people.jsonl")
        surnames: dict[str, list[Entry]] = {}
        for row in people:
            entry = self._add_person(row)
            for name in [row["name"], *row.get("aliases", [])]:
                last = name.split()[-1] if len(name.split()) > 1 else None
                if last and last[:1].isupper():
                    holders = surnames.setdefault(fold(last), [])
                    if entry not in holders:
                        holders.append(entry)
        # "Condé" for Alpha Condé: a surname no other leader, state or place shares is his (lookups only)
        for folded, holders in surnames.items():
            if len(holders) == 1 and folded not in self.by_alias and len(folded) > 3:
                self.by_alias[folded] = holders[0]
        # leaders of the past are known by the names and aliases written for them only: a surname derived
        # from "David Lloyd George" or "Mackenzie King" would take "George" or "King" for them; and their
        # names label only what the model left unlabelled ("José Martí International Airport" stays a place)
        for row in self._read(folder, "people_historical.jsonl"):
            self._add_person(row, past=True)

    def _add_person(self, row: dict, past: bool = False) -> Entry:
        entry = Entry(f"person:{row['name']}", row["name"], "PERSON", row.get("country"), "person")
        self._add(entry, [row["name"], *row.get("aliases", [])], past=past)
        self.titles_by_person[entry.key] = tuple(t.lower() for t in row.get("titles", []))
        return entry

    def lookup(self, text: str) -> Entry | None:
        entry = self.by_alias.get(fold(text))
        if entry is None and text.endswith(("'s", "’s")):
            entry = self.by_alias.get(fold(text[:-2]))
        if entry is None:
            entry = self._by_first_and_last(text.split()) or self._by_patronym(text.split())
        return entry

    def _by_patronym(self, words: list[str]) -> Entry | None:
        """"Mohammed bin Salman bin Abdulaziz Al Saud": a leader named with his father's line, whose
        given name and father's name ("Mohammed bin Salman") the gazetteer knows."""
        if len(words) < 4 or words[1].lower() not in PATRONYMIC:
            return None
        entry = self.by_alias.get(fold(" ".join(words[:3])))
        return entry if entry is not None and entry.kind == "PERSON" else None

    def _by_first_and_last(self, words: list[str]) -> Entry | None:
        """"William Samoei Ruto", "Joseph Robinette Biden": a leader named in full, middle names and all."""
        if len(words) < 3 or not all(w[:1].isupper() for w in words):
            return None
        entry = self.by_alias.get(fold(f"{words[0]} {words[-1]}"))
        return entry if entry is not None and entry.kind == "PERSON" else None

    def country_of(self, text: str) -> str | None:
        entry = self.lookup(text)
        return entry.country if entry else None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    return Gazetteer()
