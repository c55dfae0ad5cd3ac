"""spaCy components of the extractor, registered with @Language.factory.

`newsevents_triggers` marks event triggers from the patterns in
data/triggers.jsonl (doc.spans["event_triggers"], the rule id in `kb_id_`).
`newsevents_mentions` turns each trigger into a `Mention` with its parties,
place, date words and modality (doc._.event_mentions). Linking names and
merging mentions into events needs the whole article and its publication
date, so it happens after the pipeline, in assemble.py.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from tasks.extract.agreements import build_agreement, ratified_by_legislature
from tasks.extract.arguments import TURN_LABEL, ArgumentFinder, record_turns
from tasks.extract.asylum import build_asylum, offer_made
from tasks.extract.cues import load_cues
from tasks.extract.dateline import line_starts
from tasks.extract.dates import HEADING_DAY, TIMELINE_ENTRY, is_calendar_word
from tasks.extract.factcheck import rate_claims
from tasks.extract.gazetteer import load_gazetteer
from tasks.extract.meetings import build_meeting, one_each
from tasks.extract.modality import find_modality

DATA = Path(__file__).parent / "data"
BUILDERS = {"meeting": build_meeting, "asylum": build_asylum, "agreement": build_agreement}

if not Doc.has_extension("event_mentions"):
    Doc.set_extension("event_mentions", default=None)


def load_trigger_rules(path: Path = DATA / "triggers.jsonl") -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class TriggerMatcher:
    def __init__(self, nlp: Language, rules_path: str):
        self.rules = {rule["id"]: rule for rule in load_trigger_rules(Path(rules_path))}
        self.matcher = Matcher(nlp.vocab)
        for rule in self.rules.values():
            self.matcher.add(rule["id"], [rule["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            rule_id = doc.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=self.rules[rule_id]["type"], kb_id=rule_id))
        doc.spans["event_triggers"] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc


@Language.factory("newsevents_triggers", default_config={"rules_path": str(DATA / "triggers.jsonl")})
def make_trigger_matcher(nlp: Language, name: str, rules_path: str) -> TriggerMatcher:
    return TriggerMatcher(nlp, rules_path)


NEXT_WORDS = {"then", "afterwards", "subsequently"}  # (not "later": "later that day" may tell the same event's day)
DASHES = {"-", "–", "—"}


def _spaced_dash(doc: Doc, token) -> bool:
    """A dash with a space on either side: between a heading and its words, never inside a name."""
    return token.text in DASHES and token.i > 0 and doc[token.i - 1].whitespace_ and bool(token.whitespace_)


SENTENCE_ENDS = {".", "!", "?", ":", '"', "”", "’", "'", ")"}
# labels the small model gives a person's name it takes for a building, a place, a thing or a text
NOT_NAME_LABELS = {"FAC", "LOC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"}


@Language.component("newsevents_model_bodies")
def keep_model_bodies(doc: Doc) -> Doc:
    """The model's organisations, kept before the gazetteer overwrites entities: the gazetteer's
    "Sudan" would otherwise cut "the Sudan People's Liberation Movement" down to a state, and the
    rebels who signed with Khartoum would vanish into Khartoum's own side."""
    doc.spans["model_bodies"] = [ent for ent in doc.ents if ent.label_ == "ORG"]
    return doc


