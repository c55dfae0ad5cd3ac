"""Linking the names of one article: short forms and titles to the most complete mention.

"Sharaa" -> "Ahmed al-Sharaa" (the longest person mention containing it as
whole words); "the Syrian president" -> the person the article introduces
with that office and country; "he" -> the person the sentence is about.
The small model sometimes tags Arabic names as ORG, so a name that is part
of a person mention elsewhere in the article is a person, whatever its label.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from tasks.extract.cues import Cues
from tasks.extract.gazetteer import Gazetteer, fold
from tasks.extract.given_names import given_name_gender
from tasks.extract.mentions import PartyRef



HEAD_TITLES = {"president", "prime", "premier", "chancellor", "king", "emir", "sultan", "leader", "monarch"}
TITLE_MODIFIERS = {"press", "crown", "supreme", "grand", "defence", "defense", "foreign", "interior", "finance", "prime", "deputy", "vice", "former", "trade", "energy", "economy", "justice", "security", "intelligence"}


@dataclass(frozen=True)
class LinkedName:
    name: str
    kind: str
    country: str | None
    key: str


def honorific_key(token: Token, cues: Cues) -> str | None:
    """The form of address a token ends ("His Royal Highness", "HE"), as the key a person addressed
    so is known by. Abbreviations count in capitals only: "HE", not the pronoun."""
    if token.text in cues.honorifics and not token.text.islower():
        return cues.honorifics[token.text]
    before = token.nbor(-1).lower_ if token.i > 0 else ""
    addressed = before in {"his", "her", "royal"} or any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in token.children)
    if token.lower_ in cues.honorifics and token.is_title and addressed:
        royal = before == "royal"
        return cues.honorifics.get(f"royal {token.lower_}" if royal else token.lower_)
    return None


def is_bare_title(text: str, cues: Cues) -> bool:
    """"Amir", "the President", "Royal Highness": an office or a form of address with no name."""
    lowered = " ".join(text.lower().removeprefix("the ").split())
    return lowered in cues.titles or lowered in cues.honorifics or lowered.removeprefix("his ").removeprefix("her ") in cues.honorifics


def words(text: str) -> list[str]:
    return re.sub(r"[-‐‑'’.]", " ", fold(text)).split()


def contains_words(long: str, short: str) -> bool:
    a, b = words(long), words(short)
    if not b or len(b) > len(a):
        return False
    return any(a[i: i + len(b)] == b for i in range(len(a) - len(b) + 1))


GENDER_OF_PRONOUN = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
ADDRESS_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f", "sheikha": "f", "lady": "f", "sir": "m"}


def _salience(span: Span, sent: Span, is_subject: bool) -> float:
    """How far a mention of a person puts that person in view of a pronoun in `sent`: most in the
    pronoun's own sentence (more as its subject), then within some sixty tokens before (more as a
    subject), least further back."""
    if span.sent.start == sent.start:
        return 1.0 + (3.0 if is_subject else 1.5)
    if sent.start - span.sent.start < 60:
        return 2.0 + (1.0 if is_subject else 0.0)
    return 1.0


class NameLinker:
    def __init__(self, doc: Doc, gazetteer: Gazetteer, cues: Cues):
        self.doc = doc
        self.gaz = gazetteer
        self.cues = cues
        self.person_forms: list[str] = []
        self.person_country: dict[str, str] = {}
        self.person_titles: dict[str, set[str]] = {}
        self.person_affiliation: dict[str, str] = {}  # "Fatah's chief negotiator, Azzam al-Ahmad" -> Fatah
        self.person_mentions: list[tuple[int, Span, bool]] = []  # (token index, span, is subject)
        self.named_at: list[tuple[int, str]] = []  # (token index, cleaned name) of each person mention
        for ent in doc.ents:
            if ent.label_ not in {"PERSON", "ORG", "GPE", "NORP"}:
                continue
            name = self.clean(ent.text)
            entry = gazetteer.lookup(name)
            is_person = ent.label_ == "PERSON" and (entry is None or entry.kind == "PERSON") or (entry is not None and entry.kind == "PERSON")
            # "Duvalier, 34, landed at Grenoble": whoever is given an age is a person, whatever the model says
            aged = entry is None and ent.label_ == "ORG" and ent.end + 2 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].like_num and doc[ent.end + 2].text == ","
            # (a person named like an organisation the gazetteer knows: "her sister Wafa", not the news agency)
            described = ent.label_ in {"ORG", "PERSON"} and (entry is None or entry.kind == "ORG") and self._described_as_person(ent)
            demonyms = all((e := gazetteer.lookup(w)) is not None and e.kind == "NORP" for w in name.split())
            if not (is_person or aged or described) or not name or demonyms:  # "the British Pakistani Christian Association"
                continue
            if is_bare_title(ent.text, cues):
                continue  # "HH the Amir", "His Royal Highness": whom they address is resolved as a title
            self.person_forms.append(name)
            self.person_mentions.append((ent.start, ent, ent.root.dep_ in {"nsubj", "nsubjpass"}))
            self.named_at.append((ent.start, name))
            country, titles = self._context(ent)
            if entry is not None and entry.kind == "PERSON":
                # what the article does not say, the gazetteer knows
                country = country or entry.country
                titles = titles | {w for t in gazetteer.titles_by_person.get(entry.key, ()) for w in t.split() if w in cues.person_nouns or w in TITLE_MODIFIERS}
            if country:
                self.person_country.setdefault(fold(name), country)
            if "counterpart" in titles:
                # "Commerce Minister Fahim and his Afghan counterpart Ahady": a counterpart holds the office
                # of the one named before him in the sentence ("the Afghan minister" then is Ahady)
                before = [n for i, n in self.named_at if ent.sent.start <= i < ent.start and fold(n) != fold(name)]
                if before:
                    titles = titles | (self.person_titles.get(fold(before[-1]), set()) - {"counterpart", "former"})
            if titles:
                self.person_titles.setdefault(fold(name), set()).update(titles)
            affiliation = self._affiliation(ent)
            if affiliation:
                self.person_affiliation.setdefault(fold(name), affiliation)
        # "Modi, on his first visit ..., was greeted by Hasina": a leader the model did not label
        # is still someone a later "him" can be
        surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
        for token in doc:
            if token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ != "compound":
                entry = gazetteer.lookup(token.text)
                if entry is not None and entry.kind == "PERSON":
                    self.person_forms.append(token.text)
                    self.person_mentions.append((token.i, doc[token.i: token.i + 1], token.dep_ in {"nsubj", "nsubjpass"}))
                    self.named_at.append((token.i, token.text))
                    self.person_country.setdefault(fold(token.text), entry.country)
                elif entry is None and token.text in surnames and token.dep_ in {"nsubj", "nsubjpass"}:
                    # "On Monday 23 October Dorji was received by Wang Yi. On Tuesday he called on Han Zheng":
                    # the surname of a person named in full elsewhere, left unlabelled here, is that person
                    self.person_mentions.append((token.i, doc[token.i: token.i + 1], True))
                    self.named_at.append((token.i, token.text))
        self.halves = self._halves()
        # a transcript's turns (where each starts, who speaks it), as the mention finder read them
        self.turns: list[tuple[int, str | None]] = doc.user_data.get("turns") or []
        self.turn_starts = [start for start, _ in self.turns]
        self._genders: dict[str, str] | None = None  # read when a pronoun first needs them
        self._chain: dict[int, Span | None] = {}  # each sentence-opening "he"/"she" and the name it was resolved to
        self.acronyms = self._acronyms()
        for token in doc:
            # "EAM held talks": the person the acronym stands for is named again
            if token.text in self.acronyms and self.acronyms[token.text][1] == "PERSON":
                self.person_mentions.append((token.i, doc[token.i: token.i + 1], token.dep_ in {"nsubj", "nsubjpass"}))
        self.person_mentions.sort(key=lambda m: m[0])
        self.named_at.sort()

    def _halves(self) -> dict[str, str]:
        """"defected to the South", "the North's ambassador": in a story about a divided country
        (one it names by its "North ..." or "South ..." name, whose other half is a state too: the
        Koreas, not South Africa), the North and the South are its halves."""
        found: dict[str, set[str]] = {}
        for ent in self.doc.ents:
            entry = self.gaz.lookup(ent.text) if ent.label_ in {"GPE", "NORP", "LOC"} else None
            country = entry.country if entry is not None else None
            for half, other in (("North", "South"), ("South", "North")):
                if country and country.startswith(half + " ") and self.gaz.lookup(other + " " + country.split(" ", 1)[1]) is not None:
                    found.setdefault(half, set()).add(country)
                    found.setdefault(other, set()).add(other + " " + country.split(" ", 1)[1])
        return {half: countries.pop() for half, countries in found.items() if len(countries) == 1}

    def place_name(self, text: str) -> str:
        """A place as the story means it: "the South" of a story about the Koreas is South Korea."""
        bare = text[4:] if text.lower().startswith("the ") else text
        return self.halves.get(bare, text)

    def _acronyms(self) -> dict[str, tuple[str, str]]:
        """Acronyms the article defines, and whom they stand for: "the Parbatya Chattagram Jana Samhati
        Samiti (PCJSS)", and an office's initials before its holder, "External Affairs Minister Dr. S.
        Jaishankar" ... "EAM held talks". Official prose names people so after the first mention."""
        doc = self.doc
        found: dict[str, tuple[str, str]] = {}
        for ent in doc.ents:
            if ent.label_ not in {"PERSON", "ORG"}:
                continue
            if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
                acronym = doc[ent.end + 1].text
                if acronym.isupper() and len(acronym) >= 2 and acronym != ent.text:
                    # a body, unless it is a person the gazetteer knows ("Mohammed bin Salman (MBS)")
                    known_person = ent.label_ == "PERSON" and self.gaz.lookup(ent.text) is not None
                    found.setdefault(acronym, (self.clean(ent.text), "PERSON" if known_person else "ORG"))
            if ent.label_ == "PERSON":
                office = []
                i = ent.start - 1
                while i >= 0 and (doc[i].text.endswith(".") and doc[i].text[:1].isupper() and len(doc[i]) <= 4):
                    i -= 1  # "Dr.", "Mr.", "H.E."
                while i >= 0 and doc[i].is_title and doc[i].pos_ in {"PROPN", "NOUN", "ADJ"} and doc[i].ent_type_ not in {"PERSON", "GPE"}:
                    office.insert(0, doc[i].text)
                    i -= 1
                initials = "".join(w[0] for w in office)
                if len(office) >= 2 and any(w.lower() in self.cues.person_nouns for w in office):
                    found.setdefault(initials, (self.clean(ent.text), "PERSON"))
        found = {acronym: target for acronym, target in found.items() if target[1] == "ORG" or any(t.text == acronym for t in doc)}
        return {**self._nicknames(), **found}

    def _nicknames(self) -> dict[str, tuple[str, str]]:
        """The names a person goes by that the article gives: "Joko Widodo, widely known as Jokowi", "Mohamed
        Hamdan Dagalo, known as Hemedti", "Mullah Krekar" for Najmuddin Faraj Ahmad. Without them the
        nickname is another person, who draws the pronouns the named one should."""
        doc = self.doc
        found: dict[str, tuple[str, str]] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            i = ent.end + (ent.end < len(doc) and doc[ent.end].text == ",")
            i += i < len(doc) and doc[i].lower_ in {"also", "better", "widely", "popularly", "commonly", "universally"}
            if i >= len(doc) or doc[i].lower_ not in {"known", "nicknamed"}:
                continue
            nicknamed = doc[i].lower_ == "nicknamed"
            i += 1
            while i < len(doc) and not nicknamed and doc[i].lower_ != "as" and doc[i].dep_ in {"prep", "pobj", "advmod"} and i - ent.end < 6:
                i += 1  # "known at home as", "known locally as"
            i += i < len(doc) and doc[i].lower_ == "as"
            i += i < len(doc) and doc[i].is_quote
            words = []
            while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].is_title and len(words) < 3:
                words.append(doc[i].text)
                i += 1
            if words:
                found.setdefault(" ".join(words), (self.clean(ent.text), "PERSON"))
        return found

    def _described_as_person(self, ent: Span) -> bool:
        """"Nadine Heredia, the wife of ...", "Haiti's ousted president, Jean-Bertrand Aristide": a
        name the model took for an organisation is a person's when an apposition says who he or she
        is (an office or a kinship; not "the council", "the team", which organisations are too)."""
        nouns = self.cues.person_appositives
        root = ent.root
        if root.dep_ == "appos" and root.head.lemma_.lower() in nouns and root.head.i < ent.start:
            return True
        return any(c.dep_ == "appos" and c.lemma_.lower() in nouns and c.i > root.i for c in root.children)

    def clean(self, text: str) -> str:
        """Drop titles in front ("President"), a possessive behind, quotes around."""
        text = text.strip(" \"“”'‘’,")
        if text.endswith(".") and not re.search(r"(?:^|[\s.])[A-Za-z]\.$", text):
            text = text[:-1]  # a full stop, not the last dot of "U.S." or "U.N."
        # "Assad’s Baathist": the small model runs a name into what follows its possessive;
        # not "Tigray People's Liberation Front", whose possessive is part of the name
        head, *rest = re.split(r"['’]s\b", text)
        if not (rest and set(words(rest[-1])) & self.cues.org_head_words):
            text = head.strip()
        lowered = text.lower()
        changed = True
        while changed:
            changed = False
            for title in self.cues.titles:
                # (a title for two, "Prime Ministers Vajpayee and Sharif", in the plural)
                for form in (title + " ", title + "s "):
                    if lowered.startswith(form) and len(text) > len(form):
                        text = text[len(form):].strip()
                        lowered = text.lower()
                        changed = True
        if lowered.startswith("the "):
            text = text[4:]
        return text.strip()

    def _affiliation(self, ent: Span) -> str | None:
        """The organisation a person acts for, when the article says so: "Fatah's chief negotiator,
        X", "her MILF counterpart, Y" (an organisation the gazetteer does not tie to a state)."""
        root = ent.root
        holder = root.head if root.dep_ == "appos" else None
        candidates = list(holder.children) if holder is not None else []
        start = ent.start
        while start > max(ent.start - 4, 0) and self.doc[start - 1].pos_ not in {"ADP", "VERB", "AUX", "PUNCT", "CCONJ"}:
            start -= 1  # ("signed at the Villa Madama by Cardinal Casaroli": the place is no side of his)
        candidates += list(self.doc[start: ent.start])
        for token in candidates:
            org = next((e for e in self.doc.ents if e.start <= token.i < e.end and e.label_ == "ORG"), None)
            if org is None or token.dep_ not in {"poss", "compound", "nmod"}:
                continue
            after = self.doc[org.end] if org.end < len(self.doc) else None
            if after is not None and (after.lower_ in self.cues.person_nouns or after.lemma_.lower() in self.cues.person_nouns):
                continue  # "Home Secretary Priti Patel", "Justice and Human Rights Minister X": an office, not a side
            if any(t.lemma_.lower() in self.cues.person_nouns for t in org):
                continue  # "the High Representative for Foreign Affairs, Federica Mogherini": an office too
            entry = self.gaz.lookup(org.text)
            if entry is None or entry.country is None:
                return org.text
        return None

    def _context(self, ent: Span) -> tuple[str | None, set[str]]:
        """The country and titles the article gives a person ("Syria's President X")."""
        country = None
        titles: set[str] = set()
        root = ent.root
        # the words right before the name, up to another name or a conjunction:
        # "Syria's President Ahmed al-Sharaa", not "US President Trump and" before Kim
        around = []
        i = ent.start - 1
        sent_start = ent.sent.start  # not "... since the revolution of 1979. Shinzo Abe's arrival": Iran is the last sentence's
        while i >= sent_start and ent.start - i <= 8:
            token = self.doc[i]
            # (not "the Chancellor and Mazowiecki signed": the name itself after the "and", so two people)
            inside_title = token.lower_ == "and" and i > 0 and self.doc[i - 1].is_title and self.doc[i - 1].ent_type_ not in {"PERSON", "GPE", "NORP"} and self.doc[i + 1].is_title \
                and i + 1 < ent.start
            if (token.lower_ in {"and", ",", ";", "(", "with", "between", "by"} and not inside_title) or (token.ent_type_ == "PERSON" and token.i < ent.start):
                break  # not "Justice and Human Rights Minister X", an office in two words; nor "a visit to Cairo by Prince X"
            if token.pos_ in {"VERB", "AUX"} and token.dep_ != "amod":
                break  # "The Indian leader had met Vice President Kamala Harris": the title is hers, the subject's is not
            around.append(token)
            i -= 1
        if root.dep_ == "appos":
            head = root.head
            around += [t for t in head.subtree if t.i <= head.i and not (t.ent_type_ == "PERSON") and t.i >= head.left_edge.i]
        around += [t for child in root.children if child.dep_ == "appos" for t in child.subtree if t.ent_type_ != "PERSON"]
        # "President Mohammad Ayub Khan of Pakistan": the state after the name
        around += [o for child in root.children if child.dep_ == "prep" and child.lower_ == "of" for o in child.children if o.dep_ == "pobj" and o.ent_type_ == "GPE"]
        # "Amir Sheikh Tamim", "HE Abdel Fattah El-Sisi": offices and forms of address inside the name
        around += [t for t in ent if t.i < ent.end - 1 and (t.lower_ in self.cues.titles or honorific_key(t, self.cues))]
        for token in around:
            key = honorific_key(token, self.cues)
            if key:
                titles.add(key)  # "His Royal Highness Prince Mohammed": whom "His Royal Highness" then means
            lower = token.lower_
            if lower in self.cues.person_nouns or token.lemma_.lower() in self.cues.person_nouns or (token.i >= ent.start and lower in self.cues.titles):
                titles.add(token.lemma_.lower())
            if lower in TITLE_MODIFIERS:
                titles.add(lower)
            token_ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
            entry = self.gaz.lookup(token_ent.text if token_ent is not None else token.text) or self.gaz.lookup(token.text)
            if entry is not None and (entry.kind in {"GPE", "NORP"} or entry.category == "institution") and entry.country and not country:
                country = entry.country
            elif entry is None and not country and token.ent_type_ == "GPE" and token.dep_ == "poss":
                # "Syria's President ...": a state the gazetteer does not list, named in full
                ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
                country = ent.text if ent is not None else token.text
        return country, titles

    def canonical_person(self, name: str, at: int | None = None) -> str:
        """The most complete person mention of the article that contains `name`.

        When the name is part of two people's ("Kim" in Kim Jong Un and Kim Dae-jung), a bare
        surname means the one named last before it (or, with no position, the one named first).
        """
        candidates = [form for form in self.person_forms if len(form) > len(name) and contains_words(form, name)]
        complete = [form for form in candidates if not any(len(other) > len(form) and contains_words(other, form) for other in candidates)]
        if len(complete) > 1 and at is not None:
            before = [form for i, form in reversed(self.named_at) if i < at and form in complete]
            if before:
                return before[0]
        return complete[0] if complete else name

    def is_person(self, name: str) -> bool:
        entry = self.gaz.lookup(name)
        if entry is not None and entry.kind == "PERSON":
            return True
        return any(contains_words(form, name) for form in self.person_forms)

    def link(self, party: PartyRef, exclude: set[str] = frozenset()) -> LinkedName | None:
        kind = party.kind
        if kind == "PRON":
            resolved = self.resolve_pronoun(party.start, exclude)
            return self.link(resolved) if resolved is not None else None
        if kind == "TITLE":
            return self.resolve_title(party)
        if kind == "GROUP":
            return None
        if kind == "NORPGROUP":
            return LinkedName(party.text, "NORP", party.country_hint, "g:" + " ".join(words(party.text)))
        name = self.clean(party.text)
        if name in getattr(self, "acronyms", {}):  # (none yet while the linker is being built)
            name, kind = self.acronyms[name]  # "EAM" for External Affairs Minister Jaishankar, "PCJSS"
        if not name or name.lower() in {"he", "she", "they", "it"} or name.lower() in self.cues.not_parties:
            return None  # a pronoun left over, or who carries the news ("Twitter", "Reuters")
        name = self.place_name(name) if kind in {"GPE", "LOC", "ORG", "NORP"} else name
        entry = self.gaz.lookup(name)
        if kind in {"ORG", "PERSON", "GPE", "NORP"} and self.is_person(name) and not (entry is not None and entry.kind in {"GPE", "NORP"}):
            full = self.canonical_person(name, party.start)
            raw = party.text.strip(" \"“”'‘’,")
            titled = self.gaz.lookup(raw) if name != raw else None
            if titled is not None and titled.kind == "PERSON" and (self.gaz.lookup(full) or titled).key != titled.key:
                # "King Salman" in a story that also names Mohammed bin Salman: the king, whom the
                # gazetteer knows by his title, not the longer name that holds the word "Salman"
                # (named as the article names him, "King Salman", which is the name's most complete form there)
                return LinkedName(raw, "PERSON", titled.country, "p:" + " ".join(words(titled.name)))
            country = self.person_country.get(fold(full)) or self.person_country.get(fold(name))
            gaz_entry = self.gaz.lookup(full) or entry
            if country is None and gaz_entry is not None and gaz_entry.kind == "PERSON":
                country = gaz_entry.country
            return LinkedName(full, "PERSON", country, "p:" + " ".join(words(full)))
        if entry is not None:
            country = entry.country
            kind = entry.kind
            if kind == "NORP" and country:
                # a bare demonym standing for a state ("the Uruguayan embassy" -> Uruguay)
                return LinkedName(country, "GPE", country, "c:" + country)
            if country and entry.category in {"country", "capital", "institution"}:
                return LinkedName(name, kind, country, "c:" + country)
            if entry.category == "institution" and any(w.islower() and w not in {"of", "for", "and", "the"} for w in name.split()):
                name = entry.name  # "the U.N. nuclear watchdog" is the IAEA, by the name it is queried by
            return LinkedName(name, kind, country, ("c:" + country) if country and kind == "GPE" else "o:" + " ".join(words(entry.name)))
        if kind == "PERSON":
            return LinkedName(name, kind, None, "p:" + " ".join(words(name)))
        return LinkedName(name, kind, None, "o:" + " ".join(words(name)))

    def state_as_named(self, name: str) -> str:
        """A state the story does not name outright (the country of "London", of a demonym, of a leader)
        is named as the story names it elsewhere: "Britain", when the story never writes "United
        Kingdom". Acronyms ("UK") are not a fuller form of a name."""
        entry = self.gaz.lookup(name)
        if entry is None or entry.category != "country" or entry.name != name or _written(name, self.text):
            return name
        written = [alias for alias in self.gaz.country_names.get(name, []) if not alias.isupper() and _written(alias, self.text)]
        return max(written, key=len) if written else name

    def link_state_of(self, party: PartyRef) -> LinkedName | None:
        """"his country", "her government": the state of the person the pronoun is, and under
        a verb of saying that is the sayer ("Ortega said his country would ...")."""
        if party.kind == "PERSON":
            person = self.link(party)
            return LinkedName(person.country, "GPE", person.country, "c:" + person.country) if person is not None and person.country else None
        pronoun = self.doc[party.start]
        person = None
        for ancestor in pronoun.ancestors:
            if ancestor.lemma_.lower() in self.cues.statement_verbs:
                subject = next((c for c in ancestor.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
                if subject is not None and (subject.ent_type_ == "PERSON" or self.is_person(subject.text)):
                    ent = next((e for e in self.doc.ents if e.start <= subject.i < e.end), None)
                    span = ent if ent is not None else self.doc[subject.i: subject.i + 1]
                    person = self.link(PartyRef(span.text, "PERSON", start=span.start, end=span.end))
                break
        if person is None:
            resolved = self.resolve_pronoun(party.start)
            person = self.link(resolved) if resolved is not None else None
        if person is None or not person.country:
            return None
        return LinkedName(person.country, "GPE", person.country, "c:" + person.country)

    def resolve_pronoun(self, token_i: int, exclude: set[str] = frozenset()) -> PartyRef | None:
        """"he" is the most salient person so far: named often, named lately, the subject.

        Salience rather than the nearest name: in "Quito revoked his asylum"
        after a sentence about a judge, "his" is the article's protagonist.
        Parties already in the same mention are excluded: a grantor is not
        his own recipient.
        """
        sent = self.doc[token_i].sent
        # "She also held a bilateral meeting with Carney": not a man the article calls "he"
        exclude = set(exclude) | self.other_gender(self.doc[token_i].lower_)
        if self.doc[token_i].lower_ in GENDER_OF_PRONOUN:
            exclude |= self._turn_speaker(token_i)
        pronoun = self.doc[token_i]
        speaker = self._speaker_of(pronoun, exclude) or self._traveller_of(pronoun, exclude) or self._main_clause_subject(pronoun, exclude) \
            or self._subject_before(pronoun, exclude) or self._same_object_before(pronoun, exclude) or self.one_argument_before(pronoun, exclude)
        if speaker is not None:
            return speaker
        scores: dict[str, float] = {}
        latest: dict[str, int] = {}
        spans: dict[str, Span] = {}
        possessors: dict[str, Span] = {}
        titles: dict[str, Span] = {}
        # "Carney said Russia had granted him asylum": whoever speaks is not the "him"
        speakers = self.speakers_of(token_i) if self.doc[token_i].dep_ not in {"nsubj", "nsubjpass"} else set()
        turn = self._turn_of(token_i)
        spoken = False
        for i, span, is_subject in self.person_mentions:
            linked = self.link(PartyRef(span.text, "PERSON", start=span.start, end=span.end))
            if linked is None or linked.key in exclude:
                continue
            if linked.key in speakers:
                spoken = spoken or i < token_i
                continue
            if i >= token_i:
                # the article's protagonist is named again later too
                if linked.key in scores:
                    scores[linked.key] += 0.5
                continue
            if self._told_as_possessor(span) or (span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN"):
                # "Correa's successor", "the Duterte slot": named to describe something else, unless no one else
                # is named ("Edward Snowden's search ... turned down his requests")
                if span.root.head.lemma_.lower() not in self.cues.institution_nouns:  # not "Trudeau's government"
                    possessors.setdefault(linked.key, span)
                    if linked.key in scores:
                        # ("soldiers were sent to García's house": the one already named stays in view)
                        scores[linked.key] += 1.0
                        latest[linked.key] = i
                continue
            score = _salience(span, sent, is_subject)
            if span.sent.start != sent.start and sent.start - span.sent.start < 60 and self._turn_of(span.start) != turn:
                score -= 1.0  # (named in an earlier turn of a transcript: each answer takes up its own people)
            scores[linked.key] = scores.get(linked.key, 0.0) + score
            latest[linked.key] = i
            spans[linked.key] = span
        for i, span, is_subject, linked in self.title_mentions:
            # "The Shah flies to Contadora ... Mexico refuses him asylum": a person called by a title of his own
            # is in view as much as one named (the span of a name is kept for the answer where there is one)
            if i >= token_i or linked.key in exclude or linked.key in speakers:
                continue
            scores[linked.key] = scores.get(linked.key, 0.0) + _salience(span, sent, is_subject)
            latest[linked.key] = max(latest.get(linked.key, -1), i)
            titles.setdefault(linked.key, span)
        for i, span in self._subject_chain(token_i):
            # "Honecker spent ten years in Nazi prisons ... He pushed Ulbricht aside ... Kohl received him":
            # each "he" that carried the story on is that person named again
            linked = self.link(PartyRef(span.text, "PERSON", start=span.start, end=span.end))
            if linked is None or linked.key in exclude or linked.key in speakers or linked.key not in scores:
                continue
            at = self.doc[i].sent.start
            scores[linked.key] += 1.0
            latest[linked.key] = max(latest[linked.key], i)
        if not scores:
            if len(possessors) == 1:
                span = next(iter(possessors.values()))
            elif not possessors and not spoken:
                # "A Saudi teenager ... after Canada granted her asylum. Rahaf al-Qunun, 18, walked out":
                # a lead that describes before it names is about the subject named next
                span = self._named_next(token_i, exclude)
                if span is None:
                    return None
            else:
                return None  # not the speaker: "Chowdhry said the government refused to grant her asylum"
            return PartyRef(span.text, "PERSON", start=span.start, end=span.end)
        titled = self._title_subject(sent, token_i)
        if titled is not None and titled.key in scores and titled.key not in exclude:
            # "The Syrian leader flew to Ankara from Riyadh, where he had been received": the subject
            # the sentence names by title is its "he", as much as one it names by name
            scores[titled.key] += 3.0
        best = max(scores, key=lambda k: (scores[k], latest[k]))
        women = [k for k in scores if self._gender_of(k) == "f"]
        if GENDER_OF_PRONOUN.get(self.doc[token_i].lower_) == "f" and len(women) == 1:
            # "Janet Yellen ended her China trip ... She met Premier Li Qiang": of the people in view, the one
            # woman the article shows as such (in this news most people of unknown gender are men)
            best = women[0]
        if best not in spans:
            span = titles[best]
            return PartyRef(span.text, "TITLE", start=span.start, end=span.end, title=span.root.lemma_.lower())
        span = spans[best]
        return PartyRef(span.text, "PERSON", start=span.start, end=span.end)

    @cached_property
    def text(self) -> str:
        """The article's text, built once (spaCy builds `doc.text` anew on every access)."""
        return self.doc.text

    @cached_property
    def title_mentions(self) -> list[tuple[int, Span, bool, LinkedName]]:
        """The places the article calls a person by a title one person holds in the story, capitalised
        and alone ("the Shah", "The King", "the Pope"; not "the King of Jordan's envoy", not "the Pope's
        visit" nor "King Abdullah", which names him), each with the person it resolves to."""
        found = []
        for token in self.doc:
            if not token.text[:1].isupper() or token.lemma_.lower() not in self.cues.distinct_titles or token.ent_type_ == "PERSON":
                continue
            # ("the former Shah", "the late King": a title one held is his as much)
            article = token.i - 2 if token.i > 1 and self.doc[token.i - 1].lower_ in {"former", "late"} else token.i - 1
            if article < 0 or self.doc[article].lower_ != "the" or token.dep_ in {"compound", "poss"}:
                continue
            if token.i + 1 < len(self.doc) and (self.doc[token.i + 1].pos_ == "PROPN" or self.doc[token.i + 1].tag_ == "POS"):
                continue
            linked = self.resolve_title(PartyRef(token.text, "TITLE", start=token.i, end=token.i + 1, title=token.lemma_.lower()))
            if linked is not None and linked.kind == "PERSON":
                found.append((token.i, self.doc[token.i: token.i + 1], token.dep_ in {"nsubj", "nsubjpass"}, linked))
        return found

    def _turn_of(self, token_i: int) -> int:
        """Which turn of a transcript a token is in (-1 before the first, or in an article with none)."""
        return bisect_right(self.turn_starts, self.doc[token_i].idx) - 1

    def _turn_speaker(self, token_i: int) -> set[str]:
        """"SECRETARY RUBIO: ... President Zelensky came here yesterday and met with him": whoever speaks
        a transcript's turn calls himself "I", so the turn's "he" and "him" are someone else."""
        at = self._turn_of(token_i)
        label = self.turns[at][1] if at >= 0 else None
        linked = self.link(PartyRef(label, "PERSON")) if label else None
        return {linked.key} if linked is not None and linked.kind == "PERSON" else set()

    def _subject_chain(self, before: int) -> list[tuple[int, Span]]:
        """The sentence subjects "he" and "she" before a token, each with the name it was resolved to
        (resolved in order, once: each is read as the story has been told up to it)."""
        found = []
        for token in self.doc[:before]:
            if token.lower_ not in {"he", "she"} or token.dep_ not in {"nsubj", "nsubjpass"} or not self._carries_story_on(token):
                continue
            if token.i not in self._chain:
                self._chain[token.i] = None  # (while it is being resolved: no pronoun counts itself)
                ref = self.resolve_pronoun(token.i)
                self._chain[token.i] = self.doc[ref.start: ref.end] if ref is not None and ref.start >= 0 else None
            if self._chain[token.i] is not None:
                found.append((token.i, self._chain[token.i]))
        return found

    def _carries_story_on(self, token) -> bool:
        """"He pushed Ulbricht aside in 1971": a sentence that opens on its subject pronoun and names no
        one else as a subject goes on with whom the story was about."""
        sent = token.sent
        opening = next((t for t in sent if not t.is_punct and t.dep_ not in {"cc", "advmod"}), None)
        return opening is not None and opening.i == token.i and not any(
            s.start < sent.end and s.end > sent.start and s.root.dep_ in {"nsubj", "nsubjpass"} for _, s, _ in self.person_mentions)

    def _title_subject(self, sent: Span, before: int) -> LinkedName | None:
        """The person a sentence's subject names by office and state ("the Syrian leader"), before a token."""
        for token in sent:
            if token.i >= before:
                break
            if token.dep_ not in {"nsubj", "nsubjpass"} or token.lemma_.lower() not in self.cues.person_nouns or token.ent_type_:
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                continue
            for child in token.children:
                country = self.gaz.country_of(child.text) if child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE"} else None
                if country:
                    linked = self.resolve_title(PartyRef(token.text, "TITLE", start=token.i, end=token.i + 1, country_hint=country, title=token.lemma_.lower()))
                    return linked if linked is not None and linked.kind == "PERSON" else None
        return None

    def _next_sentence(self, token_i: int) -> Span | None:
        end = self.doc[token_i].sent.end
        return self.doc[end].sent if end < len(self.doc) else None

    def _named_in_next_sentence(self, token_i: int) -> list[tuple[Span, bool]]:
        """The person mentions (and whether each is a subject) of the sentence after a token's."""
        following = self._next_sentence(token_i)
        if following is None:
            return []
        return [(span, is_subject) for i, span, is_subject in self.person_mentions if following.start <= i < following.end]

    def persons_named_next(self, token_i: int) -> list[LinkedName]:
        """Distinct people named in the sentence after a token's, in order."""
        order: dict[str, LinkedName] = {}
        for span, _ in self._named_in_next_sentence(token_i):
            linked = self.link(PartyRef(span.text, "PERSON", start=span.start, end=span.end))
            if linked is not None:
                order.setdefault(linked.key, linked)
        return list(order.values())

    def bodies_named_next(self, token_i: int) -> list[LinkedName]:
        """Distinct organisations named in the sentence after a token's, in order (an acronym in
        brackets after a name is that name)."""
        following = self._next_sentence(token_i)
        if following is None:
            return []
        order: dict[str, LinkedName] = {}
        for ent in following.ents:
            if ent.label_ != "ORG" or ent.start > 0 and self.doc[ent.start - 1].text == "(":
                continue
            of = ent.root.head if ent.root.dep_ == "pobj" and ent.root.head.lower_ == "of" else None
            if of is not None and (of.head.lemma_.lower() in self.cues.person_nouns or of.head.pos_ == "NOUN") and of.head.lemma_.lower() not in {"representative", "delegate", "delegation"}:
                continue  # "the current chairman of ECOWAS", "the Minister of Territorial Administration": an office
            linked = self.link(PartyRef(ent.text, "ORG", start=ent.start, end=ent.end))
            if linked is not None:
                order.setdefault(linked.key, linked)
        return list(order.values())

    def _named_next(self, token_i: int, exclude: set[str]) -> Span | None:
        """The subject named in the sentence after a lead that names no one."""
        for span, is_subject in self._named_in_next_sentence(token_i):
            if is_subject:
                linked = self.link(PartyRef(span.text, "PERSON", start=span.start, end=span.end))
                if linked is not None and linked.key not in exclude:
                    return span
        return None

    def protagonist(self, exclude: set[str] = frozenset()) -> LinkedName | None:
        """The person the article names most often (the first named, of equals): who "the
        41-year-old Australian" is when no one else is described by that nationality."""
        counts: dict[str, int] = {}
        first: dict[str, LinkedName] = {}
        for _, span, _ in self.person_mentions:
            linked = self.link(PartyRef(span.text, "PERSON", start=span.start, end=span.end))
            if linked is None or linked.key in exclude:
                continue
            counts[linked.key] = counts.get(linked.key, 0) + 1
            first.setdefault(linked.key, linked)
        if not counts:
            return None
        return first[max(counts, key=lambda k: (counts[k], -list(first).index(k)))]

    def other_gender(self, pronoun: str) -> set[str]:
        """The people the article shows to be of the other gender than a pronoun's."""
        wanted = GENDER_OF_PRONOUN.get(pronoun)
        if wanted is None:
            return set()
        return {key for key, gender in self._known_genders().items() if gender != wanted}

    def _gender_of(self, key: str) -> str | None:
        return self._known_genders().get(key)

    def _known_genders(self) -> dict[str, str]:
        """The genders the article shows, read when a pronoun first needs them."""
        if self._genders is None:
            self._genders = self._read_genders()
        return self._genders

    def _read_genders(self) -> dict[str, str]:
        """Each person's gender, where the article shows it: a form of address ("Mr", "Queen") before
        the name, or the pronouns of the sentences that name that person and no one else (and of the
        sentence after, if it names no one). A person with no such evidence, or mixed, has none."""
        counts: dict[str, dict[str, float]] = {}
        sents = list(self.doc.sents)
        named: dict[int, set[str]] = {}
        given: dict[str, str | None] = {}
        for i, span, _ in self.person_mentions:
            linked = self.link(PartyRef(span.text, "PERSON", start=span.start, end=span.end))
            if linked is None:
                continue
            address = self.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
            if address in ADDRESS_GENDER:
                counts.setdefault(linked.key, {"m": 0, "f": 0})[ADDRESS_GENDER[address]] += 3  # "Mr Trump": stronger than a pronoun
            if linked.key not in given:
                # "Margaret Thatcher": the given name, weaker than any pronoun the article uses of the person alone
                # (counted once a person): "Ai Weiwei ... his plan" is a man, though "Ai" is a woman's name in Japan
                given[linked.key] = given_name_gender(linked.name)
                if given[linked.key]:
                    counts.setdefault(linked.key, {"m": 0, "f": 0})[given[linked.key]] += 0.5
            named.setdefault(span.sent.start, set()).add(linked.key)
        for n, sent in enumerate(sents):
            people = named.get(sent.start, set())
            if len(people) != 1:
                continue
            key = next(iter(people))
            following = sents[n + 1] if n + 1 < len(sents) and not named.get(sents[n + 1].start) else None
            for token in [*sent, *(following or [])]:
                gender = GENDER_OF_PRONOUN.get(token.lower_)
                if gender:
                    counts.setdefault(key, {"m": 0, "f": 0})[gender] += 1
        return {key: ("m" if c["m"] > c["f"] else "f") for key, c in counts.items() if c["m"] != c["f"]}

    def _speaker_of(self, pronoun, exclude) -> PartyRef | None:
        """"Merkel said she had spoken to Essebsi": a subject pronoun under a verb of saying is the sayer."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.lower_ not in {"he", "she"}:
            return None
        for ancestor in pronoun.ancestors:
            if ancestor.lemma_.lower() in self.cues.statement_verbs | {"hope", "think", "believe", "insist", "deny", "promise", "vow", "pledge"}:
                for child in ancestor.children:
                    if child.dep_ == "nsubj" and child.i < pronoun.i and (child.ent_type_ == "PERSON" or self.is_person(child.text)):
                        ent = next((e for e in self.doc.ents if e.start <= child.i < e.end), None)
                        span = ent if ent is not None else self.doc[child.i: child.i + 1]
                        if span is not None:
                            ref = PartyRef(span.text, "PERSON", start=span.start, end=span.end)
                            linked = self.link(ref)
                            if linked is not None and linked.key not in exclude:
                                return ref
                return None
        return None

    def _main_clause_subject(self, pronoun, exclude) -> PartyRef | None:
        """"Trump flies to South Korea on Wednesday, where he will meet Lee", "Khan landed in Moscow,
        where he met Putin": the subject of a clause told of the place or time of a main clause is
        that clause's subject, when it is a person named by name."""
        clause = _relative_clause_of(pronoun)
        if clause is None:
            return None
        # ("paid an official visit to the DPRK, during which he held talks with Ri": a time told by "which")
        if not any((c.dep_ == "advmod" and c.lower_ in {"where", "when"})
                   or (c.dep_ == "prep" and any(o.dep_ == "pobj" and o.lower_ == "which" for o in c.children)) for c in clause.children):
            return None
        verb = clause.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i and verb.dep_ in {"pobj", "prep", "npadvmod", "dobj"}:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i), None)
        if subject is not None and subject.ent_type_ != "PERSON":
            # "Deputy Prime Minister and Foreign Minister Phạm Bình Minh paid": the parser makes the named one
            # a second thing the first title is
            subject = next((c for c in subject.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"), subject)
        return self.person_at(subject, exclude) if subject is not None else None

    def _subject_before(self, pronoun, exclude) -> PartyRef | None:
        """"US President George W. Bush, who is in Senegal today, has said Taylor must leave. He is scheduled to
        hold talks with Obasanjo": the subject of a sentence's main clause that a "he" opens is the person the
        sentence before has as its own, named there, whoever the story is most about."""
        if pronoun.lower_ not in {"he", "she"} or pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.head.dep_ != "ROOT" \
                or any(c.dep_ == "conj" for c in pronoun.children):
            return None  # (not "He and President Kuchma are to sign")
        sent = pronoun.sent
        if any(t.is_alpha for t in self.doc[sent.start: pronoun.i]) or sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        subject = next((c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children):
            return None  # (not "Prime Ministers Chernomyrdin and Lazarenko are to sign ... He")
        return self.person_at(subject, exclude)

    def _same_object_before(self, pronoun, exclude) -> PartyRef | None:
        """"Sir Geoffrey Howe received him in London, while Margaret Thatcher refused to see him": an object
        "him" after another in the same sentence, of another verb, is the same person (read as the first
        is, apart from that verb's own subject)."""
        if pronoun.lower_ not in {"him", "her"} or pronoun.dep_ not in {"dobj", "dative"}:
            return None
        first = next((t for t in pronoun.sent if t.i < pronoun.i and t.lower_ == pronoun.lower_ and t.dep_ in {"dobj", "dative"}
                      and t.head.i != pronoun.head.i), None)
        if first is None:
            return None
        own = set()
        subjects = [c for c in first.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for subject in subjects + [a for s in subjects for a in s.children if a.dep_ == "appos"]:
            ref = self.person_at(subject, set())
            linked = self.link(ref) if ref is not None else None
            if linked is not None:
                own.add(linked.key)
        ref = self.resolve_pronoun(first.i, own)
        linked = self.link(ref) if ref is not None else None
        return ref if linked is not None and linked.key not in exclude else None

    def one_argument_before(self, pronoun, exclude) -> PartyRef | None:
        """"In February 1997 Congress removed Abdalá Bucaram and Panama gave him asylum", "When the deposed
        Shah, Mohammad Reza Pahlavi, had to leave the United States, Panama granted him asylum": an object
        "him" after one person, and one only, the same sentence has as the subject or object of a clause
        of its own is that person, however much the article is about someone else. (Never the subject of
        the pronoun's own verb, nor whoever reports the clause.)"""
        if pronoun.lower_ not in {"him", "her"} or pronoun.dep_ not in {"dobj", "dative", "pobj"}:
            return None
        verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
        own_subjects = {c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}}
        speakers = self.speakers_of(pronoun.i)
        governing = set()  # the clauses the pronoun's sits inside, not those it is coordinated with
        token = pronoun
        while token.dep_ != "conj" and token.head.i != token.i:
            token = token.head
            governing.add(token.i)
        found: dict[str, Span] = {}
        others: set[str] = set()  # anyone else the sentence names before it leaves the "him" open
        titled = [(i, span, linked) for i, span, _, linked in self.title_mentions]
        for i, span, linked in [(i, span, None) for i, span, _ in self.person_mentions] + titled:
            # (a person called by a title is in view as much as one named: "the Shah was flown to Contadora,
            # where the Panamanian government had agreed to give him refuge" after Torrijos was named)
            if span.sent.start != pronoun.sent.start or i >= pronoun.i:
                continue
            linked = linked or self.link(PartyRef(span.text, "PERSON", start=span.start, end=span.end))
            if linked is None or linked.key in speakers or linked.key in self.other_gender(pronoun.lower_):
                continue
            root = span.root
            role = root.head.dep_ if root.dep_ == "appos" else root.dep_
            holder = root.head if root.dep_ == "appos" else root
            clause = holder.head
            if holder.i in own_subjects:
                continue
            if role not in {"nsubj", "nsubjpass", "dobj"} or clause.i == verb.i or clause.dep_ == "relcl" or clause.i in governing or any(
                    c.lower_ in {"him", "her"} for c in clause.children if c.dep_ in {"dobj", "dative"}):
                # not "Libya, whose leader Gaddafi had been among his allies", nor "Ricardo Patino confirms
                # that Quito has received a request from him", nor "Johnson received him, and Macron met him"
                others.add(linked.key)
                continue
            found.setdefault(linked.key, span)
        if others - set(found):
            return None
        if len(found) != 1 or next(iter(found)) in exclude:
            return None
        span = next(iter(found.values()))
        if span.label_ != "PERSON":
            return PartyRef(span.text, "TITLE", start=span.start, end=span.end, title=span.root.lemma_.lower())
        return PartyRef(span.text, "PERSON", start=span.start, end=span.end)

    def _traveller_of(self, pronoun, exclude) -> PartyRef | None:
        """"since Rajiv Gandhi's visit to Beijing in 1988, when he held talks with Deng", "concluded a
        visit to Islamabad during which he held talks with Imran Khan": the subject of a clause told of
        a visit is the one who made it."""
        clause = _relative_clause_of(pronoun)
        if clause is None:
            return None
        visit = clause.head
        if visit.lemma_.lower() not in {"visit", "trip", "tour", "stay", "journey"}:
            return None
        candidates = [c for c in visit.children if c.dep_ == "poss"]
        if not candidates and visit.dep_ == "dobj":
            candidates = [c for c in visit.head.children if c.dep_ == "nsubj"]
        return next((ref for token in candidates if (ref := self.person_at(token, exclude)) is not None), None)

    def person_at(self, token, exclude) -> PartyRef | None:
        """The person the entity around `token` names, unless excluded."""
        ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        if ent is None or ent.label_ != "PERSON":
            return None
        ref = PartyRef(ent.text, "PERSON", start=ent.start, end=ent.end)
        linked = self.link(ref)
        return ref if linked is not None and linked.key not in exclude else None

    def _last_titles(self, person: str, before: int) -> set[str]:
        """The titles the article gives a person where it last names them before a point."""
        spans = [span for i, span, _ in self.person_mentions if i < before and self.canonical_person(self.clean(span.text)) == person]
        return self._context(spans[-1])[1] if spans else set()

    def resolve_title(self, party: PartyRef) -> LinkedName | None:
        """"the Syrian president": the one person of that country (with that title, if known)."""
        country = party.country_hint
        people = list(dict.fromkeys(self.canonical_person(f) for f in self.person_forms))
        if country is None and party.title:
            # "the crown prince", "the pope": the one person the article gives that title
            wanted = set(party.title.split())
            titled = [f for f in people if wanted <= self.person_titles.get(fold(f), set())]
            if wanted == {"head"}:
                # "the Head of State": whoever the article titles a head of state or government
                titled = [f for f in people if self.person_titles.get(fold(f), set()) & (HEAD_TITLES - {"leader"})]
            if wanted == {"secretary"}:
                # "the secretary of state": not a general secretary, a secretary-general or a press secretary
                titled = [f for f in titled if not self.person_titles.get(fold(f), set()) & {"general", "press"}]
            if len(titled) > 1 and not wanted & {"vice", "deputy"}:
                # "Premier Zhou Enlai and Vice-Premier Chen Yi ... the Premier": not the one who stands in, as
                # last named (a vice-president who has since become president is the president)
                titled = [f for f in titled if not self._last_titles(f, party.start) & {"vice", "deputy"}] or titled
            if len(titled) > 1:
                # "the prime minister will then fly on": of two prime ministers, the one the story last made its subject
                subjects = [self.canonical_person(self.clean(span.text)) for i, span, is_subject in self.person_mentions if is_subject and i < party.start]
                last_subject = [f for f in reversed(subjects) if f in titled][:1]
                if not last_subject and party.title in set(self.cues.honorifics.values()):
                    # "His Highness the Amir Sheikh Sabah returned ... His Highness held talks with King Salman":
                    # a form of address used alone is for the one the article first addressed so
                    first = [self.canonical_person(name) for i, name in self.named_at if i < party.start]
                    last_subject = [f for f in first if f in titled][:1]
                titled = last_subject
            if len(titled) == 1:
                return LinkedName(titled[0], "PERSON", self.person_country.get(fold(titled[0])), "p:" + " ".join(words(titled[0])))
            return None
        candidates = [form for form in people if self.person_country.get(fold(form)) == country]
        if party.title and party.title != "counterpart":
            wanted = set(party.title.split())
            if wanted == {"leader"}:
                titled = [f for f in candidates if self.person_titles.get(fold(f), set()) & HEAD_TITLES]
            else:
                titled = [f for f in candidates if wanted <= self.person_titles.get(fold(f), set())]
            if not titled and party.size != 0:
                # "his Afghan counterpart Dr Anwarul Haq Ahady ... the Afghan minister": the one person of that
                # country the article gives no other title
                titled = [f for f in candidates if not self.person_titles.get(fold(f), set()) - {"counterpart"}]
                titled = titled if len(titled) == 1 else []
            # "officials from India and Pakistan" are not the one Pakistani the article names
            if titled or "minister" in wanted or party.size == 0:
                candidates = titled
        named_after = party.end < len(self.doc) and self.doc[party.end].ent_type_ == "PERSON"
        if len(candidates) > 1 and not named_after:
            # "the Uzbek leader's visit" before the story names his late predecessor: who was named before
            # (not "then-prime minister Hailemariam Desalegn", whom the title introduces)
            before = {self.canonical_person(name) for i, name in self.named_at if i < party.start}
            if len([f for f in candidates if f in before]) == 1:
                candidates = [f for f in candidates if f in before]
        if len(candidates) == 1:
            full = candidates[0]
            return LinkedName(full, "PERSON", country, "p:" + " ".join(words(full)))
        if country:
            name = party.text if self.gaz.country_of(party.text) == country and party.text[:1].isupper() else country
            return LinkedName(name, "GPE", country, "c:" + country)
        return None

    def _people_named_before(self, token_i: int):
        """Each person mention before a token, linked, in text order."""
        for i, span, _ in self.person_mentions:
            if i >= token_i:
                break
            linked = self.link(PartyRef(span.text, "PERSON", start=span.start, end=span.end))
            if linked is not None:
                yield linked

    def _told_as_possessor(self, span: Span) -> bool:
        """"Putin's spokesman", "Correa's successor": a person named to say whose something is."""
        return span.root.dep_ == "poss" or (span.end < len(self.doc) and self.doc[span.end].tag_ == "POS")

    def persons_in_sentence_before(self, token_i: int) -> list[LinkedName]:
        """Distinct people the token's own sentence names before it, as themselves (not "Putin's spokesman"),
        other than whoever reports it."""
        sent = self.doc[token_i].sent
        speakers = self.speakers_of(token_i)
        found: dict[str, LinkedName] = {}
        for i, span, _ in self.person_mentions:
            if not sent.start <= i < token_i or self._told_as_possessor(span):
                continue
            linked = self.link(PartyRef(span.text, "PERSON", start=span.start, end=span.end))
            if linked is not None and linked.key not in speakers:
                found.setdefault(linked.key, linked)
        return list(found.values())

    def persons_before(self, token_i: int) -> list[LinkedName]:
        """Distinct people named before a token, in order of their last mention."""
        order: dict[str, LinkedName] = {}
        for linked in self._people_named_before(token_i):
            order.pop(linked.key, None)
            order[linked.key] = linked
        return list(order.values())

    @cached_property
    def mention_counts(self) -> dict[str, int]:
        """How often the story names each person, by linked key: who the story is about (counted once
        per article, however many mentions ask)."""
        counts: dict[str, int] = {}
        for linked in self._people_named_before(len(self.doc)):
            counts[linked.key] = counts.get(linked.key, 0) + 1
        return counts

    def pair_before(self, token_i: int, size: int = 2) -> list[LinkedName]:
        """The people last named together ("Araghchi and Witkoff spent two hours ...") in the few
        sentences before a token: who "the two men" are, rather than the last two names, which may be
        a go-between's ("while Oman's Albusaidi carried messages")."""
        sent = self.doc[token_i].sent
        by_root = {span.root.i: span for i, span, _ in self.person_mentions if sent.start <= i < token_i}
        for verb in self.doc[token_i].ancestors:
            # "Starmer handed Trump an invitation ... when the two met": the clause's subject and the one it acts on
            # ("Xi was received by King Salman ..., where the two signed": the one received and who received him)
            args = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"}]
            args += [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            pair = [by_root[c.i] for c in args if c.i in by_root]
            linked = self._distinct_people(pair, size) if size == 2 else []
            if linked:
                return linked
        starts = sorted({span.sent.start for i, span, _ in self.person_mentions if i < token_i and span.sent.start >= sent.start - 80})
        for start in reversed(starts):
            spans = [span for i, span, _ in self.person_mentions if i < token_i and span.sent.start == start]
            for span in reversed(spans):
                top = span.root
                while top.dep_ in {"conj", "appos", "compound", "nmod"} and top.head.i != top.i:
                    top = top.head
                phrase, frontier = set(), [top]
                while frontier:  # the noun phrase, without its prepositions and clauses
                    t = frontier.pop()
                    phrase.add(t.i)
                    frontier.extend(c for c in t.children if c.dep_ not in {"prep", "relcl", "acl", "advcl", "punct"})
                if not any(self.doc[i].lower_ == "and" for i in phrase):
                    continue
                group = [x for x in spans if x.root.i in phrase and x.root.dep_ != "poss"]  # not "Trump's envoy"
                linked = self._distinct_people(group, size)
                if linked:
                    return linked
        return []

    def _distinct_people(self, spans: list[Span], size: int) -> list[LinkedName]:
        """The people `spans` name, if they are `size` distinct people."""
        linked = [self.link(PartyRef(x.text, "PERSON", start=x.start, end=x.end)) for x in spans]
        return linked if len(spans) == size and all(linked) and len({n.key for n in linked}) == size else []

    def speakers_of(self, token_i: int) -> set[str]:
        """Who reports the clause a token sits in ("Fidan said the two sides had agreed ...")."""
        keys = set()
        for ancestor in self.doc[token_i].ancestors:
            if ancestor.lemma_.lower() in self.cues.statement_verbs:
                for child in ancestor.children:
                    if child.dep_ == "nsubj" and child.ent_type_ == "PERSON":
                        linked = self.link(PartyRef(child.text, "PERSON", start=child.i, end=child.i + 1))
                        if linked is not None:
                            keys.add(linked.key)
        return keys

    def persons_titled(self, title: str, before: int) -> list[LinkedName]:
        """People named before a token whose title the article gives as `title` ("the two presidents")."""
        # "the two premiers" are heads of government; "the two ministers" include a Secretary of State
        wanted = HEAD_TITLES if title in {"leader", "premier"} else {title, "secretary"} if title == "minister" else {title}
        # "the two presidents" are not a vice-president nor a former one; a press secretary or the
        # UN Secretary-General is no minister
        unwanted = {"vice", "deputy", "former"} | ({"press", "general", "party"} if title == "minister" else set())
        return [
            p for p in self.persons_before(before)
            if wanted & self.person_titles.get(fold(p.name), set()) and not self.person_titles.get(fold(p.name), set()) & unwanted
        ]

    def states_before(self, token_i: int) -> list[LinkedName]:
        """Distinct states named before a token, by their last mention ("the two countries")."""
        order: dict[str, LinkedName] = {}
        for ent in self.doc.ents:
            if ent.start >= token_i:
                break
            entry = self.gaz.lookup(ent.text)
            if entry is None or entry.category not in {"country", "capital", "demonym"} or not entry.country:
                continue
            linked = LinkedName(ent.text if entry.category == "capital" else entry.country, "GPE", entry.country, "c:" + entry.country)
            order.pop(linked.key, None)
            order[linked.key] = linked
        return list(order.values())

    def head_of(self, country: str) -> LinkedName | None:
        """The one person the article names as head of state or government of `country`."""
        heads = {
            full
            for full in (self.canonical_person(f) for f in self.person_forms)
            if self.person_country.get(fold(full)) == country and self.person_titles.get(fold(full), set()) & HEAD_TITLES
            and not self.person_titles.get(fold(full), set()) & {"vice", "deputy", "former"}
        }
        if len(heads) != 1:
            return None
        full = heads.pop()
        return LinkedName(full, "PERSON", country, "p:" + " ".join(words(full)))


def _written(name: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


def _relative_clause_of(pronoun):
    """The relative clause whose subject "he" or "she" is ("..., where he met Putin"), if it is one."""
    if pronoun.dep_ != "nsubj" or pronoun.lower_ not in {"he", "she"} or pronoun.head.dep_ != "relcl":
        return None
    return pronoun.head