@Language.component("newsevents_paragraphs")
def paragraphs_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence when the line before it ends one, or is a heading. The parser
    otherwise runs a flash, a timestamped entry or a roundup's item into the next line ("... asked for
    asylum.\nUPDATE – The officer is X"), and what is said of "the next sentence" lands on the wrong
    line. Hard-wrapped text ("United-Guardian Inc said it\nsigned a contract") breaks lines mid-sentence:
    those are no boundaries. A blank line is always one: no sentence runs on across a paragraph, and a
    press release's letterhead and headline, unpunctuated, would otherwise open its first sentence and
    lend it their "Press Office" and "City Hall" as parties."""
    text = doc.text
    for start in line_starts(doc):
        token = doc[start]
        before = doc[start - 1] if start > 0 else None
        while before is not None and before.is_space:
            before = doc[before.i - 1] if before.i > 0 else None
        entry = TIMELINE_ENTRY.match(text, token.idx)
        blank_line = before is not None and text.count("\n", before.idx + len(before), token.idx) > 1
        if before is None or blank_line or before.text in SENTENCE_ENDS or _heading(text[text.rfind("\n", 0, before.idx) + 1: before.idx + len(before)], token) or entry:
            token.is_sent_start = True
        day = HEADING_DAY.match(text, token.idx) or entry
        if day is not None:
            # "April 11 - Obama and Castro meet": the parser hangs the entry's first name on its day, as if
            # in apposition, and the clause loses its subject; the entry's words are a sentence of their own
            # (its day still dates it, read from the line)
            line_end = text.find("\n", token.idx)
            after = next((t for t in doc[start:] if t.idx >= day.end()), None)
            if after is not None and not after.is_space and after.idx < (len(text) if line_end < 0 else line_end):
                after.is_sent_start = True
                # (and, told where its sentences start, the parser may start one at its "and": only a stop does)
                for word in doc[after.i + 1:]:
                    if "\n" in word.text:
                        break
                    if doc[word.i - 1].text not in SENTENCE_ENDS and not word.is_space:
                        word.is_sent_start = False
    # "talks with the President of Poland H.E. Mr. Donald Tusk": the parser ends a sentence at the
    # abbreviated form of address of official copy; the name it addresses follows in the same sentence
    # (and at an abbreviated rank: "with Lieut. Gen. Raoul Cédras")
    addresses = _abbreviated_forms()
    for token in doc[:-1]:
        if token.text in addresses:
            doc[token.i + 1].is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def _abbreviated_forms() -> frozenset[str]:
    """The abbreviated forms of address and ranks after whose stop no sentence starts."""
    cues = load_cues()
    return frozenset({form for form in cues.honorifics if form.endswith(".")} | set(cues.rank_abbreviations))


def _heading(line: str, next_token) -> bool:
    """"Tuesday, March 5", "Thursday, Sept. 29": a short line of capitalised words and numbers, the next
    line starting anew."""
    words = line.split()
    return 0 < len(line) < 50 and all(w[:1].isupper() or w[:1].isdigit() for w in words) and not next_token.text[:1].islower()


class NameRepair:
    """One person, one entity: "Prince Abdulaziz" + "bin Salman", "Ali Mahaman" + "Lamine Zeine",
    "Prince Mohammed" + "bin" + "Salman".

    The small model sometimes cuts a long (often Arabic or West African) name
    into two PERSON entities that touch; two person names never touch in
    running text without a comma or a conjunction, so touching ones are joined.
    """

    def __init__(self):
        cues = load_cues()
        self.titles = cues.person_nouns
        self.joiners = cues.name_joiners
        self.rank_abbreviations = cues.rank_abbreviations
        self.document_heads = cues.document_heads
        self.bodies = cues.institution_nouns
        self.buildings = cues.building_nouns | cues.city_building_nouns
        self.title_words = {t for t in cues.titles if " " not in t}
        self.gazetteer = load_gazetteer()
        self.honorifics = {h.lower() for h in cues.honorifics} | {"his", "her", "royal"}
        self.body_heads = cues.body_heads_over_places
        self.not_parties = cues.not_parties

    def _given_names(self, doc: Doc, ent: Span) -> int:
        """How many capitalised names the model left unlabelled stand right before a one-word entity:
        "Therese Kayikwamba Wagner" is a minister, not the Wagner group. A nationality the gazetteer
        knows is no given name: "the Soviet Communist party leader" names nobody."""
        start = ent.start
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and doc[start - 1].ent_type_ in {"", "NORP"} \
                and doc[start - 1].lower_ not in self.titles and doc[start - 1].dep_ == "compound" \
                and not (doc[start - 1].ent_type_ == "NORP" and self.gazetteer.lookup(doc[start - 1].text) is not None):
            start -= 1
        return ent.start - start

    def _with_surname(self, doc: Doc, ent: Span) -> Span:
        """"Maria del Pilar Hurtado" taken as an organisation "Maria del Pilar" and a bare word:
        a name whose last word the model left out, the head its words hang on, is a person's."""
        if ent.label_ not in {"PERSON", "ORG"} or len(ent) < 2 or ent.end >= len(doc):
            return ent
        head = doc[ent.end]
        # ("President Ahmad Tejan" + "Kabbah" taken for a place: a one-word name the gazetteer does not know)
        lone = head.ent_type_ in {"GPE", "ORG", "NORP"} and head.ent_iob_ == "B" and (head.i + 1 >= len(doc) or doc[head.i + 1].ent_iob_ != "I") \
            and ent.label_ == "PERSON" and self.gazetteer.lookup(head.text) is None
        if (head.ent_type_ and not lone) or head.pos_ != "PROPN" or not head.is_title or head.lower_ in self.titles:
            return ent
        if not lone and (ent.root.dep_ != "compound" or ent.root.head.i != head.i):
            return ent
        return Span(doc, ent.start, ent.end + 1, label="PERSON")

    def _with_given_name(self, doc: Doc, ent: Span) -> Span:
        """"Prince Khalid bin" + "Salman bin Abdulaziz Al Saud": the model starts an Arabic name at its
        father's; the given name before the particle, left unlabelled, is the same person's."""
        start = ent.start
        if ent.label_ != "PERSON" or start < 2 or doc[start - 1].text not in self.joiners:
            return ent
        first = start - 1
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title and not doc[first - 1].ent_type_ \
                and doc[first - 1].lower_ not in self.titles and doc[first - 1].lower_ not in self.title_words:
            first -= 1
        return Span(doc, first, ent.end, label="PERSON") if first < start - 1 else ent

    def _titled(self, doc: Doc, ent: Span) -> Span:
        """"Prime Minister Atal Bihari Vajpayee", "President Thabo Mbeki" taken for an organisation or a
        place: proper names right after a person's title, none of them a place or body the gazetteer
        knows, are the person the title names."""
        if ent.label_ in {"ORG", "GPE"} and len(ent) >= 2 and ent[0].is_title and ent[0].lower_ in self.titles \
                and all((t.pos_ == "PROPN" and t.text[:1].isupper()) or _name_hyphen(t) for t in ent[1:]) \
                and not any(self.gazetteer.lookup(text) is not None for text in [ent.text, ent[1:].text, *(t.text for t in ent[1:])]):
            return Span(doc, ent.start, ent.end, label="PERSON")  # "Kaiser Wilhelm II", the title inside
        if ent.label_ not in {"ORG", "GPE"} or len(ent) < 2 or ent.start == 0:
            return ent
        title = doc[ent.start - 1]
        if not title.is_title or title.lower_ not in self.titles:
            return ent
        if any((t.pos_ != "PROPN" or not t.text[:1].isupper()) and not _name_hyphen(t) for t in ent):
            return ent
        if any(self.gazetteer.lookup(text) is not None for text in [ent.text, *(t.text for t in ent)]):
            return ent
        return Span(doc, ent.start, ent.end, label="PERSON")

    def _bodies_over_places(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A body the model found whose name holds a state's ("Eritrean People's Liberation Front"),
        which the gazetteer cut down to that state: the body, whole."""
        for body in doc.spans.get("model_bodies", []):
            if len(body) < 2 or body[-1].lower_ not in self.body_heads:
                continue
            inside = [e for e in ents if e.start < body.end and e.end > body.start]
            if inside and all(body.start <= e.start and e.end <= body.end and e.label_ in {"GPE", "NORP"} for e in inside) \
                    and not any((e.start, e.end) == (body.start, body.end) for e in inside):
                ents = sorted([e for e in ents if e not in inside] + [Span(doc, body.start, body.end, label="ORG")], key=lambda e: e.start)
        return ents

    def _unlabelled_bodies(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"signed with the Cuban Baseball Federation": a body named by its nationality and capitalised words
        ending in what bodies are called, where the model labelled only the nationality, is the body."""
        out = []
        for ent in ents:
            end = ent.end
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_:
                end += 1
            if ent.label_ in {"NORP", "GPE"} and end > ent.end and doc[end - 1].lower_ in self.body_heads:
                ent = Span(doc, ent.start, end, label="ORG")
            out.append(ent)
        return out

    @staticmethod
    def _days_of_months(doc: Doc, ents: list[Span]) -> list[Span]:
        """"on the afternoon of 5 September 1905": the model sometimes leaves the day out of the date it
        labels ("September 1905"), and a month then stands alone for a day the text gives."""
        out = []
        for ent in ents:
            before = doc[ent.start - 1] if ent.start > 0 else None
            if ent.label_ == "DATE" and before is not None and is_calendar_word(ent[0].text) and before.like_num \
                    and before.text.isdigit() and 1 <= int(before.text) <= 31 and (not out or out[-1].end <= before.i or out[-1].label_ == "CARDINAL"):
                out = [e for e in out if e.end <= before.i]
                ent = Span(doc, before.i, ent.end, label="DATE")
            out.append(ent)
        return out

    @staticmethod
    def _trimmed(doc: Doc, ents: list[Span]) -> list[Span]:
        """"the Great Hall of the People and", "the Great Hall of the People.", "Queen Wilhelmina's", "granted
        Ahmed Ali refuge": the model sometimes runs a name into the conjunction, the stop, the possessive or
        (a person's) the common noun after it; no name ends on one, nor goes on past a spaced dash."""
        out = []
        for ent in ents:
            end = ent.end
            if ent.label_ in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}:
                # "Boris Yeltsin, Leonid Kravchuk and Stanislav Shushkevich - meet and sign": nor on a dash between spaces
                end = next((t.i for t in ent[1:] if _spaced_dash(doc, t)), end)
            while end - ent.start > 1 and (doc[end - 1].pos_ == "CCONJ" or doc[end - 1].text in {".", ",", ";", ":"} or doc[end - 1].tag_ == "POS"
                                           or (ent.label_ == "PERSON" and doc[end - 1].pos_ == "NOUN" and doc[end - 1].is_lower and doc[end - 2].whitespace_)):
                end -= 1
            out.append(ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_, kb_id=ent.kb_id_))
        return out

    def _time_stamped(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"20:50 - Xi has welcomed Macron", "11:20 GMT - Trump says": a live blog's entry opens with its time,
        which the model runs into the name after the dash (as a date, a number or an organisation). The stamp
        is no part of the name: the name is what follows the dash, a person's if the model called it a time.
        A timeline's entry does the same with its day ("July 9 - Abiy and Isaias sign", "September 6, 1976 -
        Viktor Belenko lands"): the day stays a date, for the event to be dated by."""
        out = []
        for ent in ents:
            dated = self._dated_entry(doc, ent)
            if dated is not None:
                out += dated
                continue
            dash = next((t.i for t in ent if t.text in DASHES), None)
            stamp = dash is not None and dash > ent.start and all(
                re.fullmatch(r"\d{1,2}[:.]\d{2}", t.text) or t.lower_ in self.not_parties for t in doc[ent.start: dash])
            if not stamp:
                out.append(ent)
                continue
            rest = doc[dash + 1: ent.end]
            if len(rest) and all(t.pos_ == "PROPN" and t.tag_ != "NNPS" for t in rest):
                label = "PERSON" if ent.label_ in {"DATE", "TIME", "CARDINAL"} else ent.label_
                out.append(Span(doc, rest.start, rest.end, label=label))
        return out

    def _dated_entry(self, doc: Doc, ent: Span) -> list[Span] | None:
        """The day heading a timeline's entry and the name run into it or left after it, as two: None when
        the entity is no such day. The model may take the name into the day, or the day's own pattern may
        have cut it back out, unlabelled; either way it is the words after the dash that are all part of
        a proper name ("Viktor", which the model calls a noun, in "Viktor Belenko"), the title before it aside."""
        if ent.label_ != "DATE":
            return None
        dash = next((t.i for t in ent if t.i > ent.start and _spaced_dash(doc, t)), None)
        if dash is None and ent.end < len(doc) and _spaced_dash(doc, doc[ent.end]):
            dash = ent.end
        if dash is None or not all(t.like_num or t.is_punct or is_calendar_word(t.text) for t in doc[ent.start: dash]):
            return None
        day = Span(doc, ent.start, dash, label="DATE")
        outside = dash >= ent.end - 1  # the name left after the day ("December 7 -", the dash taken in and the name not)

        def name_word(t) -> bool:
            return t.is_title and not is_calendar_word(t.text) and (t.pos_ == "PROPN" or (t.dep_ == "compound" and t.head.pos_ == "PROPN"))

        start = dash + 1
        while start < len(doc) and doc[start].lower_ in self.titles and not (doc[start].ent_type_ and outside):
            start += 1
        if outside:
            end = start
            while end < len(doc) and not doc[end].ent_type_ and name_word(doc[end]):
                end += 1
            if end == start:
                return None
        else:
            end = ent.end
            if start >= end or not all(name_word(t) for t in doc[start:end]):
                return [day]
        entry = self.gazetteer.lookup(doc[start:end].text)
        return [day, Span(doc, start, end, label=entry.kind if entry is not None and entry.kind in {"GPE", "ORG"} else "PERSON")]

    def __call__(self, doc: Doc) -> Doc:
        ents = []
        for ent in self._dates_split(doc, self._unlabelled_bodies(doc, self._bodies_over_places(doc, self._trimmed(doc, self._days_of_months(doc, self._time_stamped(doc, list(doc.ents))))))):
            ent = self._titled(doc, ent)
            given = self._given_names(doc, ent) if len(ent) == 1 and ent.label_ in {"ORG", "GPE", "NORP"} else 0
            if given:
                ents = [e for e in ents if e.end <= ent.start - given]  # "Therese" taken for a nationality
            ents.append(Span(doc, ent.start - given, ent.end, label="PERSON") if given else ent)
        ents = [self._with_given_name(doc, self._with_surname(doc, ent)) for ent in ents]
        ents = [e for k, e in enumerate(ents) if not (k > 0 and e.start < ents[k - 1].end)]  # the surname taken in
        merged: list[Span] = []
        for ent in ents:
            # "Prince Mohammed" + "bin" + "Salman bin Abdulaziz Al Saud": one name across its particle
            joined = merged and merged[-1].end + 1 == ent.start and doc[merged[-1].end].text in self.joiners
            if merged and ent.label_ == "PERSON" and merged[-1].label_ == "PERSON" and (merged[-1].end == ent.start or joined):
                merged[-1] = Span(doc, merged[-1].start, ent.end, label="PERSON", kb_id=merged[-1].kb_id_ or ent.kb_id_)
            else:
                merged.append(ent)
        merged = self._surnames(doc, [self._unaddressed(doc, ent) for ent in merged])
        merged = self._defined_bodies(doc, merged)
        merged = self._not_names(doc, merged)
        merged = self._not_turn_labels(doc, merged, self.titles)
        if merged != list(doc.ents):
            doc.ents = merged
        return doc

    def _not_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """What the model takes for a name of someone and is not: ranks alone ("Lt." of "Lt. Gen. Obrad
        Stevanovic") are dropped; a building taken for a person ("at Al Diriyah Palace", "sat side by side in
        Hillsborough Castle") becomes a building, and a deal's name taken for a person, a body or a building
        ("The Windsor Framework he agreed with Ursula von der Leyen") a document, so that no party, pronoun or
        apposition is linked to either."""
        ents = [e for e in ents if e.label_ == "PERSON" or not all(t.lower_ in self.title_words or t.text in self.rank_abbreviations for t in e)]
        # (a "Castle", "Hall" or "House" may be a surname: those only where the text once says someone is in or
        # at it, and then every mention of the name is the building)
        buildings = {e.text for e in ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].lower_ in self.buildings
                     and (e[-1].lower_ not in {"castle", "hall", "house"} or (e.root.dep_ == "pobj" and e.root.head.lower_ in {"in", "at", "inside", "outside", "near"}))}
        ents = [Span(doc, e.start, e.end, label="FAC") if e.label_ == "PERSON" and e.text in buildings else e for e in ents]
        # (not "the Government of National Accord", a body whose name ends on a word for a deal)
        return [Span(doc, e.start, e.end, label="LAW") if e.label_ in {"PERSON", "FAC", "ORG"} and e[-1].lower_ in self.document_heads
                and not any(t.lemma_.lower() in self.bodies for t in e) else e for e in ents]

    @staticmethod
    def _not_turn_labels(doc: Doc, ents: list[Span], titles: frozenset[str] | set[str] = frozenset()) -> list[Span]:
        """"MA: And then Isaias came here.": the label that opens a transcript's turn says who speaks
        it (the mention finder reads it so), and is no mention of anyone in the story: as a name it
        would be a party, or what "they" and "him" stand for."""
        labels = [m.span(1) for m in TURN_LABEL.finditer(doc.text)]
        if len(labels) < 2:
            labels = [(start, end) for start, end, _ in record_turns(doc.text, titles)]
        if len(labels) < 2:
            return ents
        return [e for e in ents if not any(start <= e.start_char and e.end_char <= end for start, end in labels)]

    def _dates_split(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"On 13 September Bennett flew", "Last month Modi travelled", "18:00 Xi is expected": a
        sentence opening on a time runs it into the subject's name, and the model takes the
        name for part of the date. A date is never a verb's subject, so the proper names at the end
        of a date that is one are the subject, a place or body when the gazetteer says so."""
        out = []
        for ent in ents:
            last = ent[-1]
            if ent.label_ not in {"DATE", "TIME"} or len(ent) < 2 or last.dep_ not in {"nsubj", "nsubjpass"} \
                    or last.pos_ != "PROPN" or not last.is_title or is_calendar_word(last.text):
                out.append(ent)
                continue
            start = ent.end - 1
            while start > ent.start + 1 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                    and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == last.i and not is_calendar_word(doc[start - 1].text):
                start -= 1
            entry = self.gazetteer.lookup(doc[start:ent.end].text)
            label = entry.kind if entry is not None and entry.kind in {"GPE", "ORG"} else "PERSON"
            out += [Span(doc, ent.start, start, label=ent.label_), Span(doc, start, ent.end, label=label)]
        return out

    @staticmethod
    def _initials_of(initials: list[str], acronym: str) -> bool:
        """The name's initials are the acronym's letters, or, for three or more, all among them with
        at most two to spare: "CONAIE" is the Confederación de Nacionalidades Indígenas del Ecuador,
        built from syllables, for the Confederation of Indigenous Nationalities of Ecuador."""
        if sorted(initials) == sorted(acronym):
            return True
        letters = list(acronym)
        for letter in initials:
            if letter not in letters:
                return False
            letters.remove(letter)
        return len(initials) >= 3 and len(letters) <= 2

    def _defined_bodies(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"the Guatemalan National Revolutionary Unity (URNG)", "the Liberation Tigers of Tamil Eelam
        (LTTE)": a name the article defines by its initials is a body's, whole, even where the model
        saw only a nationality in it. The initials may follow the name's own language ("URNG" for
        Unidad Revolucionaria Nacional Guatemalteca), so they are matched as a set of letters."""
        found = []
        for open_ in (t for t in doc if t.text == "(" and t.i + 2 < len(doc) and doc[t.i + 2].text == ")"):
            acronym = doc[open_.i + 1].text
            if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 6):
                continue
            start = open_.i
            while start > 0 and (doc[start - 1].is_title or (doc[start - 1].lower_ in {"of", "for", "and", "de", "del", "la"} and start - 1 > 0 and doc[start - 2].is_title)):
                start -= 1
            while start < open_.i and not doc[start].is_title:
                start += 1  # not "of" at the front
            initials = [t.text[0] for t in doc[start: open_.i] if t.is_title]
            while len(initials) > len(acronym) and start < open_.i:
                start += 1  # "the Guatemalan ...": words before the name proper
                initials = [t.text[0] for t in doc[start: open_.i] if t.is_title]
            if len(initials) < 2 or not self._initials_of(initials, acronym):
                continue
            span = Span(doc, start, open_.i, label="ORG")
            if any(e.label_ == "PERSON" and e.start < span.end and span.start < e.end for e in ents):
                continue
            found.append(span)
        if not found:
            return ents
        kept = [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)]
        return sorted(kept + found, key=lambda e: e.start)

    def _unaddressed(self, doc: Doc, ent: Span) -> Span:
        """"His Royal Highness Mohammed bin Salman", "Majesty Camilla": the form of address is no part of the name."""
        start = ent.start
        while ent.label_ == "PERSON" and start < ent.end - 1 and doc[start].lower_ in self.honorifics:
            start += 1
        return Span(doc, start, ent.end, label="PERSON", kb_id=ent.kb_id_) if start > ent.start else ent

    def _no_place_or_body(self, name: str) -> bool:
        """Not a name the gazetteer knows as a place or a body ("Jordan", "Washington"); a leader's surname
        it knows ("Blinken", from "Antony Blinken") is a person's all the same."""
        entry = self.gazetteer.lookup(name)
        return entry is None or entry.kind == "PERSON"

    def _surnames(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"Atal Bihari Vajpayee" a person, then "Vajpayee" alone taken for a place: the model labels each
        mention on its own, but a story that names a person calls them by surname afterwards, so a name
        that is a person's full name or surname elsewhere in the story is that person (unless the
        gazetteer knows it as a place or body: "Jordan", "Washington"). The same holds the other way for a
        full name taken for a facility or a product ("Stepan Zakharchenko" a building, then "Zakharchenko"
        a person): a name of capitalised words ending in a person's surname is that person's."""
        people = {e.text for e in ents if e.label_ == "PERSON"} | {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1} \
            | {e.text.split()[-1] for e in ents if e.label_ == "PERSON" and len(e.text.split()) > 1}  # "Hashemi", "al-Hashemi"
        surnames = {e[-1].text for e in ents if e.label_ == "PERSON"}
        ents = [
            Span(doc, e.start, e.end, label="PERSON")
            if (e.label_ in {"ORG", "GPE", "NORP"} | NOT_NAME_LABELS and e.text in people
                or e.label_ in NOT_NAME_LABELS and len(e) > 1 and e[-1].text in surnames and all(t.pos_ == "PROPN" and t.is_title for t in e))
            and self._no_place_or_body(e.text) else e
            for e in ents
        ]
        # ... or left unlabelled: "a ceasefire agreed by Lebed and Maskhadov"
        taken = {i for e in ents for i in range(e.start, e.end)}
        bare = [
            Span(doc, t.i, t.i + 1, label="PERSON") for t in doc
            if t.i not in taken and t.pos_ == "PROPN" and t.text in people and t.is_title and self._no_place_or_body(t.text)
            # (not a word of a longer name; "Mr Vance", "President Kagame": a title before it is no name)
            and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].is_title and doc[t.i - 1].lower_ not in self.title_words) and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].is_title)
        ]
        return sorted(ents + bare, key=lambda e: e.start) if bare else ents


def _name_hyphen(token) -> bool:
    """The hyphen inside one name ("Louis-Philippe", "Mohammed Ould Abdel-Aziz"): no space on either side."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


@Language.factory("newsevents_name_repair")
def make_name_repair(nlp: Language, name: str) -> NameRepair:
    return NameRepair()


class MentionFinder:
    def __init__(self, rules_path: str):
        self.rules = {rule["id"]: rule for rule in load_trigger_rules(Path(rules_path))}
        self.gazetteer = load_gazetteer()
        self.cues = load_cues()

    def __call__(self, doc: Doc) -> Doc:
        finder = ArgumentFinder(doc, self.gazetteer, self.cues)
        doc.user_data["turns"] = finder.turns  # (who speaks where, for the pronouns resolved when events are assembled)
        sent_index = {sent.start: i for i, sent in enumerate(doc.sents)}
        mentions = []
        for span in doc.spans.get("event_triggers", []):
            rule = self.rules[span.kb_id_]
            mention = BUILDERS[rule["type"]](finder, span, rule, sent_index[span.sent.start])
            if mention is None or _exhorted(span.root, self.cues) or _question_heading(span.sent):
                continue
            status_i = mention.debug.get("status_verb")
            governor, _ = finder.governor(span.root) if not mention.verbal or status_i is not None else (None, None)
            mention.modality, mention.modality_cue = find_modality(
                span.root,
                governor,
                span.sent,
                self.cues,
                rule["type"],
                status_verb=doc[status_i] if status_i is not None and not mention.debug.get("act_below_status_verb") else None,
            )
            if rule.get("modality") and mention.modality in {"asserted", "reported"}:
                # "invited Putin to his ranch": the invitation happened, the visit is still to come
                mention.modality, mention.modality_cue = rule["modality"], f"rule:{rule['id']}"
            if rule["type"] == "asylum":
                offer_made(mention, span.sent, self.cues)
            if (mention.modality_cue or "").lower() == "mark:whether" and _left_unsaid(span.root, self.cues):
                continue  # "declined to say whether he had sought protection": a question left open, not an event
            mention.debug.update(rule=rule["id"], cue=mention.modality_cue)
            if any(c.dep_ == "advmod" and c.lower_ in NEXT_WORDS for v in (span.root, governor) if v is not None for c in v.children):
                mention.debug["told_next"] = True  # "Xi then sat down with Macron and von der Leyen": what came next
            elif _in_a_sequel_clause(span.root):
                mention.debug["told_next"] = True  # "held talks with Gbagbo before crossing the lagoon to meet Ouattara"
            if mention.date_text is None or _BARE_SPAN.fullmatch(mention.date_text):
                _date_from_anchor(finder, mention, span)  # "a day" is no date: "a day after X" may be one
            if rule["type"] == "agreement" and ratified_by_legislature(finder, span.root):
                # the vote is one more mention of the agreement, dated by its signing, not by the vote
                mention.date_text, mention.debug["date_candidates"] = None, []
            mentions += one_each(mention)
        _circumstances_from_the_occasion(doc, mentions)
        _circumstances_from_the_heading(doc, mentions)
        rate_claims(doc, mentions, self.cues)
        doc._.event_mentions = mentions
        return doc


def _question_heading(sent) -> bool:
    """"IS THIS THEIR FIRST MEETING?", "WHEN DID THEY FIRST MEET?": an explainer's heading asks what the
    text under it tells; it tells of no event itself."""
    text = sent.text.strip()
    letters = [c for c in text if c.isalpha()]
    return text.endswith("?") and len(letters) > 3 and all(c.isupper() for c in letters)


@Language.factory("newsevents_mentions", default_config={"rules_path": str(DATA / "triggers.jsonl")})
def make_mention_finder(nlp: Language, name: str, rules_path: str) -> MentionFinder:
    return MentionFinder(rules_path)


def _circumstances_from_the_occasion(doc: Doc, mentions: list) -> None:
    """"Albanese and Xi first met on the sidelines of the G20 summit in Bali last November": the
    place and time said of the occasion the meeting happened at are the meeting's. A verb's own
    search stops a few steps up the parse, and a summit named in a chain of prepositions under
    the verb is further away than that."""
    for mention in mentions:
        if not mention.verbal or (mention.date_text and mention.location):
            continue
        head = doc[mention.trigger_start]
        for other in mentions:
            if other is mention or other.verbal or other.event_type != mention.event_type or other.sent_index != mention.sent_index:
                continue
            token = doc[other.trigger_start]
            while token.dep_ in {"pobj", "prep", "compound"} and token.head.i != token.i and token.i != head.i:
                token = token.head
            if token.i != head.i:
                continue  # not hanging on the verb through prepositions only
            if mention.date_text is None and other.date_text:
                mention.date_text = other.date_text
                mention.debug["date_candidates"] = list(other.debug.get("date_candidates") or [other.date_text])
            if mention.location is None and other.location:
                mention.location, mention.location_country = other.location, other.location_country
            break


def _circumstances_from_the_heading(doc: Doc, mentions: list) -> None:
    """"[Joint press statements by ... Giorgia Meloni, and ... Edi Rama. Palazzo Chigi, Rome, 6 November
    2023. Translated from Italian.]": a transcript's bracketed heading gives the place and day of what it
    heads in a line of its own, with no verb; they are the heading's event's."""
    text = doc.text
    for mention in mentions:
        if mention.date_text and mention.location:
            continue
        at = doc[mention.trigger_start].idx
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if not text[start:end].lstrip().startswith("["):
            continue
        lines = [sent for sent in doc.sents if start <= sent.start_char < end and sent.start != doc[mention.trigger_start].sent.start
                 and not any(t.pos_ in {"VERB", "AUX"} for t in sent)]
        ents = [e for sent in lines for e in sent.ents]
        day = next((e for e in ents if e.label_ == "DATE"), None)
        place = next((e for e in ents if e.label_ in {"GPE", "FAC", "LOC"}), None)
        if mention.date_text is None and day is not None:
            mention.date_text = day.text
            mention.debug["date_candidates"] = [day.text]
        if mention.location is None and place is not None:
            mention.location = place.text


_BARE_SPAN = re.compile(r"(?:a|an|one|two|three|four|five|six|seven|\d+)\s+days?", re.IGNORECASE)
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _date_from_anchor(finder: ArgumentFinder, mention, span: Span) -> None:
    """"arrived in Mexico on Tuesday, a day after he was granted asylum": the clause is dated
    by the day of the clause it hangs on, so many days before (after) or after (before) it."""
    verb = span.root
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ != "advcl":
        return
    mark = next((c.lower_ for c in verb.children if c.dep_ in {"mark", "prep"} and c.lower_ in {"after", "before"}), None)
    span_words = next((c for c in verb.children if c.dep_ == "npadvmod" and c.lemma_.lower() == "day"), None)
    if mark is None or span_words is None:
        return
    count = next((_COUNT_WORDS.get(c.lower_) for c in span_words.children if c.lower_ in _COUNT_WORDS), None)
    if count is None:
        return
    main = verb.head
    dates = [d for d in finder.dates_of([main], span.sent) if d.root.head.i == main.i or d.root.head.head.i == main.i]
    if dates:
        mention.date_text = finder.date_text(dates[0])
        mention.debug["date_candidates"] = [mention.date_text]
        mention.debug["date_offset"] = -count if mark == "after" else count
        mention.debug["date_words"] = f"{' '.join(t.text for t in span_words.subtree)} {mark} {mention.date_text}"
    elif main.lemma_.lower() in finder.cues.following_verbs and not finder.dates_of([main], span.sent):
        # "Putin's speech came a day after Biden made an unannounced visit to Kyiv": counted from
        # the day of what the story last told, which the clause it hangs on stands for
        mention.debug["offset_from_last"] = -count if mark == "after" else count
        mention.date_text, mention.debug["date_candidates"] = None, []
        mention.debug["date_words"] = f"{' '.join(t.text for t in span_words.subtree)} {mark}"


def _in_a_sequel_clause(trigger) -> bool:
    """"... before flying on to Tbilisi to meet Saakashvili": a meeting in a "before" clause below the
    sentence's own verb comes after what that verb tells, so it is the next meeting, not the same."""
    for token in [trigger, *trigger.ancestors]:
        if token.dep_ == "pcomp" and token.head.lower_ == "before" and token.head.head.dep_ == "ROOT":
            return True
    return False


def _left_unsaid(trigger, cues) -> bool:
    """The trigger sits in a "whether" clause that someone declined (or did not) say, confirm or comment on."""
    for ancestor in trigger.ancestors:
        if ancestor.lemma_.lower() in cues.statement_verbs | {"comment", "disclose", "specify"}:
            refused = ancestor.head.lemma_.lower() in {"decline", "refuse"} or any(c.dep_ == "neg" for c in ancestor.children)
            return refused
    return False


def _exhorted(trigger, cues) -> bool:
    """"Western governments urged Xi to speak to Zelensky": a wish of others, not a plan of the parties."""
    token = trigger
    for _ in range(4):
        if token.head.i == token.i:
            return False
        lemma = token.head.lemma_.lower()
        if token.head.i != trigger.i and (lemma in {"cancel", "postpone", "scrap", "shelve"} or (lemma == "call" and any(c.lower_ == "off" for c in token.head.children))):
            return False  # "asked Pompeo not to travel ..., calling off a visit to Pyongyang": the visit told as called off
        if token.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            return False  # "asked them to ensure his security and the request had been granted": a clause of its own
        if token.dep_ in {"xcomp", "dobj", "ccomp"} or token.head.pos_ in {"VERB", "AUX"}:
            # "urged Xi to speak", "asked him to consider"; not "asked whether Putin intended to meet"
            if token.head.lemma_.lower() in cues.exhortation_governors and token.dep_ == "xcomp":
                return True
        token = token.head
    return False
