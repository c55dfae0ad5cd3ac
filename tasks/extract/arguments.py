"""Arguments of a trigger, found by walking the dependency parse.

For a verbal trigger: its subject, object and "with/between/to" attachments,
following conjunctions and appositions. For a nominal trigger ("the talks",
"a deal"): its possessor, "between/with" attachments, entity modifiers
("US-China talks") and the subject of the verb that governs it ("X and Y
held talks", "Damascus respects the agreements"). Place and date come from
"in/at/to" places and DATE entities attached to the same clause.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tasks.extract.cues import Cues
from tasks.extract.dateline import line_starts, split_dateline
from tasks.extract.dates import HEADING_DAY, TIMELINE_ENTRY, day_heading, is_calendar_word, is_chained, names_today, tells_another_time
from tasks.extract.gazetteer import Gazetteer
from tasks.extract.mentions import Mention, PartyRef
from tasks.extract.names import HEAD_TITLES, honorific_key, is_bare_title

# a transcript's turn, opened by who speaks it: "SERGEI LAVROV: ...", "ANCHOR: ..."
TURN_LABEL = re.compile(r"^[ \t]*([A-Z][A-Z.'’\- ]{0,40}[A-Z.]):[ \t]", re.MULTILINE)

# a record's turn labelled in ordinary case: "Prime Minister Abiy Ahmed:", "The Prime Minister (Mrs Theresa May):",
# "Jeremy Corbyn (Islington North) (Lab):", "Mr. Erin O'Toole (Durham, CPC):"
RECORD_TURN_LABEL = re.compile(
    r"^[ \t]*([^\W\d_][\w.'’\-]*(?:[ \t]+[^\W\d_][\w.'’\-]*){0,9})((?:[ \t]*\([^()\n]{1,60}\)){0,3}):[ \t]", re.MULTILINE)
_LABEL_JOINERS = {"of", "the", "for", "and"}
# words a record's label may carry before the speaker's name: forms of address, and the words of an office
_LABEL_ADDRESSES = {"the", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "hon", "rt", "shri", "smt"}
_LABEL_COURTESIES = _LABEL_ADDRESSES | _LABEL_JOINERS | {"lord", "lady", "prime", "vice", "foreign", "first", "state", "external", "affairs", "defence", "defense"}


def record_turns(text: str, person_nouns: set[str]) -> list[tuple[int, int, str | None]]:
    """A parliamentary record's or a transcript's turns labelled in ordinary case, each with where its
    label starts and ends and the speaker's name: the name the label gives after its titles ("Prime
    Minister Abiy Ahmed" -> Abiy Ahmed), the one in brackets after a title alone ("The Prime Minister (Mrs
    Theresa May)"), or the name an earlier label gave that title ("The Prime Minister"); None for a role
    ("The Speaker", "Member (Adwa constituency)"). Only a text with two such labels, one of which names
    someone, is read as turns: a line that opens "Background:" or "Photo:" is no speaker's."""
    def name_in(words: list[str]) -> tuple[str, str | None]:
        if any(w in {"of", "for"} for w in words):
            return " ".join(words).lower(), None  # "President of the Senate", "Minister of External Affairs": an office
        titles = []
        while words and (words[0].lower().strip(".") in _LABEL_COURTESIES or words[0].lower() in person_nouns):
            titles.append(words.pop(0).lower().strip("."))
        name = " ".join(words) if len(words) >= 2 or (words and titles) else None
        return " ".join(t for t in titles if t not in _LABEL_ADDRESSES), name
    turns, by_title = [], {}
    for m in RECORD_TURN_LABEL.finditer(text):
        words = m.group(1).split()
        if not all(w[0].isupper() or w in _LABEL_JOINERS for w in words) or m.group(1).isupper():
            continue  # a sentence's opening words, or a heading in capitals ("STATEMENT RE:")
        title, name = name_in(words)
        if name is None and title and m.group(2):
            _, name = name_in(re.findall(r"\(([^()]*)\)", m.group(2))[0].split())
        if name is not None and title:
            by_title.setdefault(title, name)
        turns.append((m.start(), m.end(), name if name is not None else by_title.get(title) if title else None))
    if len(turns) < 2 or not any(name for _, _, name in turns):
        return []
    return turns

# a live blog's entry, stamped with the time of day ("09:40 –", "16:50 -")
CLOCK_ENTRY = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}\b(?:\s*(?:GMT|UTC|CET|EST|EDT|ET|BST|local))?|\d{4}\s*(?:GMT|UTC|CET|EST|EDT|ET|BST))\s*[:–—-]\s")


def clock_entry_line(text: str, at: int) -> int | None:
    """The start of the line holding character `at`, when that line is a live blog's time-stamped entry."""
    line_start = text.rfind("\n", 0, at) + 1
    return line_start if CLOCK_ENTRY.match(text, line_start) else None

PARTY_LABELS = {"PERSON", "GPE", "ORG", "NORP"}
# the body that governs a state, which acts and speaks as the state ("Colombia's government", "Niger's military rulers")
STATE_BODIES = {"government", "administration", "authorities", "cabinet", "regime", "junta", "rulers"}
PLACE_NOUNS = {"city", "resort", "town", "village", "capital", "port", "island", "region", "province", "enclave", "town", "district"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
WEEKDAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tomorrow"}
NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
PLURAL_PRONOUNS = {"they", "them", "their", "we", "us", "our"}
NOUNISH = {"NOUN", "PROPN"}
COMPASS_WORDS = {"north", "south", "east", "west"}
# prepositions that attach the other party of an event
PARTY_PREPS = {"with", "between", "among", "amongst", "alongside"}
# verbs whose subject organises rather than takes part ("Turkey brokered a deal between ...")
MEDIATOR_VERBS = {"broker", "mediate", "facilitate", "host", "sponsor", "oversee", "witness", "guarantee", "help", "welcome", "praise", "hail", "urge", "support", "back"}


# words that pick some of a group: "some of the coup leaders", "two of the ministers"
QUANTIFIERS = {"some", "several", "many", "most", "few", "all", "one", "two", "three", "four", "both", "each", "dozens", "hundreds", "thousands", "scores"}


@dataclass(frozen=True)
class NamedPlace:
    """A place the text names indirectly ("the Tajik capital"), shaped like a Span for callers."""

    text: str
    start: int
    end: int


def came_away(particle: Token) -> bool:
    """"came away from a meeting with Trump": the parser hangs "from" on the particle; who came away
    was at the meeting (not "stayed away from the session", "slipped away from a trip": kept out of it)."""
    return particle.dep_ == "advmod" and particle.lower_ in {"away", "out"} and particle.head.lemma_ == "come"


def inner_dateline_tokens(doc: Doc) -> set[int]:
    """The tokens of datelines that open later paragraphs: a roundup or live blog files each item
    from its own place ("MOSCOW – Steve Witkoff held talks ...")."""
    found: set[int] = set()
    text = doc.text  # (built anew on every access)
    for start in line_starts(doc):
        token = doc[start]
        line_end = text.find("\n", token.idx)
        line = text[token.idx: line_end if line_end >= 0 else len(text)]
        dateline = split_dateline(line)
        if dateline.place is None:
            continue
        end = token.idx + dateline.offset
        i = token.i
        while i < len(doc) and doc[i].idx < end:
            found.add(i)
            i += 1
    return found


NAMING_VERBS = {"call", "dub", "term", "name", "label", "bill", "style", "christen"}


def _names_what_is_done(naming: Token) -> bool:
    """Whether a verb of naming gives the name of a free relative ("what they are calling an Agreed
    Framework", "what was billed as a partnership") that is itself the object of the verb above it."""
    return naming.lemma_.lower() in NAMING_VERBS and naming.dep_ in {"ccomp", "dobj", "xcomp"} \
        and naming.head.pos_ == "VERB" and any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ == "what" for c in naming.children)


def _face_to_face(token: Token) -> bool:
    """"met face to face for the first time on Thursday": the parser makes the second "face" a verb of a
    clause of its own, and the day hangs on it; the idiom is a manner of meeting, not a clause."""
    return token.lower_ == "face" and token.i >= 2 and token.nbor(-2).lower_ == "face" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


class ArgumentFinder:
    def __init__(self, doc: Doc, gazetteer: Gazetteer, cues: Cues):
        self.doc = doc
        self.gaz = gazetteer
        self.cues = cues
        # the city in the dateline, cut before parsing: what "in the city" means when the text names none
        self.dateline_place: str | None = doc.user_data.get("dateline_place")
        self.ent_of: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        self.text = doc.text  # (a Doc builds its text anew on every access)
        self.inner_datelines = inner_dateline_tokens(doc)
        self.turns = self._transcript_turns()

    # ---- parties -------------------------------------------------------
    def party(self, token: Token, role: str = "participant") -> PartyRef | None:
        """The party a token stands for, if any."""
        if token.i in self.inner_datelines:
            return None  # "ISLAMABAD – India and Pakistan agreed ...": where an item was filed, not who acted
        key = honorific_key(token, self.cues)
        if key is not None:
            return self._addressed(token, key, role)
        ent = self.ent_of.get(token.i)
        if self._portfolio_of_a_title(token, ent):
            return None  # "Ports and Shipping Minister Mahinda Samarasinghe": a word of his office
        if ent is not None and is_bare_title(ent.text, self.cues):
            if len(ent) == 1 and token.i > 0 and (token.nbor(-1).lower_ == "the" or honorific_key(token.nbor(-1), self.cues)):
                # "the Amir later hosted a luncheon", labelled a person: the one the article calls so
                return PartyRef(token.text, "TITLE", role, token.i, token.i + 1, title=token.lower_)
            if ent.label_ == "PERSON":
                return None  # "Prince Mohammed bin Salman, Crown Prince and Prime Minister": his office, not another person
        named = self._named_by_apposition(token, ent)
        if named is not None:
            return self._from_ent(named, role)
        legislature = self._legislature_of(token, ent, role)
        if legislature is not None:
            return legislature
        office = self._office_of(ent) if ent is not None and ent.label_ == "ORG" else None
        if office is not None:
            # "the Minister of Science, Technology ..., Marcos Pontes", "Defence Secretary Chuck Hagel":
            # the body names an office, and the party is who holds it, not the body
            holder = self._named_by_apposition(office, None) or next((
                self.ent_of[t.i] for t in office.subtree  # "the High Representative for ... Policy, Federica Mogherini"
                if t.dep_ == "appos" and t.i in self.ent_of and self.ent_of[t.i].label_ == "PERSON" and self.doc[self.ent_of[t.i].start - 1].text == ","), None)
            if holder is not None:
                return self._from_ent(holder, role)
            if office.i in range(ent.start, ent.end) or self._title_of_a_name(office):
                return None
        if ent is not None and ent.label_ not in {"PERSON", "GPE", "NORP"} and token.i == ent.root.i and self._holds_office(ent):
            # "Le Kha Phieu, general secretary of the party": whoever holds an office is a person
            return PartyRef(ent.text, "PERSON", role, ent.start, ent.end)
        if ent is not None and ent.label_ in PARTY_LABELS:
            if ent.root.dep_ in {"appos", "compound", "nmod"} and ent.root.head.lemma_.lower() in self.cues.vessel_nouns or (
                    ent.root.dep_ == "appos" and ent.root.head.dep_ == "pobj" and ent.root.head.head.lower_ in {"aboard", "on"}
                    and any(c.lemma_.lower() in self.cues.vessel_nouns for c in ent.root.head.subtree)):
                return None  # "aboard the Soviet cruise ship Maxim Gorky": where they met, not who
            if re.match(r"(?:inter|intra|pan|anti|pro|post|pre)-", ent.text, re.IGNORECASE):
                return None  # "the inter-Korean summit", "pro-Russian": a relation or a leaning, not a party
            if ent.text.lower().removeprefix("the ") in self.cues.not_parties:
                return None  # "wrote on Twitter", "told Reuters": who carries the news takes no part in it
            return self._from_ent(ent, role)
        partner = self._named_partner(token) if ent is None else None
        if partner is not None:
            # "Moldovagaz and Gazprom signed": a name the model left unlabelled, coordinated with one it
            # labelled, is a party of the same kind
            return PartyRef(token.text, partner.label_, role, token.i, token.i + 1)
        lower = token.lower_
        aged = self.is_age(token) or (token.pos_ == "NOUN" and token.tag_ == "NN" and any(self.is_age(c) for c in token.children))
        if aged and any(c.lower_ == "the" for c in token.children) and token.dep_ in {"nsubj", "nsubjpass", "ROOT"}:
            # "The 83-year-old had already sat down with Hamas leaders", "The 44-year-old former actor ...
            # applied for asylum": the person last spoken of
            return PartyRef(token.text, "PRON", role, token.i, token.i + 1)
        if role in {"participant", "host", "guest"} and self._epithet(token):
            # "The Ethiopian-born official also held talks with Wang Yi": a person the story describes
            # rather than names, as the subject of a meeting, is the person last spoken of (not of an
            # asylum told with "his": "the Australian-born activist ... until Quito revoked his asylum")
            return PartyRef(token.text, "PRON", role, token.i, token.i + 1)
        if lower in {"whom", "which"} and token.dep_ == "pobj":
            # "Kuleba, with whom he had held talks": the one the relative clause is about
            relcl = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            return self.party(self._antecedent(relcl), role) if relcl is not None else None
        if lower == "it" and token.dep_ in {"nsubj", "nsubjpass"}:
            # "North Korea said it was pulling out of the pact": the state or body that speaks
            sayer = self._sayer(token)
            verb = token.head
            if sayer is None and verb.dep_ == "conj":
                # "Nicaragua's government has sheltered others, and in 2016 it granted asylum": the first clause's subject
                first = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                found = self.party(first, role) if first is not None else None
                if found is not None and found.kind in {"GPE", "ORG", "NORP"}:
                    return found
            if sayer is None and role == "grantor":
                # "In 1994 it gave asylum to Cédras": the state that granted last (resolved in assembly)
                return PartyRef(token.text, "PRON", role, token.i, token.i + 1)
            return self.party(sayer, role) if sayer is not None else None
        if lower == "they" and token.dep_ in {"nsubj", "nsubjpass"}:
            # "Niger's military rulers announced that they were tearing up the agreements": the state that
            # speaks, told in the plural
            sayer = self._sayer(token, plural=True)
            found = self.party(sayer, role) if sayer is not None and (sayer.tag_ in {"NNS", "NNPS"} or sayer.ent_type_ == "NORP") else None
            if found is not None and found.kind == "GPE":
                return found
            if found is not None and found.kind == "NORP" and found.country_hint and role != "recipient":
                # "The Emiratis said last Wednesday that they had welcomed him": a people that speaks as one is its
                # state (not "the Afghans have declared that they want to apply for protection": a group asking)
                return PartyRef.of_state(found.country_hint, role, found.start, found.end)
        if lower in {"i", "me"} and self.turns:
            speaker = self._speaker(token)
            if speaker is not None:
                # "SERGEI LAVROV: I met Wang Yi in Beijing on Monday": whoever speaks the turn
                return PartyRef(speaker, "PERSON", role, token.i, token.i + 1)
        if token.pos_ == "PRON" or lower in PERSONAL_PRONOUNS | PLURAL_PRONOUNS:
            if lower in PERSONAL_PRONOUNS:
                return PartyRef(token.text, "PRON", role, token.i, token.i + 1)
            if lower in PLURAL_PRONOUNS:
                return PartyRef(token.text, "GROUP", role, token.i, token.i + 1)
            return None
        quantified = self.prep_objects(token, {"of"}) if lower in QUANTIFIERS else []
        inner = self.party(quantified[0], role) if quantified else None
        if inner is not None:
            return inner  # "met some of the coup leaders": those leaders (not "three of its allies", counted)
        if token.pos_ not in NOUNISH and token.pos_ != "NUM":
            return None
        offices = [c for c in token.children if c.lemma_.lower() in self.cues.person_nouns]
        if token.pos_ == "PROPN" and ent is None and any(c.dep_ in {"nmod", "compound"} for c in offices):
            # "Deputy Secretary of State Victoria Nuland met": a name after an office, which the model missed
            names = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.lower_ not in self.cues.person_nouns and t.i > max(c.i for c in offices)]
            text = " ".join(t.text for t in [*names, token])
            if names and names[-1].i == token.i - 1 and not is_bare_title(text, self.cues):  # not "Deputy Prime Minister"
                return PartyRef(text, "PERSON", role, names[0].i, token.i + 1)
        mislabelled = ent is None or (ent.label_ in {"LAW", "WORK_OF_ART", "PRODUCT", "EVENT"} and len(ent) == 1)  # "Abiy" taken for a law
        if token.pos_ == "PROPN" and mislabelled and lower not in self.cues.person_nouns:
            # "Trump spoke by phone": a name the model left unlabelled (or labelled as no party) but the gazetteer knows
            words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
            for start in range(len(words)):
                entry = self.gaz.lookup(" ".join(t.text for t in words[start:]))
                if entry is not None and entry.kind in PARTY_LABELS:
                    return PartyRef(" ".join(t.text for t in words[start:]), entry.kind, role, words[start].i, token.i + 1, ent_id=entry.key, country_hint=entry.country)
        if (token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.is_title)) and mislabelled and lower not in self.cues.person_nouns and token.dep_ in {"nsubj", "nsubjpass"} and not any(
                c.dep_ == "compound" and c.ent_type_ != "DATE" for c in token.children) and (self.known_person(token.text) or self._part_of_a_person(token.text)):
            # "Berlusconi, who flew in for a visit, held talks", "when Abiy signed": a name the model labels a person
            # elsewhere (also where the parser glued the day before it on: "On Monday 23 October Dorji was received")
            return PartyRef(token.text, "PERSON", role, token.i, token.i + 1)
        if token.pos_ == "PROPN" and ent is None and lower not in self.cues.person_nouns and self._parallel_to_person(token):
            # "Nikos Kotzias ... and Nikola Dimitrov": a name the model missed, coordinated with one it found
            words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.lower_ not in self.cues.person_nouns and not t.ent_type_] + [token]
            if len(words) >= 2:
                return PartyRef(" ".join(t.text for t in words), "PERSON", role, words[0].i, token.i + 1)
        if token.lemma_.lower() in self.cues.person_nouns:
            # "met leader of the opposition Begum Khaleda Zia": the name the parser hangs on the office's body
            for obj in self.prep_objects(token, {"of"}):
                if obj.i in self.ent_of:
                    continue  # (not "the former president of Panama, Ricardo Martinelli": named as before)
                for child in obj.children:
                    named = self.ent_of.get(child.i) if child.dep_ == "appos" else None
                    if named is not None and (named.label_ == "PERSON" or named.label_ == "ORG" and self.gaz.lookup(named.text) is None and len(named) > 1 and all(t.pos_ == "PROPN" for t in named)):
                        return PartyRef(named.text, "PERSON", role, named.start, named.end)
            # "Australia's Minister for the Pacific, Zed Seselja, met Sogavare": the name the parser hangs on
            # the office's portfolio
            for obj in self.prep_objects(token, {"of", "for"}):
                for child in obj.children:
                    named = self._name_in_apposition(child, role) if child.dep_ == "appos" and child.i not in self.ent_of else None
                    if named is not None:
                        return named
        # "his Russian counterpart Vladimir Putin": the apposition names the person
        for child in token.children:
            if child.dep_ == "appos":
                found = self.party(child, role)
                if found is not None and found.kind not in {"PRON", "GROUP"}:
                    return found
                named = self._name_in_apposition(child, role) if found is None else None
                if named is not None and (token.lemma_.lower() in self.cues.person_nouns or token.lower_ in self.cues.person_nouns):
                    # "Australia's Minister for the Pacific, Zed Seselja": a name the model missed, given by its office
                    return named
        for child in token.children:
            if child.dep_ == "compound" and child.i in self.ent_of and self.ent_of[child.i].label_ == "PERSON":
                return self._from_ent(self.ent_of[child.i], role)
        lemma = token.lemma_.lower()
        if lemma in self.cues.collective_actors | {"group", "organisation", "organization", "party"}:
            # "the National Liberation Army (ELN) rebel group": the organisation it is
            for child in token.children:
                child_ent = self.ent_of.get(child.i)
                if child.dep_ in {"nmod", "compound"} and child_ent is not None and child_ent.label_ == "ORG" and child_ent.root.i == child.i:
                    return self._from_ent(child_ent, role)
        if lemma in {"delegation", "team", "mission", "group"}:
            # "a Pentagon delegation led by Army Secretary Dan Driscoll": the leader named
            for child in token.children:
                if child.dep_ == "acl" and child.lemma_.lower() in {"lead", "head"}:
                    for agent in self.agents(child):
                        found = self.party(agent, role)
                        if found is not None and found.kind == "PERSON":
                            return found
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}), None)
        if owner is not None and lemma in {"country", "government", "nation", "administration"}:
            # "Ortega said his country would give Snowden asylum": the state of the one he is
            return PartyRef(owner.text, "PRON", role, owner.i, owner.i + 1, title="state_of")
        owner_ent = next((self.ent_of[c.i] for c in token.children if c.dep_ == "poss" and c.i in self.ent_of), None)
        if any(c.dep_ == "poss" and c.lower_ == "whose" for c in token.children) and token.head.dep_ == "relcl":
            # "Ma, whose government signed a framework agreement with Beijing": the relative's head
            owner_ent = self.ent_of.get(self._antecedent(token.head).i)
        if owner_ent is not None and owner_ent.label_ == "PERSON" and lemma in {"government", "administration"}:
            # "Prime Minister Justin Trudeau's government granted her asylum": the state he leads
            return PartyRef(owner_ent.text, "PERSON", role, owner_ent.start, owner_ent.end, title="state_of")
        # "a group of Moroccan diplomats", "leaders of Romania's new government"
        # (people named by office and state, "the leaders of France and Germany", are expanded in parties_from)
        if lemma in {"group", "delegation", "team", "decision", "order", "behalf", "government", "administration", "leadership", "office", "member", "commission", "committee", "panel", "body", "court", "tribunal",
                     "number", "handful", "dozen", "dozens", "hundreds", "thousands", "couple"}:
            # ("granted asylum to a number of Turkish soldiers": the soldiers)
            for obj in self.prep_objects(token, {"of", "from"}):
                inner = self.party(obj, role)
                if inner is not None and inner.kind not in {"PRON"}:
                    return inner
        has_nationality = any(
            c.dep_ in {"amod", "compound"} and self.ent_of.get(c.i) is not None and self.ent_of[c.i].label_ in {"NORP", "GPE"} for c in token.children
        )
        named_group = token.tag_ in {"NNS", "NNPS"} and lower in {"nations", "countries", "states", "governments", "members"} and any(
            c.dep_ in {"amod", "compound"} and (c.pos_ == "PROPN" or c.ent_type_ in {"LOC", "GPE", "NORP", "ORG"}) for c in token.subtree if c.i < token.i
        )
        if named_group:
            # "ten Pacific island nations", "the Gulf states": a group the article names, not an anaphor
            return PartyRef(self.phrase(token), "NORPGROUP", role, token.i, token.i + 1)
        # "the two men" looks back; "two Russian men" says who they are
        counted = token.tag_ in {"NNS", "NNPS"} and lemma in self.cues.person_nouns and any(c.lower_ in NUMBER_WORDS for c in token.children)
        if not has_nationality and (counted or lemma in self.cues.group_anaphors or (lower in self.cues.group_anaphors and token.tag_ in {"NNS", "CD"})):
            if any(c.lower_ in {"two", "both", "three", "four", "five", "six", "the"} for c in token.children) or token.tag_ == "CD":
                size = next((NUMBER_WORDS[c.lower_] for c in token.children if c.lower_ in NUMBER_WORDS), NUMBER_WORDS.get(lower))  # "the four flew in"
                return PartyRef(token.text, "GROUP", role, token.i, token.i + 1, size=size)
        if lemma in self.cues.person_nouns and any(c.dep_ == "det" and c.lower_ in {"a", "an", "any", "another"} for c in token.children):
            return None  # "the first state visit by an African leader": a description, not a party
        if {lemma, lower} & (self.cues.person_nouns | self.cues.institution_nouns):
            country = None
            for child in token.children:
                if child.dep_ in {"amod", "compound", "poss", "nmod"}:
                    child_ent = self.ent_of.get(child.i)
                    if child_ent is not None and child_ent.label_ == "ORG" and child_ent.root.i == child.i:
                        # "EU leaders", "Taliban negotiators": the organisation they speak for
                        return self._from_ent(child_ent, role)
                    if child_ent is not None and child_ent.label_ in {"GPE", "NORP"}:
                        country = self.gaz.country_of(child_ent.text) or child_ent.text
                    elif child.ent_type_ == "" and self.gaz.country_of(child.text):
                        country = self.gaz.country_of(child.text)
            if not country and {lemma, lower} & self.cues.institution_nouns:
                # "forces from the northern Tigray region": the place or group they come from;
                # "the government and forces from Tigray": the parser hangs "from" on the first conjunct
                origins = self.prep_objects(token, {"from", "of"})
                if not origins and token.dep_ == "conj":
                    origins = [o for o in self.prep_objects(token.head, {"from"}) if o.i > token.i]
                for obj in origins:
                    for t in obj.subtree:
                        t_ent = self.ent_of.get(t.i)
                        if t_ent is not None and t_ent.label_ in {"GPE", "ORG", "NORP"}:
                            return self._from_ent(t_ent, role)
            government = next((c for c in token.children if c.dep_ == "compound" and c.lower_ == "government"), None)
            if not country and government is not None and token.tag_ == "NNS" and lemma in self.cues.person_nouns:
                # "government ministers and the commanders of the URNG signed": the government signs
                return PartyRef("the government", "NORPGROUP", role, government.i, government.i + 1)
            office = [c.lower_ for c in token.lefts if c.dep_ in {"compound", "amod"} and c.lower_ in {"prime", "foreign", "defence", "defense", "crown", "supreme", "grand"}]
            if not country and lemma == "head" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and any(
                    o.lower_ in {"state", "government"} for o in self.prep_objects(token, {"of"})):
                # "The ousted Head of State has taken refuge in Cameroon": the leader the article names
                return PartyRef(token.text, "TITLE", role, token.i, token.i + 1, title="head")
            of_state = self._office_of_state(token) if not country else None
            if of_state is not None and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                # "held talks with the Secretary of State": the one person the article calls so, not a state called "State"
                return PartyRef(token.text, "TITLE", role, token.i, of_state.i + 1, title=lemma)
            start = token.i - 2 if token.i >= 2 and self.doc[token.i - 1].text == "-" else min([c.i for c in token.lefts if c.dep_ == "compound" and c.is_title], default=token.i)
            written = self.doc[start: token.i + 1].text.lower()
            if not country and start < token.i and written in self.cues.titles and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                # "the Secretary-General met Prime Minister Khan", "the Secretary General and the President held a
                # meeting": the one person the article calls so
                return PartyRef(self.doc[start: token.i + 1].text, "TITLE", role, start, token.i + 1, title=written.replace("-", " "))
            distinct = lemma in self.cues.distinct_titles or (lemma == "minister" and office)
            if not country and distinct and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and token.tag_ in {"NN", "NNP"}:
                # "held talks with the crown prince": the one person the article calls so (resolved later)
                title = " ".join([*office, lemma])
                return PartyRef(token.text, "TITLE", role, token.i, token.i + 1, title=title)
            if country:
                if {lemma, lower} & (STATE_BODIES | {"ministry"}):
                    # "Colombia's government", "the Afghan authorities", "Niger's military rulers": the state acting
                    return PartyRef.of_state(country, role, token.i, token.i + 1)
                if {lemma, lower} & (self.cues.institution_nouns | self.cues.collective_actors):
                    # "Sudan's army": named as the article names it; "the Venezuelan opposition": a side of its
                    # own, not the state (nor the head of state) it is named with
                    return PartyRef(self.phrase(token), "NORPGROUP", role, token.i, token.i + 1, country_hint=country)
                if token.tag_ in {"NNS", "NNPS"}:
                    return PartyRef(self.phrase(token), "NORPGROUP", role, token.i, token.i + 1, country_hint=country)
                return PartyRef(token.text, "TITLE", role, token.i, token.i + 1, country_hint=country, title=lemma)
            if {lemma, lower} & self.cues.collective_actors and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
                # "the opposition", "the rebels": a side named by what it is
                return PartyRef(self.phrase(token, with_of=True), "NORPGROUP", role, token.i, token.i + 1)
        elif {lemma, lower} & self.cues.collective_actors and token.pos_ == "NOUN" and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
            # "an alliance of rebel groups", "separatist movements": a side named by what it is
            return PartyRef(self.phrase(token, with_of=True), "NORPGROUP", role, token.i, token.i + 1)
        elif lemma in {"group", "faction", "organisation", "organization"} and token.tag_ == "NNS" and any(c.dep_ in {"amod", "compound"} and c.lower_ in self.cues.armed_modifiers for c in token.children):
            # "the government and 14 armed groups initialled a peace agreement": a side named by what it is
            return PartyRef(self.phrase(token), "NORPGROUP", role, token.i, token.i + 1)
        elif {lemma, lower} & self.cues.counterparty_groups and token.pos_ == "NOUN":
            # "reached an agreement with its largest creditors": the other side, by its role
            return PartyRef(self.phrase(token), "NORPGROUP", role, token.i, token.i + 1)
        elif token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in token.children):
            # "five Panamanian army officers", "eight Turkish military personnel": a group named by its nationality
            for child in token.children:
                child_ent = self.ent_of.get(child.i)
                if child.dep_ in {"amod", "compound"} and child_ent is not None and child_ent.label_ == "NORP":
                    country = self.gaz.country_of(child_ent.text)
                    return PartyRef(self.phrase(token), "NORPGROUP", role, token.i, token.i + 1, country_hint=country)
        return None

    def hyphened_sides(self, side: Token, role: str = "participant") -> list[PartyRef]:
        """"the annual India-Russia summit", "the US-Taliban deal": the parser hangs the first side on the
        second, joined by the hyphen; both are sides."""
        found = []
        for child in side.children:
            joined = child.dep_ in {"compound", "amod", "nmod"} and child.i < side.i and any(t.text in {"-", "–", "/"} for t in self.doc[child.i + 1: side.i])
            party = self.party(child, role) if joined and child.i in self.ent_of else None
            if party is not None and party.kind in {"GPE", "ORG", "NORP"}:
                found.append(party)
        return found

    def hyphened_people(self, noun: Token, role: str = "participant") -> tuple[list[PartyRef], set[int]]:
        """"the second Trump-Kim summit", "the Biden-Putin talks": two people the article names elsewhere,
        by one name each, joined by a hyphen before the event's noun (the model reads the pair as one
        organisation, or as nothing). Both are sides, and the words they take are returned, to be read no
        further. A pair that is no one's names ("the Rolls-Royce deal") gives nothing."""
        if noun.i < 3:
            return [], set()
        first, hyphen, second = self.doc[noun.i - 3: noun.i]
        if hyphen.text not in {"-", "–"} or first.whitespace_ or hyphen.whitespace_ or not (first.is_title and second.is_title):
            return [], set()
        entries = [self.gaz.lookup(t.text) for t in (first, second)]
        if any(e is not None and e.kind != "PERSON" for e in entries):
            return [], set()  # "the India-Russia summit": states, read as such
        found = []
        for word, entry in zip((first, second), entries):
            named = any(e.label_ == "PERSON" and not e.start <= word.i < e.end and any(t.text == word.text for t in e) for e in self.doc.ents)
            if entry is None and not named:
                return [], set()
            found.append(PartyRef(word.text, "PERSON", role, word.i, word.i + 1))
        return found, {first.i, hyphen.i, second.i}

    def _named_partner(self, token: Token) -> Span | None:
        """The labelled state or body a lone unlabelled proper name is coordinated with, if any."""
        if token.pos_ != "PROPN" or not token.is_title or token.lower_ in self.cues.person_nouns or self.gaz.lookup(token.text) is not None:
            return None
        if any(c.dep_ in {"compound", "amod", "poss"} for c in token.children) or token.dep_ in {"compound", "amod", "poss"}:
            return None  # part of a longer phrase, not a name of its own
        others = [*(c for c in token.children if c.dep_ == "conj"), *([token.head] if token.dep_ == "conj" else [])]
        for other in others:
            ent = self.ent_of.get(other.i)
            if ent is not None and ent.label_ in {"ORG", "GPE"} and other.i == ent.root.i:
                return ent
        return None

    def _transcript_turns(self) -> list[tuple[int, str | None]]:
        """Where each turn of a transcript starts, and who speaks it: "SERGEI LAVROV:" names the
        speaker, "ANCHOR:" only a role. An article with fewer than two labelled lines has none."""
        turns = [(m.start(), m.group(1)) for m in TURN_LABEL.finditer(self.text)]
        if len(turns) < 2:
            return [(start, name) for start, _, name in record_turns(self.text, self.cues.person_nouns)]
        initials = self._initials_of_names()
        named = {}
        for _, label in turns:
            if label not in named:
                named[label] = None if label.lower() in self.cues.speaker_roles or self._names_no_person(label.title()) \
                    else initials.get(label.replace(".", "").replace(" ", ""), label.title())
        return [(at, named[label]) for at, label in turns]

    def _initials_of_names(self) -> dict[str, str]:
        """An interview's turns are labelled with the initials of the two people its opening names
        ("Kari Vuorela ... talked to Helena Sarkio. / HS: You arrived on 1 June? / KV: ..."): each
        name's initials, all of them or first and last ("ALR", "AR" for Ana Lucía Restrepo), mapped
        to the name at its longest."""
        found: dict[str, str] = {}
        for ent in self.doc.ents:
            if ent.label_ not in {"PERSON", "ORG", "NORP"}:
                continue
            words = [w for w in re.split(r"[\s\-]+", ent.text) if w[:1].isupper()]
            if len(words) < 2:
                continue
            letters = [unicodedata.normalize("NFKD", w[0])[0] for w in words]
            for key in {"".join(letters), letters[0] + letters[-1]}:
                if len(found.get(key, "")) < len(ent.text):
                    found[key] = ent.text
        return found

    def _names_no_person(self, label: str) -> bool:
        """A label the gazetteer knows as a place or body ("MOSCOW:"), not as a person."""
        entry = self.gaz.lookup(label)
        return entry is not None and entry.kind != "PERSON"

    def _speaker(self, token: Token) -> str | None:
        """The named speaker of the turn a token is in, if the turn has one."""
        at = bisect_right([start for start, _ in self.turns], token.idx) - 1
        return self.turns[at][1] if at >= 0 else None

    @staticmethod
    def is_age(token: Token) -> bool:
        """"old" in "83-year-old": an age, which the model often takes for a date."""
        return token.lower_ == "old" and any(c.lower_ in {"year", "years"} for c in token.children)

    @staticmethod
    def age_after_name(ent: Span) -> bool:
        """"Al-Araibi, 25, a former member of the national team": a bare number set off by commas
        right after a person's name is the person's age, which the model often takes for a day."""
        doc = ent.doc
        if len(ent) != 1 or not ent.text.isdigit() or int(ent.text) > 120 or ent.start < 2 or ent.end >= len(doc):
            return False
        return doc[ent.start - 1].text == "," and doc[ent.end].text == "," and doc[ent.start - 2].ent_type_ == "PERSON"

    def _holds_office(self, ent: Span) -> bool:
        """A name the model calls a place or an organisation, in apposition with an office."""
        return any(c.dep_ == "appos" and c.lemma_.lower() in self.cues.person_nouns and not c.ent_type_ for c in ent.root.children)

    def _office_of(self, ent: Span) -> Token | None:
        """The office word an organisation's name belongs to: the title it opens ("the High
        Representative for Foreign Affairs"), the title it is "of" or "for" ("the President of the
        Councils of State and Ministers") or the title it qualifies ("Treasury Secretary")."""
        leading = [t for t in ent if t.lower_ != "the"]
        for t in leading[:3]:
            if not t.is_title:
                break
            if t.lemma_.lower() in self.cues.person_nouns and t.i < ent.end - 1 and self.doc[t.i + 1].lower_ in {"of", "for"}:
                return t
        head = ent.root.head
        if ent.root.dep_ == "pobj" and head.lower_ in {"of", "for"} and head.head.i < ent.start:
            head = head.head
        elif ent.root.dep_ != "compound":
            return None
        if head.lemma_.lower() in self.cues.person_nouns and head.tag_ in {"NN", "NNP"} and head.is_title and head.ent_type_ not in {"PERSON", "GPE", "NORP"}:
            return head
        return None

    def _title_of_a_name(self, title: Token) -> bool:
        """"Secretary of State John Kerry": the title is part of how a named person is called."""
        ent = self.ent_of.get(title.head.i)
        if title.dep_ in {"compound", "nmod", "appos"} and ent is not None and ent.label_ == "PERSON":
            return True
        after = self.ent_of.get(title.i + 1)
        return after is not None and after.label_ == "PERSON" and after.start == title.i + 1

    def _named_by_apposition(self, token: Token, ent: Span | None) -> Span | None:
        """"the head of Sudan's Sovereign Council, General Abdel Fattah al-Burhan,", "the State
        Counsellor of Myanmar, Daw Aung San Suu Kyi": an office, then the name of who holds it,
        set off by commas (however the parser hangs the name)."""
        if ent is not None and ent.label_ != "ORG" or token.lemma_.lower() not in self.cues.person_nouns:
            return None
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.ent_of and self.ent_of[child.i].label_ == "PERSON":
                return self.ent_of[child.i]
        named = self._name_after_the_office_place(token)
        if named is not None:
            return named
        closing = self._name_closing_the_office(token)
        if closing is not None:
            return closing
        root = self._person_after(token)
        if root is None:
            return self._name_inside_the_office(token)
        name = self.ent_of[root.i]
        closing = self.doc[name.end] if name.end < len(self.doc) else None
        # not "met the president, Putin said": a name that goes on to speak is no apposition
        # (a name the model cut short runs on: "Miguel Díaz-Canel" + "Bermúdez")
        return name if closing is None or closing.is_punct or (closing.pos_ == "PROPN" and closing.is_title) else None

    def _name_after_the_office_place(self, title: Token) -> Span | None:
        """"The United Nations special envoy for Afghanistan, Lakhdar Brahimi, met ...": the parser hangs
        the name on the place or body the office is for, not on the office. Only a name set off by a
        comma after a place or body: after a person ("the wife of the ambassador, Jane Doe") the name
        may be that person's."""
        for prep in title.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"for", "of", "to"}:
                continue
            for obj in prep.children:
                place = self.ent_of.get(obj.i)
                if obj.dep_ != "pobj" or place is None or place.label_ not in {"GPE", "ORG", "NORP", "LOC", "FAC"}:
                    continue
                for child in obj.children:
                    name = self.ent_of.get(child.i) if child.dep_ == "appos" else None
                    if name is not None and name.label_ == "PERSON" and self.doc[name.start - 1].text == ",":
                        return name
        return None

    def _name_inside_the_office(self, title: Token) -> Span | None:
        """"The President of the Councils of State and Ministers of Cuba, General of the Army Raúl Castro
        Ruz, was received": a long office, a comma, the holder's own titles and name, which the parser
        scatters inside the office's phrase (the name as the object of "of the Army")."""
        comma = next((t.i for t in title.subtree if t.text == "," and t.i > title.i), None)
        if comma is None:
            return None
        for t in self.doc[comma + 1: title.right_edge.i + 1]:
            ent = self.ent_of.get(t.i)
            if ent is not None and ent.label_ == "PERSON":
                return ent if ent.start - comma <= 6 else None
            if not (t.pos_ in {"PROPN", "DET", "ADP"} and (t.is_title or t.pos_ != "PROPN")):
                return None
        return None

    def _name_closing_the_office(self, title: Token) -> Span | None:
        """"held talks with Minister of Foreign Affairs Sergei Lavrov", "with Chief of Army Staff General
        Raheel Sharif": an office told with its "of" phrase, then its holder's name with no comma, which
        the parser hangs on the "of" as its object. One office, one holder: not "Negotiators for
        President Zelaya", who speak for the one they name."""
        if title.tag_ not in {"NN", "NNP"} or not title.is_title:
            return None
        for prep in title.children:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.dep_ == "prep" and prep.lower_ in {"of", "for"} else None
            name = self.ent_of.get(obj.i) if obj is not None else None
            if name is not None and name.label_ == "PERSON" and not any(t.is_punct for t in self.doc[title.i:name.start]):
                return name
        return None

    def listed_among(self, noun: Token, heads: set[str]) -> list[PartyRef]:
        """Parties listed in this sentence or the next two as "among the leaders / signatories":
        "Rwanda, Niger, Kenya and Ghana were among the signatories"."""
        sents = list(self.doc.sents)
        here = next(i for i, s in enumerate(sents) if s.start <= noun.i < s.end)
        found: list[PartyRef] = []
        for sent in sents[here: here + 3]:
            for token in sent:
                if token.lower_ == "among" and token.dep_ == "prep" and any(c.lemma_.lower() in heads for c in token.children if c.dep_ == "pobj"):
                    found += [p for p in self.parties_from(self.subjects(token.head)) if p.kind in {"PERSON", "GPE", "ORG"}]
        return found

    def _sayer(self, pronoun: Token, plural: bool = False) -> Token | None:
        """The state or organisation subject of the verb of saying above "it": "North Korea",
        or "Sri Lanka's government" (the state); above "they" (plural), also a people named as a
        whole ("the Emiratis", not "two Britons")."""
        for ancestor in pronoun.ancestors:
            made_clear = ancestor.lemma_.lower() == "make" and any(c.lower_ == "clear" for c in ancestor.children)
            if made_clear or ancestor.lemma_.lower() in self.cues.statement_verbs | {"insist", "warn", "threaten", "vow", "pledge", "deny"}:
                for child in ancestor.children:
                    if child.dep_ != "nsubj" or child.i > pronoun.i:
                        continue
                    ent = self.ent_of.get(child.i)
                    if ent is not None and ent.label_ in {"GPE", "ORG"}:
                        return child
                    if plural and ent is not None and ent.label_ == "NORP" and child.pos_ == "PROPN" and not any(c.dep_ == "nummod" for c in child.children) \
                            and any(c.dep_ == "det" and c.lower_ == "the" for c in child.children):
                        return child
                    if ent is None and {child.lemma_.lower(), child.lower_} & STATE_BODIES:
                        found = self.party(child)
                        return child if found is not None and found.kind == "GPE" else None
                return None
        return None

    def phrase(self, token: Token, with_of: bool = False) -> str:
        """The noun phrase without determiners and numbers: "Panamanian army officers";
        with `with_of`, its "of" complement too: "alliance of rebel groups"."""
        counted = {t.i for c in token.children if c.dep_ == "nummod" for t in c.subtree}  # "more than 400"
        # (the noun itself stays, whatever its own role: "the alliance's summit" is the alliance's)
        words = [t for t in token.subtree if t.i == token.i or t.i < token.i and t.i not in counted and t.dep_ not in {"det", "nummod", "poss", "case", "punct", "predet"} and t.pos_ != "NUM"]
        if with_of:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == token.i + 1:
                    words += [t for t in prep.subtree if t.dep_ not in {"det", "punct", "poss", "case"} and not t.ent_type_ == "DATE"]
        return " ".join(t.text for t in words)

    def _name_in_apposition(self, token: Token, role: str) -> PartyRef | None:
        """Two or more capitalised words set in apposition to an office, which the model left unlabelled or
        labelled as no party ("the opposition Unitary Platform"): the name of who holds it (not a place the
        gazetteer knows, nor a bare title such as "Prime Minister")."""
        if token.pos_ != "PROPN":
            return None
        words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
        text = " ".join(t.text for t in words)
        if len(words) < 2 or words[-1].i - words[0].i != len(words) - 1 or self.gaz.lookup(text) is not None or is_bare_title(text, self.cues):
            return None
        return PartyRef(text, "PERSON", role, words[0].i, token.i + 1)

    def known_person(self, word: str) -> bool:
        """A surname the model labels as a person somewhere else in the article."""
        return any(ent.label_ == "PERSON" and ent[-1].text == word for ent in self.doc.ents)

    def _part_of_a_person(self, word: str) -> bool:
        """A name the model labels as part of a person's name elsewhere ("Abiy" of "Abiy Ahmed", who
        goes by his first name), never a state's or a demonym."""
        entry = self.gaz.lookup(word)
        if entry is not None and entry.kind != "PERSON":
            return False
        return any(ent.label_ == "PERSON" and len(ent) > 1 and any(t.text == word for t in ent) for ent in self.doc.ents)

    def _parallel_to_person(self, token: Token) -> bool:
        if token.dep_ != "conj":
            return False
        first = token.head
        while first.dep_ == "conj":
            first = first.head
        candidates = [first, first.head] if first.dep_ == "pobj" else [first]
        return any(self.ent_of.get(c.i) is not None and self.ent_of[c.i].label_ == "PERSON" for c in candidates) and any(
            c.pos_ == "PROPN" and c.dep_ == "compound" for c in token.lefts
        )

    def _addressed(self, token: Token, key: str, role: str) -> PartyRef | None:
        """Whom a form of address names: the person named right after it ("His Excellency Narendra
        Modi"), the office after it ("HH the Amir", "HE the President"), or, used alone, the person
        the article first addressed so ("His Royal Highness and the Indian Prime Minister held talks")."""
        doc = token.doc
        i = token.i + 1
        office: list[str] = []
        while i < len(doc) and ((doc[i].lower_ == "the" and not office) or (doc[i].is_title and doc[i].lower_ in self.cues.titles)):
            if doc[i].lower_ != "the":
                office.append(doc[i].lower_)
            i += 1
        ent = self.ent_of.get(i)
        if ent is not None and ent.label_ == "PERSON" and i < len(doc):
            return self._from_ent(ent, role)
        named = self.ent_of.get(i - 1) if office else None
        if named is not None and named.label_ == "PERSON" and not is_bare_title(named.text, self.cues):
            return self._from_ent(named, role)  # "His Royal Highness Prince Mohammed", the office inside the name
        if office:
            return PartyRef(doc[token.i + 1: i].text, "TITLE", role, token.i, i, title=" ".join(office))
        return PartyRef(token.text, "TITLE", role, token.i, token.i + 1, title=key)

    def _legislature_of(self, token: Token, ent: Span | None, role: str) -> PartyRef | None:
        """"Albania's parliament ratified the protocol with Italy", "the US Senate ratified it", "the Iraqi
        parliament approved them": a legislature ratifies or rejects for its state, so the state is the
        party (the ratifying is then one more mention of the agreement). A legislature the gazetteer knows
        by name ("the Knesset") already stands for its state."""
        head = ent.root if ent is not None else token
        if head.lemma_.lower() not in self.cues.legislature_nouns or head.pos_ not in {"NOUN", "PROPN"}:
            return None
        if ent is not None and self.gaz.lookup(ent.text) is not None:
            return None
        modifiers = [c for c in head.children if c.dep_ in {"poss", "amod", "compound", "nmod"}]
        modifiers += [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        for modifier in modifiers:
            named = self.ent_of.get(modifier.i)
            entry = self.gaz.lookup(named.text if named is not None and named != ent else modifier.text)
            if entry is not None and entry.kind in {"GPE", "NORP"} and entry.country:
                country = entry.country
                start, end = (ent.start, ent.end) if ent is not None else (token.i, token.i + 1)
                return PartyRef.of_state(country, role, start, end)
        return None

    def _from_ent(self, ent: Span, role: str) -> PartyRef:
        entry = self.gaz.lookup(ent.text)
        kind = ent.label_
        if entry is not None:
            kind = entry.kind
        return PartyRef(
            ent.text,
            kind,
            role,
            ent.start,
            ent.end,
            ent_id=entry.key if entry else (ent.ent_id_ or ""),
            country_hint=entry.country if entry else None,
        )

    def parties_from(self, tokens, role: str = "participant") -> list[PartyRef]:
        """Parties for tokens and everything coordinated with them.

        Coordination is followed through conj and through appositions of
        named entities ("The US, Russia, and Switzerland" is often parsed as
        an apposition), and from every token of a multi-word name, since the
        small model hangs "and Putin" on "Obama" inside "Barack Obama".
        """
        found: list[PartyRef] = []
        seen: set[int] = set()
        stack = list(tokens)
        for token in tokens:
            stack.extend(self.coordinated_names(token))
        subjects = [t for t in tokens if t.dep_ == "nsubj"]
        if len(subjects) >= 2 and len({t.head.i for t in subjects}) == 1:
            stack.extend(self.coordinated_names(*subjects))  # one subject phrase parsed as two
        while stack:
            token = stack.pop(0)
            if token.i in seen:
                continue
            ent = self.ent_of.get(token.i)
            members = list(ent) if ent is not None and ent.label_ in PARTY_LABELS else [token]
            seen.update(t.i for t in members)
            if ent is not None and ent.label_ == "NORP" and token.dep_ == "conj" and ent.end < len(self.doc) and self.doc[ent.end].pos_ in {"NOUN", "ADJ"}:
                continue  # "Lebed and Chechen rebel chief of staff Maskhadov": a nationality describing the next name
            pair = self._elliptical_states(token, role)
            if pair:
                seen.update(range(pair[0].start, pair[-1].end))
                found.extend(pair)
                continue
            sides = [] if self._listed_members(token) else self._coordinated_nationalities(token, role)
            if sides:
                # "Saudi and Iranian officials", "Russian and Ukrainian delegations": one side per nationality
                found.extend(sides)
                continue
            party = self.party(token, role)
            if party is None and token.pos_ == "NOUN" and token.lower_ in self.cues.subnational_units and ent is None:
                # "a partnership with the southern province of Guangdong", "with Ukraine's Zaporizhzhia region":
                # the province or region by its name
                named = self.prep_objects(token, {"of"}) + [c for c in token.children if c.dep_ == "compound"]
                units = [t for t in named if t.i in self.ent_of and self.ent_of[t.i].label_ == "GPE"]
                if units:
                    stack.extend(units)
                    continue
            if party is not None and party.kind == "GROUP" and token.pos_ == "PRON":
                antecedent = self.plural_antecedent(token)
                if antecedent:
                    stack.extend(antecedent)
                    continue
            if token.tag_ in {"NNS", "NNPS"} and token.lemma_.lower() in self.cues.institution_nouns and party is not None and party.kind == "GPE":
                # "with the governments of El Salvador, Guatemala and Honduras": each state's government, not
                # only the first state's
                states = [s for o in self.prep_objects(token, {"of"}) for s in self._state_list(o)]
                if len(states) > 1:
                    stack.extend(states)
                    continue
            # "the member countries of ACTO, namely Bolivia, Brazil ...": the members listed, not the body
            listed_after = any(c.dep_ == "appos" and c.i in self.ent_of and self.ent_of[c.i].label_ in PARTY_LABELS for c in token.children)
            # not the "State" of "Head of State" or of "the Secretary of State"
            head_of_state = party is not None and party.kind == "TITLE" and (token.lower_ == "head" or self._office_of_state(token) is not None)
            if (party is None or party.kind in {"GROUP", "TITLE"}) and token.pos_ in NOUNISH and ent is None and not listed_after and not head_of_state:
                # "the foreign ministers of Russia and Ukraine": the states named after "of"
                representative = token.lemma_.lower() in {"representative", "envoy", "delegate", "negotiator", "emissary", "legate"}
                # ("negotiators for Zelaya and the de facto government": whom they negotiate for)
                of_objects = self.prep_objects(token, {"of", "from", "for"} if representative else {"of", "from"})
                of_parties = [o for o in of_objects if o.i in self.ent_of and self.ent_of[o.i].label_ in {"GPE", "ORG", "NORP"}]
                # "representatives of President Maduro and the opposition": whom they represent
                acronyms = [o for o in of_objects if o.i not in self.ent_of and o.pos_ == "PROPN" and o.is_upper and len(o.text) > 1 and o.is_alpha]
                if not of_parties and representative and acronyms:
                    # "representatives of the IRA", a body the model left unlabelled: the body
                    found += [PartyRef(o.text, "ORG", role, o.i, o.i + 1) for o in acronyms]
                    seen.update(o.i for o in acronyms)
                    continue
                if not of_parties and representative:
                    stack.extend(o for o in of_objects if o.i in self.ent_of and self.ent_of[o.i].label_ == "PERSON")
                    # "representatives of the member states signed": the states the article has just named
                    # ("representatives of 14 Palestinian factions, including Hamas and Fatah": the factions named)
                    stack.extend(o for o in of_objects if o.i not in self.ent_of and getattr(self.party(o, role), "kind", None) in {"GROUP", "NORPGROUP"})
                if of_parties and (token.lemma_.lower() in self.cues.person_nouns or token.lower_ in self.cues.group_anaphors):
                    party = None
                    # "the defence ministers of Turkey, Syria and Russia": the office with its portfolio
                    portfolio = [c.lower_ for c in token.children if c.dep_ in {"amod", "compound"} and c.lower_ in {"defence", "defense", "foreign", "interior", "finance", "prime", "trade", "energy", "economy", "justice"}]
                    title = " ".join([*portfolio, token.lemma_.lower()])
                    for obj in of_parties:
                        for state in self._state_list(obj):
                            state_ent = self.ent_of.get(state.i)
                            if state_ent is None or state.i in seen:
                                continue
                            country = self.gaz.country_of(state_ent.text)
                            if country and title.split()[-1] in self.cues.person_nouns and title not in {"government", "administration", "regime", "authorities", "cabinet", "council", "opposition", "junta", "team", "delegation"}:
                                # "the foreign ministers of Russia and Ukraine": each state's minister, if named
                                seen.add(state.i)
                                if self._person_after(token) is None:
                                    found.append(PartyRef(state_ent.text, "TITLE", role, state_ent.start, state_ent.end, country_hint=country, title=title, size=0 if token.tag_ in {"NNS", "NNPS"} else 1))
                            else:
                                stack.append(state)
            quantity = token.lower_ in QUANTIFIERS and bool(self.prep_objects(token, {"of"}))  # "met some of the coup leaders, including X"
            if (party is None or party.kind in {"NORPGROUP", "GROUP"}) and (token.tag_ in {"NNS", "NNPS"} and token.pos_ != "PRON" or quantity):
                # "several countries, including India and Brazil", "talks with Chinese leaders, including
                # Deng Xiaoping": the members the article names stand for the group
                listed = self._listed_members(token)
                if listed:
                    stack.extend(listed)
                    party = None
                elif quantity and token.pos_ == "PRON":
                    # "all of them asking Peru for asylum": the people "them" stands for
                    stack.extend(o for o in self.prep_objects(token, {"of"}) if o.lower_ in {"them", "us"})
            identified = self._identified_as(token) if ent is None and token.pos_ == "NOUN" else None
            if identified is not None:
                # "asylum to the pilot, identified by opposition groups as Colonel Hassan Merei al-Hamade": the person named
                stack.append(identified)
                continue
            named = self._person_after(token) if party is not None and party.kind in {"NORPGROUP", "GROUP", "TITLE"} and token.tag_ in {"NNS", "NNPS"} else None
            if named is not None:
                # "their Philippine counterparts, Foreign Secretary Enrique Manalo and Teodoro": the people named
                stack.extend([named, *(c for c in named.conjuncts if c.ent_type_ == "PERSON")])
                party = None
            namely = [c for c in token.children if c.dep_ == "appos" and c.i in self.ent_of and any(g.lower_ == "namely" for g in c.children)]
            if namely and party is not None and party.kind in {"ORG", "GROUP", "NORPGROUP"}:
                # "the Pacific Alliance, namely Chile, Colombia, Mexico and Peru, signed": the members it lists
                party = None
            if party is not None:
                found.append(party)
            for member in members:
                for child in member.children:
                    if child.i in seen:
                        continue
                    if child.dep_ == "prep" and child.lower_ == "of" and party is not None and party.kind == "PERSON":
                        # "Kotzias of Greece and Dimitrov of Macedonia": the parser hangs the
                        # second person on the first one's state
                        for pobj in child.children:
                            stack.extend(c for c in pobj.children if c.dep_ == "conj" and c.pos_ == "PROPN")
                    if child.dep_ == "conj":
                        stack.append(child)
                    elif child.dep_ in {"appos", "pobj", "npadvmod"} and child.i in self.ent_of and self.ent_of[child.i].label_ in PARTY_LABELS and (ent is not None or child.dep_ == "appos"):
                        if child.dep_ == "appos" and party is not None and party.kind == "PERSON" and not self._another_titled_person(child):
                            # (the same person, named; but "Fiji's prime minister Frank Bainimarama and the leaders
                            # of Nauru and Palau": the parser hangs what is coordinated with him on his name)
                            stack.extend(c for c in child.children if c.dep_ == "conj" and c.i not in seen)
                            continue
                        stack.append(child)
        return found

    def _office_of_state(self, token: Token) -> Token | None:
        """The "State" of "Secretary of State" or "Minister of State": part of an office's name."""
        if token.lemma_.lower() not in {"secretary", "minister"}:
            return None
        return next((o for o in self.prep_objects(token, {"of"}) if o.text == "State" and all(c.dep_ == "det" for c in o.children)), None)

    def _state_list(self, obj: Token) -> list[Token]:
        """A list of states however coordinated: "of Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan"
        comes out with Kyrgyzstan in apposition to Kazakhstan and the rest conjoined to it."""
        listed = [obj, *obj.conjuncts]
        for token in list(listed):
            for child in token.children:
                ent = self.ent_of.get(child.i)
                if child.dep_ == "appos" and ent is not None and ent.label_ in {"GPE", "NORP"}:
                    listed += [child, *child.conjuncts]
        return list({t.i: t for t in listed}.values())

    def _portfolio_of_a_title(self, token: Token, ent: Span | None) -> bool:
        """"Ports and Shipping Minister X", "Trade and Industry Minister X": the first portfolio of an
        office with two, which the parser coordinates as if it were a side (not "Russia and Foreign
        Minister Lavrov", a state)."""
        if not token.is_title or ent is not None and (ent.label_ != "ORG" or len(ent) > 1) or self.gaz.lookup(token.text) is not None:
            return False
        if self.known_person(token.text) or self._part_of_a_person(token.text):
            return False  # "Wang and National Security Adviser Ajit Doval": a name the model left unlabelled
        if token.i + 2 >= len(self.doc) or self.doc[token.i + 1].lower_ != "and":
            return False
        at = token.i + 2
        while at < len(self.doc) and at <= token.i + 4 and self.doc[at].is_title and self.doc[at].lower_ not in self.cues.person_nouns:
            at += 1
        return (at + 1 < len(self.doc) and at > token.i + 2 and self.doc[at].lower_ in self.cues.person_nouns
                and self.doc[at + 1].ent_type_ == "PERSON")

    def _another_titled_person(self, token: Token) -> bool:
        """"by President Ramaphosa of South Africa, President Masisi of Botswana, ...": a person with a
        title of their own, hung on the person before as an apposition, is the next of a list."""
        ent = self.ent_of.get(token.i)
        return (ent is not None and ent.label_ == "PERSON" and ent.start > 1 and self.doc[ent.start - 1].lower_ in self.cues.person_nouns
                and self.doc[ent.start - 2].text == ",")

    def _identified_as(self, noun: Token) -> Token | None:
        """The person a described noun is "identified as" or "named as"."""
        for clause in noun.children:
            if clause.dep_ == "acl" and clause.lemma_.lower() in {"identify", "name"}:
                for prep in clause.subtree:  # (the parser may hang "as" on the agent: "by opposition groups as X")
                    if prep.dep_ == "prep" and prep.lower_ == "as":
                        people = [t for t in prep.subtree if t.i in self.ent_of and self.ent_of[t.i].label_ == "PERSON" and t.i == self.ent_of[t.i].root.i]
                        if people:
                            return people[0]
        return None

    def _person_after(self, title: Token) -> Token | None:
        """The root of the PERSON named right after a comma behind `title`, past its own title words:
        "the foreign ministers of Greece and Turkey, Nikos Kotzias and ...", "their counterparts,
        Foreign Secretary Enrique Manalo and ...". The people so described stand for themselves."""
        after = title.right_edge.i + 1
        close = self.ent_of.get(after) if title.right_edge.i == title.i and title.tag_ in {"NNS", "NNPS"} else None
        if close is not None and close.start == after and close.label_ == "PERSON" and close.root.dep_ not in {"nsubj", "nsubjpass"}:
            # "signed by the foreign ministers Shiina Etsusaburo and Lee Tong-won": named with no comma
            # (not "the leaders Putin met", a clause of its own)
            return close.root
        if title.right_edge.text == "," and title.right_edge.i > title.i:
            after -= 1  # the parser hung the comma on the title
        if after + 1 >= len(self.doc) or self.doc[after].text != ",":
            return None
        i, end = after + 1, min(after + 5, len(self.doc))
        while i < end:
            ent = self.ent_of.get(i)
            if ent is not None and ent.label_ == "NORP" and ent.start == i:
                # "his counterpart, Turkish President Recep Tayyip Erdogan,": the nationality is a title word
                end = min(end + len(ent), len(self.doc))
                i = ent.end
                continue
            if ent is not None:
                return ent.root if ent.label_ == "PERSON" else None
            if not (self.doc[i].pos_ == "PROPN" and self.doc[i].is_title):
                return None
            i += 1
        return None

    def _listed_members(self, token: Token) -> list[Token]:
        """The named members a group noun lists: "Arab and Islamic leaders, including Erdogan, Pezeshkian
        and Mohammed bin Salman" (those named are the parties, not one side per nationality)."""
        listed = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "including" for o in c.children if o.dep_ == "pobj"]
        listed = [o for o in listed if o.i in self.ent_of and self.ent_of[o.i].label_ in PARTY_LABELS]
        if listed:
            # the list however the parser hung it ("including MBS, Egyptian President El-Sisi and Palestinian
            # President Abbas" comes out with Abbas in apposition to MBS and El-Sisi a modifier of Abbas)
            named = {self.ent_of[t.i].root.i for o in listed for t in o.head.subtree if t.i in self.ent_of and self.ent_of[t.i].label_ == self.ent_of[o.i].label_}
            listed += [self.doc[i] for i in sorted(named) if i not in {o.i for o in listed}]
        return listed

    def _epithet(self, token: Token) -> bool:
        """"the Ethiopian-born official", "the veteran diplomat": a singular person word that is no
        title (titles name whoever holds them), after "the" and a word that describes, as a subject."""
        if token.tag_ != "NN" or token.lower_ not in self.cues.person_nouns or token.lower_ in self.cues.titles \
                or token.dep_ not in {"nsubj", "nsubjpass"} or token.i in self.ent_of:
            return False
        children = list(token.children)
        return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and any(
            c.dep_ in {"amod", "compound"} and c.i < token.i and c.ent_type_ not in {"GPE", "ORG"} for c in children) and not any(
            c.dep_ in {"prep", "relcl", "acl", "appos"} for c in children)

    def _elliptical_states(self, token: Token, role: str) -> list[PartyRef]:
        """"South and North Korea", "North and South Vietnam", "East and West Germany": two states
        whose shared name is told once. The model reads one of them ("North Korea") and a bare
        compass word, or the whole phrase as one place; the gazetteer knows both states."""
        doc = self.doc
        for start in range(max(0, token.i - 3), min(token.i, len(doc) - 4) + 1):
            first, cc, second, name = doc[start:start + 4]
            if not (first.lower_ in COMPASS_WORDS and second.lower_ in COMPASS_WORDS and first.lower_ != second.lower_
                    and cc.lower_ in {"and", "or"} and first.text[0].isupper() and second.text[0].isupper() and name.pos_ == "PROPN"):
                continue
            states = [self.gaz.lookup(f"{word.text} {name.text}") for word in (first, second)]
            if all(s is not None and s.key.startswith("country:") for s in states):
                return [PartyRef(s.country, "GPE", role, i, end, ent_id=s.key, country_hint=s.country)
                        for s, i, end in ((states[0], start, start + 1), (states[1], start + 2, start + 4))]
        return []

    def _coordinated_nationalities(self, token: Token, role: str) -> list[PartyRef]:
        if token.pos_ != "NOUN" or token.tag_ not in {"NNS", "NNPS"}:
            return []
        for mod in token.children:
            if mod.dep_ not in {"amod", "compound"} or mod.i not in self.ent_of or self.ent_of[mod.i].label_ not in {"NORP", "GPE"}:
                continue
            members = [mod, *(c for c in mod.conjuncts if c.i in self.ent_of and self.ent_of[c.i].label_ in {"NORP", "GPE"})]
            if len(members) < 2:
                continue
            # adjacent nationality words are one side: "Greek Cypriot" and "Turkish Cypriot"
            words = sorted({t.i for m in [*members, token] for t in [m, *(c for c in m.children if c.dep_ in {"amod", "compound"})] if t.ent_type_ in {"NORP", "GPE"} and t.i < token.i})
            groups: list[list[int]] = []
            for i in words:
                if groups and groups[-1][-1] == i - 1:
                    groups[-1].append(i)
                else:
                    groups.append([i])
            sides = []
            for group in groups:
                start, end = group[0], group[-1] + 1
                text = self.doc[start:end].text
                country = self.gaz.country_of(text) if end - start == 1 or self.gaz.lookup(text) else None
                if country and token.lemma_.lower() in HEAD_TITLES:
                    # "the Egyptian and Ethiopian leaders": each state's leader, whom the article may name
                    # (not "Saudi and Iranian officials": the states, by whoever they send)
                    sides.append(PartyRef(text, "TITLE", role, start, end, country_hint=country, title=token.lemma_.lower()))
                elif country:
                    sides.append(PartyRef.of_state(country, role, start, end))
                else:
                    # "Greek Cypriot and Turkish Cypriot sides": communities, not the states they are named after
                    sides.append(PartyRef(f"{text} {token.lemma_.lower()}", "NORPGROUP", role, start, end))
            return sides
        return []

    def plural_antecedent(self, pronoun: Token) -> list[Token]:
        """"Armenia and Azerbaijan said they had agreed": "they" is the coordinated subject above."""
        token = pronoun
        while token.head.i != token.i:
            token = token.head
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.i != pronoun.i and child.i < pronoun.i:
                    group = [child, *child.conjuncts, *self.coordinated_names(child)]
                    if len({t.i for t in group}) >= 2:
                        return group
                    # "Rousseff raised the issue with Obama when they met": the subject and her partner
                    partners = self.prep_objects(token, {"with"})
                    if partners and any(p.i < pronoun.i for p in partners):
                        return [child, *partners]
        return []

    def coordinated_names(self, token: Token, *more: Token) -> list[Token]:
        """Names joined by "and" inside one noun phrase, however the parser hung them.

        "US President Donald Trump and North Korean leader Kim Jong Un" comes
        out with Trump as an apposition of a compound: the phrase still holds
        two names and an "and", so both are parties. Possessors ("Putin's
        spokesman") and modifiers ("US President") are not. `more` are other
        pieces of the same phrase that the parser made subjects of their own:
        "Russian security chief Alexander Lebed and Chechen rebel chief of
        staff Aslan Maskhadov signed" comes out with two subjects.
        """
        if token.pos_ not in NOUNISH:
            return []
        skip = {"prep", "relcl", "acl", "advcl", "ccomp", "punct"}
        inside: list[Token] = []
        frontier = [token, *(t for t in more if t.pos_ in NOUNISH)]
        side_and = False
        while frontier:
            current = frontier.pop()
            inside.append(current)
            frontier.extend(c for c in current.children if c.dep_ not in skip)
            # "Presidents Carlos Menem of Argentina, ..., Andrés Rodríguez of Paraguay and Luis Alberto Lacalle of
            # Uruguay": the parser hangs the last name on the state before it
            for side in self.prep_objects(current, {"of"}) if current.ent_type_ == "PERSON" else []:
                joined = [k for k in side.children if k.dep_ == "conj" and k.ent_type_ == "PERSON"]
                if joined and any(c.dep_ == "cc" and c.lower_ == "and" for c in side.children):
                    side_and = True
                    frontier.extend(joined)
        # "Sergei Witte for Russia and Baron Komura Jutaro for Japan signed": each signer named with the side he
        # signed for, and the parser hangs the second on the first one's side
        paired = [k for t in inside for o in self.prep_objects(t, {"for"}) for k in o.children
                  if k.dep_ == "conj" and self.prep_objects(k, {"for"}) and any(c.dep_ == "cc" and c.lower_ == "and" for c in o.children)]
        if not paired and not side_and and not any(t.dep_ == "cc" and t.lower_ in {"and", "&"} for t in inside):
            return []
        inside += paired
        names = []
        for t in inside:
            ent = self.ent_of.get(t.i)
            if ent is None or t.i != ent.root.i or ent.label_ not in PARTY_LABELS:
                continue
            if ent.root.dep_ in {"poss"} or (ent.end < len(self.doc) and self.doc[ent.end].tag_ == "POS"):
                continue
            entry = self.gaz.lookup(ent.text)
            label = entry.kind if entry is not None and entry.kind == "PERSON" else ent.label_  # "Condé" taken for an ORG
            if label != "PERSON" and ent.root.dep_ in {"compound", "amod", "nmod"}:
                continue
            if label == "NORP":
                continue
            names.append(t)
        return names if len(names) >= 2 else []

    def prep_objects(self, head: Token, preps: set[str]) -> list[Token]:
        out: list[Token] = []
        # "separate meetings with Erdogan and with Abbas": a preposition coordinated with one that counts counts
        children = [c for child in head.children for c in [child, *(k for k in child.conjuncts if k.i > child.i and k.dep_ == "conj" and k.lower_ == child.lower_)]]
        for child in children:
            if child.dep_ in {"prep", "dative", "agent", "conj"} and child.lower_ in preps:
                objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
                if not objects:
                    # "granted asylum to five officers holed up ...": the parser made the
                    # noun phrase after the preposition the subject of the next clause
                    objects = [t for t in child.sent if t.i > child.i and t.left_edge.i == child.i + 1 and t.pos_ in NOUNISH][:1]
                for obj in objects:
                    out.extend(self._titled_people(obj) or [obj])
                if objects and head.pos_ in {"VERB", "AUX"}:
                    out.extend(self._stray_conjuncts(head, child))
                elif objects and head.dep_ == "dobj":
                    out.extend(self._stray_conjuncts(head.head, child))  # "chaired a session with A, B and C"
                elif objects and head.dep_ == "ROOT" and head.pos_ in NOUNISH:
                    # "[Joint press statements by the President of the Council of Ministers, Giorgia Meloni, and the
                    # Prime Minister of Albania, Edi Rama]": a heading with no verb, the second name hung on its noun
                    out.extend(self._stray_conjuncts(head, child))
        return out

    def _stray_conjuncts(self, verb: Token, prep: Token) -> list[Token]:
        """"signed by Redwan Hussien, an adviser to Abiy, and Getachew Reda": after a long
        apposition the parser hangs the second name on the verb; a named party coordinated
        with the verb after the preposition belongs with its object."""
        def named(c: Token) -> bool:
            # a name, or an office with its holder's name: "the President of the Republic of Croatia, Franjo Tuđman"
            return (c.i in self.ent_of and self.ent_of[c.i].label_ in PARTY_LABELS) or (
                c.i not in self.ent_of and c.lemma_.lower() in self.cues.person_nouns and (self._named_by_apposition(c, None) is not None or any(
                    # ("the Prime Minister of Albania, Edi Rama": the name hung on the state)
                    a.dep_ == "appos" and self.ent_of.get(a.i) is not None and self.ent_of[a.i].label_ == "PERSON" for o in self.prep_objects(c, {"of"}) for a in o.children)))

        strays = [
            c for c in verb.children
            if c.i > prep.i and c.pos_ in NOUNISH and named(c)
            and (
                c.dep_ == "conj" and any(t.dep_ == "cc" for t in verb.children if prep.i < t.i < c.i) | any(t.dep_ == "cc" for t in c.lefts)
                # "with President Nicos Anastasiades, Turkish Cypriot leader Mustafa Akinci and ...": the
                # list goes on after a comma, the parser hangs the rest on the verb
                or c.dep_ in {"npadvmod", "appos", "dep"} and prep.right_edge.i + 1 == c.left_edge.i - 1 and self.doc[c.left_edge.i - 1].text == ","
            )
        ]
        return strays + [t for c in strays if c.dep_ != "conj" for t in c.conjuncts if named(t)]

    def _titled_people(self, token: Token) -> list[Token]:
        """"with U.S. Under Secretary of State Wendy Sherman and ... Gennady Gatilov": when the
        parser stops at the state before a title, the people come in the words that follow."""
        ent = self.ent_of.get(token.i)
        if ent is None or ent.label_ not in {"GPE", "NORP"} or ent.end >= len(self.doc):
            return []
        following = self.doc[ent.end]
        if not (following.is_title and (following.lower_ in self.cues.person_nouns or following.lower_ in {"under", "deputy", "vice", "foreign", "prime", "special"})):
            return []
        people = []
        for t in self.doc[ent.end: min(ent.end + 14, token.sent.end)]:
            if t.pos_ in {"VERB", "AUX"} or (t.dep_ == "prep" and t.lower_ in {"in", "on", "at", "to", "for"}) or t.lower_ in {",", ";"}:
                break
            person = self.ent_of.get(t.i)
            if person is not None and person.label_ == "PERSON" and t.i == person.root.i:
                people.append(t)
        return people
        return out

    def _antecedent(self, relcl: Token) -> Token:
        """What a relative clause is about: its head, except that "Zakayev, an envoy of the leader
        Maskhadov, who is fighting extradition" is about Zakayev, the person the apposition describes."""
        head = relcl.head
        # ("Sharaa, a former rebel commander who met Trump": the apposition itself)
        description = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head
        # ("Hwang Jang Yop, the chief ideologue of the ruling Workers' Party, who sought asylum": "who" is a person)
        # ("a former Bahraini footballer to whom Australia gave refugee status": "whom" too)
        who = (any(c.lower_ == "who" and c.dep_ in {"nsubj", "nsubjpass"} for c in relcl.children)
               or any(t.lower_ == "whom" and t.i < relcl.i for t in relcl.subtree)) and head.ent_type_ != "PERSON"
        if description.dep_ == "appos" and (description.lemma_.lower() in self.cues.person_nouns or who) and description.head.ent_type_ == "PERSON":
            return description.head
        if who:
            # "Ryu Hyun-woo, the North's acting ambassador to Kuwait, who was given refuge": "who" is no
            # state; the person the words it follows describe
            token = head
            while token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i != token.i:
                token = token.head.head
            if token.dep_ == "appos" and token.lemma_.lower() in self.cues.person_nouns and token.head.ent_type_ == "PERSON":
                return token.head
        return head

    def _past_fronted_place(self, subject: Token) -> Token:
        """"On Tuesday in Kigali, Home Secretary James Cleverly and Rwanda's foreign minister ... signed":
        the parser makes the place of a fronted "in Kigali" the subject and the real subjects its
        conjuncts; a place right after a preposition left without its object is that preposition's."""
        before = self.doc[subject.i - 1] if subject.i > 0 else None
        stranded = before is not None and before.pos_ == "ADP" and before.lower_ in {"in", "at", "from"} and not any(c.dep_ == "pobj" for c in before.children)
        conjuncts = [c for c in subject.children if c.dep_ == "conj"]
        if stranded and subject.ent_type_ in {"GPE", "LOC", "FAC"} and conjuncts:
            return conjuncts[0]
        return subject

    def _cut_coordination(self, subj: list[Token]) -> list[Token]:
        """"On Thursday Biden and Israeli Prime Minister Yair Lapid held talks": the parser took "On
        Thursday Biden" for one phrase and left its "and" hanging; the person before that "and" is
        the first subject."""
        found = []
        for s in subj:
            before = s.left_edge.i - 1
            if before < 1 or self.doc[before].lower_ != "and" or self.doc[before].dep_ != "cc":
                continue
            first = self.doc[before].head
            ent = self.ent_of.get(first.i)
            if ent is not None and ent.label_ == "PERSON" and first.dep_ == "pobj" and not any(c.dep_ == "conj" for c in first.children):
                found.append(first)
        return found

    def _possessed_pair(self, subj: list[Token]) -> list[Token]:
        """"Brazil's Luiz Inacio Lula da Silva and Ukraine's Volodymyr Zelensky met": the parser reads
        "[Brazil's Lula and Ukraine]'s Zelensky", a person possessing a person; the possessor, joined by
        "and", is the first subject."""
        found = []
        for s in subj:
            for child in s.children:
                ent, head = self.ent_of.get(child.i), self.ent_of.get(s.i)
                if child.dep_ == "poss" and ent is not None and head is not None and ent.label_ == head.label_ == "PERSON" \
                        and any(c.dep_ == "cc" and c.lower_ == "and" for c in child.children):
                    found.append(child)
        return found

    def subjects(self, verb: Token) -> list[Token]:
        subj = [self._past_fronted_place(c) for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
        subj = self._headline_pair(verb, subj) + self._cut_coordination(subj) + self._possessed_pair(subj) + subj
        acts = verb.lemma_.lower() in self.cues.asylum_action or verb.lemma_.lower() in self.cues.agreement_status
        if subj and acts and verb.dep_ == "relcl" and subj[0].lower_ in {"which", "who", "that", "whom"}:
            # "Ecuador, which granted asylum to Assange": the relative pronoun is its head
            return [self._antecedent(verb)]
        if subj and verb.dep_ == "relcl" and (subj[0].lower_ == "who" or (subj[0].lower_ == "that" and (verb.head.lower_ in self.cues.group_anaphors or self._antecedent(verb).ent_type_ == "PERSON"))):
            # "the two leaders, who first met in April 2019": they met; "Biden, who spoke with Erdogan": he spoke
            return [self._antecedent(verb)]
        invitee = self._invitee(verb) if not subj else None
        if invitee is not None:
            return [invitee]
        if not subj and verb.dep_ == "acl" and any(c.dep_ == "poss" for c in verb.head.children):
            # "Russia's decision to grant asylum": the possessor decides
            return [c for c in verb.head.children if c.dep_ == "poss"]
        if not subj and verb.dep_ == "acl" and verb.head.lemma_.lower() in self.cues.commitment_nouns and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and self.prep_objects(verb.head, {"by"}):
            # "an offer by Brazil's President Lula to give asylum to Ashtiani": who offers would give
            # (not "the request by the UN to give her asylum": who asks does not give)
            return self.prep_objects(verb.head, {"by"})
        if not subj and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            # "By giving refuge to Ghani, the UAE adds ...": the main clause's subject gives;
            # "is scheduled to hold talks with Trudeau, before meeting Biden": the subject the clause has
            main = verb.head.head
            timed = verb.head.lower_ in {"before", "after"}
            if timed and main.dep_ == "acl" and main.tag_ == "VBN" and main.head.head.pos_ == "VERB" and main.head.dep_ in {"dobj", "nsubjpass"}:
                # "Milosevic freed three soldiers captured on the border after meeting Jackson": the parser
                # hangs the time on the passive participle of the object; the clause's subject met him
                main = main.head.head
            subj = [c for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if timed and main.dep_ == "relcl" and subj and subj[0].lower_ in {"who", "that"}:
                # "Scholz, who arrived in Moscow a day after meeting Zelensky in Kyiv": the one the clause is about
                return self.subjects(main)
            return subj or (self.subjects(main) if main.dep_ in {"xcomp", "conj"} and timed else [])
        if not subj and (verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.i < verb.head.i)):
            # "In the town of Arawa, Papua New Guinea's government and Bougainville's leaders signed":
            # the parser joins the subjects to the fronted place (and, in a long sentence, may hang the
            # verb on a later one: "... FitzGerald signed the Anglo-Irish Agreement while ..., unionist
            # leaders were preparing")
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
                # (or deeper: "During Rao's visit to Beijing, India and China sign the agreement")
                for obj in (o for o in prep.subtree if o.dep_ == "pobj"):
                    comma = next((t.i for t in self.doc[obj.i: verb.i] if t.lower_ == ","), None)
                    after = [c for c in obj.conjuncts if comma is not None and comma < c.i < verb.i]
                    if after:
                        return [min(after, key=lambda t: t.i)]
                    # "On Thursday Biden and Israeli Prime Minister Yair Lapid held talks": the day and the
                    # subjects taken for one phrase
                    ent = self.ent_of.get(obj.i)
                    if ent is not None and ent.label_ in {"PERSON", "GPE", "ORG", "NORP"} and any(c.ent_type_ == "DATE" and c.i < ent.start for c in obj.children):
                        return [obj]  # (or a state: "On 22 August 2012 Senegal and the African Union signed")
                    # "On Thursday, at Malacañang Palace, the government and the MILF will sign": the subjects
                    # taken for another name of the place, set off by a comma and running up to the verb
                    opens = min([verb.i] + [c.i for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < verb.i])
                    told = [c for c in obj.children if c.dep_ == "appos" and c.right_edge.i == opens - 1 and self.doc[c.left_edge.i - 1].text == ","]
                    if told:
                        return told
                    if ent is None and obj.pos_ == "PROPN" and obj.i == verb.i - 1 and any(c.dep_ == "compound" and c.ent_type_ == "DATE" for c in obj.children):
                        # "In Panama City on Sunday Rubio met President Mulino": the name, unlabelled, taken for the day's
                        return [obj]
        if not subj and verb.dep_ == "ROOT" and verb.i > 0 and verb.i - 1 in self.ent_of:
            # "Earlier on Friday Abe sat down with Li": the parser took the subject into the date
            before = self.ent_of[verb.i - 1]
            if before.label_ in {"PERSON", "GPE", "ORG"} and before.end == verb.i:
                return [before.root]
        if not subj and any(c.dep_ == "nsubjpass" for c in verb.children):
            return []  # "a day after he was granted asylum": a passive clause has its own subject
        if not subj and (verb.dep_ in {"xcomp", "conj", "advcl", "acl", "relcl", "acomp"} or self._listed_verb(verb)):
            # "agreed to meet", "flew to Moscow and met Putin": the subject is the head's
            head = verb.head
            if verb.dep_ == "conj" and head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children) and verb.i >= 2 and (
                    self.doc[verb.i - 1].lower_ == "and" and self.doc[verb.i - 2].text == ","):
                # "He flew to Vancouver as the investigation closed in, and claimed refugee status": after the
                # comma the sentence goes back to its main clause, which the parser took for the "as" clause's
                head = head.head
            if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children) and head.dep_ == "advcl" \
                    and any(c.dep_ == "mark" and c.lower_ in {"since", "after", "when", "as", "because", "while", "until", "before", "once"} for c in head.children) \
                    and verb.i >= 1 and self.doc[verb.i - 1].text == "," and head.head.i != head.i:
                # "10,000 Cubans have crowded into the embassy since the government withdrew its guards, asking
                # Peru for asylum": the participle after the comma is said of the main clause's subject
                head = head.head
            if verb.dep_ == "relcl":
                # "the leader who met X": the head is the subject; not "in Lima, where asylum was granted"
                if any(c.lower_ in {"where", "when", "whereby"} for c in verb.children) or any(c.dep_ == "auxpass" for c in verb.children):
                    return []
                head = self._antecedent(verb)
                infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
                if head.dep_ == "attr" and infinitive:
                    # "Abe became the first foreign leader to meet Trump": the one the description is said of
                    # ("Blair shook hands with Gaddafi, becoming the first British prime minister to visit Libya")
                    return [c for c in head.head.children if c.dep_ == "nsubj"] or self.subjects(head.head) or [head]
                if infinitive and head.dep_ in {"dobj", "npadvmod", "appos"} and head.lemma_.lower() in self.cues.person_nouns and any(
                        c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.lower_ in {"first", "only", "last"}) for c in head.children):
                    # "held talks with Zelensky on Wednesday, the first Asian leader to visit Ukraine": said of the
                    # clause's subject (of the person it stands beside, when it is an apposition)
                    return [head.head] if head.dep_ == "appos" else [c for c in head.head.children if c.dep_ == "nsubj"] or [head]
                return [head]
            if verb.dep_ == "acl":
                if head.dep_ == "ROOT" and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and (head.tag_ == "CD" or any(c.dep_ == "dobj" for c in verb.children)))) and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
                    # "The eight member countries ..., namely Bolivia, ..., signed on Tuesday the Belém
                    # Declaration": a past verb with its object, which the parser hung on its subject;
                    # "The former actor ... applied for asylum": a past tense is no reduced relative, but the
                    # sentence's verb (nor is "All eight applied": a number is no sentence of its own)
                    return [head]
                if head.lemma_.lower() in self.cues.invitation_nouns and head.dep_ == "dobj" and head.head.lemma_.lower() in self.cues.accepting_verbs:
                    # "Erdogan had accepted an invitation to visit Washington": who accepts is who visits
                    return [c for c in head.head.children if c.dep_ in {"nsubj", "nsubjpass"}] or self.subjects(head.head)
                return []
            subj = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subj and head.dep_ == "relcl" and subj[0].lower_ in {"who", "that", "which"}:
                subj = self.subjects(head)  # "Netanyahu, who is due to meet Obama": the relative's head
            if not subj and (head.dep_ in {"xcomp", "conj", "advcl", "acomp", "pcomp"} or self._listed_verb(head)) and head.head.i != head.i:
                # "stressed ... and agreed to meet": climb until a clause has a subject ("held talks with Gbagbo
                # before crossing the lagoon to meet Ouattara": through the "before" clause to the sentence's)
                subj = self.subjects(head)
            if verb.dep_ == "xcomp":
                objects = [c for c in head.children if c.dep_ == "dobj"]
                # "invited Sharaa to visit": the object of the head is the one who visits
                if objects and head.lemma_ in {"invite", "ask", "urge", "allow", "persuade", "encourage", "direct", "instruct", "order", "task", "mandate", "tell", "authorise", "authorize", "call"}:
                    subj = objects
        return subj

    def _invitee(self, verb: Token) -> Token | None:
        """"Putin's invitation to Kim to visit Russia", "renewed his invitation to King Salman to visit
        Egypt": the one invited does what the invitation is to, not the one who invites (the parser hangs
        the infinitive on the noun or on the verb the noun is the object of, the "to" with it)."""
        if verb.dep_ not in {"acl", "advcl", "xcomp"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        head = verb.head
        invitation = head if head.lemma_.lower() in self.cues.invitation_nouns else next(
            (c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in self.cues.invitation_nouns), None)
        if invitation is None:
            return None
        for holder in (invitation, invitation.head):
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ == "to" and invitation.i < prep.i < verb.i:
                    invitee = next((o for o in prep.children if o.dep_ == "pobj"), None)
                    if invitee is not None and (invitee.ent_type_ in {"PERSON", "GPE", "NORP", "ORG"} or invitee.lemma_.lower() in self.cues.person_nouns):
                        return invitee
        return None

    @staticmethod
    def _listed_verb(verb: Token) -> bool:
        """"Godunov slipped past his minders, walked into the offices of the INS and was granted asylum":
        the parser hangs the middle verb of a list of three on the first as an unlabelled dependent; it
        is said of the first verb's subject all the same."""
        return verb.dep_ == "dep" and verb.pos_ == "VERB" and verb.head.pos_ == "VERB" and verb.i > verb.head.i \
            and verb.i > 0 and verb.doc[verb.i - 1].text == "," and any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in verb.children)

    def _headline_pair(self, verb: Token, subj: list[Token]) -> list[Token]:
        """"Russia, China sign energy pact", "Putin, Xi hold talks": a headline joins its subjects with a
        comma; the parser leaves the first hanging from the verb."""
        if len(subj) != 1 or subj[0].dep_ != "nsubj" or subj[0].i not in self.ent_of:
            return []
        for child in verb.children:
            ent = self.ent_of.get(child.i)
            if (child.dep_ in {"npadvmod", "dep", "nmod"} and child.i < subj[0].i and ent is not None and ent.label_ in {"PERSON", "GPE", "ORG", "NORP"}
                    and child.left_edge.i == child.sent.start and ent.end < len(self.doc) and self.doc[ent.end].text == ","):
                return [child]
        return []

    def passive_subjects(self, verb: Token) -> list[Token]:
        own = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if own and verb.dep_ == "relcl" and own[0].lower_ in {"who", "that", "which", "whom"}:
            # "Snowden, who was granted temporary asylum by Russia": the relative pronoun is its head
            return [self._antecedent(verb)]
        if not own and self.shares_passive_subject(verb):
            # "Abbas was in Muscat and was also received by the sultan": the first clause's subject
            return [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return own

    @staticmethod
    def shares_passive_subject(verb: Token) -> bool:
        """A passive verb coordinated with a clause whose subject it shares."""
        return (
            verb.dep_ == "conj"
            and any(c.dep_ == "auxpass" for c in verb.children)
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        )

    def agents(self, verb: Token) -> list[Token]:
        """"by X" on the verb, or one level down where the parser misplaced it ("granted that August by X")."""
        found = self.prep_objects(verb, {"by"})
        if not found and not any(c.dep_ == "nsubj" for c in verb.children):
            # (an active verb has its doer: "Canberra had granted the women visas after a lobbying effort by
            # Australian players" was not granted by the players)
            for child in verb.children:
                if child.dep_ in {"npadvmod", "dobj", "dative", "prep", "pobj"}:
                    found += self.prep_objects(child, {"by"})
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            found += self.prep_objects(grand, {"by"})
        return found

    # ---- governing verb of a nominal trigger -------------------------------
    def governor(self, noun: Token) -> tuple[Token | None, str | None]:
        """The verb that governs a nominal trigger, and the path ('dobj', 'nsubj', 'pobj:with')."""
        dep = noun.dep_
        if dep == "appos" and noun.head.pos_ in NOUNISH:
            # "extended New START, the last remaining treaty ..."
            return self.governor(noun.head)
        if dep == "conj":
            first = noun
            while first.dep_ == "conj":
                first = first.head
            return self.governor(first)
        if dep in {"nsubj", "nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"}:
            # "the treaty is to be signed by ...", "the accord is expected to be signed": the verb of the infinitive
            raised = self._raised_verb(noun.head)
            if raised is not None:
                return raised, "nsubjpass" if any(c.dep_ == "auxpass" for c in raised.children) else dep
        if dep == "oprd" and _names_what_is_done(noun.head):
            # "signed what the government calls a Migration and Economic Development Partnership": the free
            # relative is the object of the verb it hangs from, and the name it gives is what was signed
            return noun.head.head, "dobj"
        if dep in {"dobj", "nsubj", "nsubjpass", "attr", "oprd"} and noun.head.pos_ in {"VERB", "AUX", "ADJ"}:
            return noun.head, dep
        if dep == "dative" and noun.head.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in noun.head.children):
            # "was granted refugee status the following year": the parser calls a passive verb's
            # only object a dative; with no other object beside it, it is what was granted
            return noun.head, "dobj"
        if dep == "pobj" and noun.head.dep_ in {"prep", "agent", "dative"}:
            prep = noun.head
            head = prep.head
            if head.pos_ in {"VERB", "AUX", "ADJ"}:
                return head, f"pobj:{prep.lower_}"
            if (head.lower_ in {"out", "away"} and head.dep_ == "prep" or came_away(head)) and head.head.pos_ == "VERB":
                return head.head, f"pobj:{prep.lower_}"  # "pulling out of a pact", parsed with "out" as a preposition
            if head.pos_ in NOUNISH and head.dep_ in {"dobj", "nsubjpass", "nsubj"} and head.head.pos_ == "VERB":
                # "a request for asylum was rejected", "signed a memorandum of understanding"
                return head.head, f"pobj:{prep.lower_}:via:{head.lemma_}"
        if dep == "compound" and noun.head.pos_ in NOUNISH:
            return self.governor(noun.head)
        return None, None

    def _raised_verb(self, verb: Token) -> Token | None:
        """The infinitive a subject belongs to: "is to be signed", "is due to be signed", "is expected to be signed"."""
        if verb.lemma_.lower() not in {"be", "expect", "schedule", "set", "due", "likely", "slate", "plan"}:
            return None
        for child in verb.children:
            target = child
            if child.dep_ == "acomp" and child.lower_ in {"due", "set", "likely", "expected", "scheduled", "poised"}:
                target = next((c for c in child.children if c.dep_ == "xcomp"), None)
            elif child.dep_ != "xcomp":
                continue
            if target is not None and target.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in target.children) and target.lemma_.lower() in self.cues.agreement_status:
                return target
        return None

    # ---- places and dates --------------------------------------------------
    def set_place(self, mention: Mention, place: Span | None) -> None:
        """The mention's location, and the state it is in, from a place found (none: left as it is)."""
        if place is not None:
            mention.location = place.text
            mention.location_country = self.gaz.country_of(place.text)

    def place_of(self, heads: list[Token], preps=("in", "at", "to", "near", "inside", "outside", "into"), skip: Token | None = None) -> Span | None:
        """A place attached by in/at/to to any of the heads or to a noun they govern.

        `preps` are the prepositions accepted right on the heads; deeper down
        ("at a UN post in Naqoura", "the city of Neom") any locative one is.
        The first of two coordinated verbs is a fallback: "flew to Saudi
        Arabia and held talks in Neom" met in Neom.
        """
        found = self._place_from(list(heads), preps, skip)
        if found is None:
            # "Erdogan is due in Sochi on Tuesday for talks with Putin": where the one who goes is told to be
            told = [c for h in heads if h.pos_ in {"VERB", "AUX"} for c in h.children if c.dep_ == "acomp"]
            found = self._place_from(told, ("in", "at"), skip) if told else None
        if found is None:
            found = self._where_clause_place(heads)
        if found is None:
            conjoined = [h for h in heads if h.dep_ == "conj" and h.pos_ in {"VERB", "AUX"}]
            conj_heads = [h.head for h in conjoined]
            found = self._place_from(conj_heads, preps, skip) if conj_heads else None
            if found is None and conj_heads:
                # "held talks in Jerusalem and signed a joint declaration": where the talks were (not "... included
                # a summit at the White House, and Clinton returned the visit": a clause with a subject of its own)
                shared = [h.head for h in conjoined if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in h.children)]
                talks = [c for h in shared for c in h.children if c.dep_ == "dobj" and self.is_meeting_word(c)]
                found = self._place_from(talks, ("in", "at"), skip) if talks else None
        if found is None:
            # "Trump flew to Singapore to meet Kim": the journey's end is where its purpose happened
            journeys = self._journeys(heads)
            found = self._place_from(journeys, ("to", "into"), skip) if journeys else None
        if found is None:
            found = self._there(heads)
        if found is None:
            found = self._visit_told_when(heads, skip)
        return found

    def _journeys(self, heads: list[Token]) -> list[Token]:
        """The journeys the heads are the purpose of: "flew to Singapore to meet Kim"."""
        return [h.head for h in heads if h.dep_ in {"advcl", "xcomp"} and h.pos_ == "VERB" and h.head.lemma_.lower() in self.cues.journey_verbs
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in h.children)]

    def _visit_told_when(self, heads: list[Token], skip: Token | None = None) -> Span | None:
        """"When US Defense Secretary Lloyd Austin visited Nairobi in September he held talks with his Kenyan
        counterpart": the place of the visit or journey a "when" clause tells the meeting in."""
        for head in (h for h in heads if h.pos_ in {"VERB", "AUX"}):
            for clause in head.children:
                if clause.dep_ != "advcl" or clause.i > head.i or not any(c.lower_ in {"when", "while"} and c.dep_ in {"advmod", "mark"} for c in clause.children):
                    continue
                lemma = clause.lemma_.lower()
                if lemma == "visit":
                    visited = next((self.ent_of[c.i] for c in clause.children if c.dep_ == "dobj" and c.i in self.ent_of and self.ent_of[c.i].label_ in PLACE_LABELS), None)
                    if visited is not None:
                        return visited
                if lemma in self.cues.journey_verbs or lemma in {"arrive", "visit", "stop"}:
                    found = self._place_from([clause], ("to", "in", "into", "at"), skip)
                    if found is not None:
                        return found
        return None

    def _there(self, heads: list[Token]) -> Span | NamedPlace | None:
        """"held talks there with Sogavare", "asked for political asylum there": the place the text has
        just named, in the sentence (not one of the event's own sides: "asked Argentina for asylum there")
        or, with none in it, the sentence before; "received by the Dalai Lama here": where the story is
        filed."""
        words = [c for h in heads for c in h.children if c.dep_ == "advmod" and c.lower_ in {"there", "here"}]
        if not words:
            return None
        word = words[0]
        if word.lower_ == "here":
            return NamedPlace(self.dateline_place, word.i, word.i + 1) if self.dateline_place else None
        # (nor a word of a side's description: "met the former US president there", "US officials held talks there")
        sides = {t.i for h in heads for c in h.children if c.dep_ != "prep" for t in [c, *(m for m in c.children if m.dep_ in {"compound", "amod", "poss", "nmod"})]}
        sides |= {o.i for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ not in {"in", "at", "to", "into"} for o in c.children}
        sent = word.sent
        named = [e for e in self.doc.ents if sent.start <= e.start and e.end <= word.i and e.label_ in PLACE_LABELS and e.root.i not in sides]
        if not named and sent.start > 0:
            # "... made his first trip to Kyiv since Russia's invasion. There, on Tuesday, he met Zelensky":
            # the sentence before's place of going or being, if it has one
            before = self.doc[sent.start - 1].sent
            named = [e for e in self.doc.ents if before.start <= e.start and e.end <= before.end and e.label_ in PLACE_LABELS]
            gone = [e for e in named if e.root.dep_ == "pobj" and e.root.head.lower_ in {"in", "at", "to", "into"}]
            named = gone or named
        return named[-1] if named else None

    def is_meeting_word(self, token: Token) -> bool:
        """A token inside a meeting's trigger ("talks", "a summit")."""
        return any(t.label_ == "meeting" and t.start <= token.i < t.end for t in self.doc.spans.get("event_triggers", []))

    def _where_clause_place(self, heads: list[Token]) -> Span | None:
        """"flew on to Berlin, where he met Scholz": the place the clause hangs on. The parser may hang
        "where" on the day ("arrived in Beijing on Tuesday, where he held talks", "is due in Riyadh on
        Saturday, where he is expected to meet"): then the place of the verb the day belongs to."""
        for head in heads:
            chain = [head]
            while (chain[-1].dep_ in {"xcomp", "ccomp"} and chain[-1].head.pos_ in {"VERB", "AUX", "ADJ"}) or (
                    chain[-1].dep_ == "acomp" and chain[-1].head.pos_ in {"VERB", "AUX"}):
                # "where he is expected to meet", "where he is due to hold talks": the clause "where" opens
                chain.append(chain[-1].head)
            clause = chain[-1]
            when = clause.dep_ in {"relcl", "advcl"} and any(c.lower_ == "when" and c.dep_ == "advmod" for link in chain for c in link.children)
            if when and clause.head.pos_ in {"VERB", "AUX"}:
                # "was in Paris when he met Nixon": the place of the clause a "when" is told of
                found = self._place_from([clause.head, *(c for c in clause.head.children if c.dep_ == "acomp")], ("in", "at"))
                if found is not None:
                    return found
            if clause.dep_ not in {"relcl", "advcl"} or not (when or any(c.lower_ == "where" for link in chain for c in link.children)):
                continue
            ent = self.ent_of.get(clause.head.i)
            if not when and ent is not None and (ent.label_ in PLACE_LABELS or self._town_taken_for_a_body(ent, clause)):
                return ent
            anchor = clause.head
            while anchor.dep_ in {"pobj", "prep", "npadvmod"} and anchor.head.i != anchor.i:
                anchor = anchor.head  # "on Saturday" -> the verb (or "due") the day is told of
            if anchor.i != clause.head.i and anchor.pos_ in {"VERB", "AUX"}:
                told = [anchor, *(c for c in anchor.children if c.dep_ == "acomp")]  # "is due in Riyadh"
                found = self._place_from(told, ("in", "at", "to", "for", "into"))
                if found is not None:
                    return found
        return self._where_before(heads[0]) if heads else None

    def _town_taken_for_a_body(self, ent: Span, clause: Token) -> bool:
        """"travelled to Erfurt, where Stoph received him", "the emergency gathering at the Elysee, where
        Macron hosted Starmer": a name the model takes for a body, that "where" follows, is a town or a
        seat of government (not "the summit of the SCO, where": a body's initials)."""
        if ent.label_ != "ORG" or clause.dep_ != "relcl":
            return False
        entry = self.gaz.lookup(ent.text)
        if entry is not None:
            return entry.category in {"capital", "place"} or (entry.category == "institution" and entry.country is not None)
        return len(ent) == 1 and not ent.text.isupper()

    def _where_before(self, verb: Token) -> Span | None:
        """"flew to Wonsan from Kuala Lumpur, where on Thursday, on the sidelines, he met Rubio": with
        adverbials between "where" and its clause the parser may hang "where" on them and the verb
        elsewhere; the words still say it: a place, then ", where", then only adverbials and the
        subject before the verb."""
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        sent = verb.sent
        for token in reversed(self.doc[sent.start: verb.i]):
            if token.pos_ in {"VERB", "AUX"}:
                return None
            if token.lower_ == "where":
                before = self.doc[token.i - 1] if token.i > sent.start else None
                if before is not None and before.text == ",":
                    before = self.doc[before.i - 1] if before.i > sent.start else None
                ent = self.ent_of.get(before.i) if before is not None else None
                return ent if ent is not None and ent.label_ in PLACE_LABELS else None
        return None

    def _place_from(self, heads: list[Token], first_preps, skip: Token | None = None) -> Span | None:
        """Breadth-first through prepositions and objects; `skip` keeps out a trigger's own scope ("a truce in Gaza")."""
        frontier = heads
        for depth in range(4):
            preps = first_preps if depth == 0 else ("in", "at", "of", "near", "inside", "outside", "on")
            next_frontier = []
            for head in frontier:
                for child in head.children:
                    if skip is not None and child.i == skip.i:
                        seat = self._seat_on_the_trigger(skip)
                        if seat is not None:
                            return seat
                    if child.dep_ == "prep" and (child.lower_ in preps or any(c.dep_ == "pobj" and self._seat_of_grounds(c) for c in child.children)):
                        if child.lower_ == "of" and (head.lemma_.lower() in self.cues.person_nouns or head.ent_type_ == "PERSON"):
                            continue  # "the President of the Republic of Turkey", "Kersti Kaljulaid of Estonia": whose, not where
                        for pobj in child.children:
                            if pobj.dep_ != "pobj":
                                continue
                            grounds = self._seat_of_grounds(pobj)
                            if grounds is not None:
                                return grounds
                            ent = self.ent_of.get(pobj.i)
                            if child.lower_ == "on" and ent is not None and self.is_state(ent):
                                continue  # "a summit on Syria": what it is about
                            if ent is not None and ent.label_ in PLACE_LABELS and self.gaz.lookup(ent.text) is None and self.known_person(ent.text):
                                continue  # "talked to Zelaya by telephone": the model calls him a place here, a person elsewhere
                            if ent is not None and (ent.label_ in PLACE_LABELS or self._is_seat(ent, child) or self._is_named_building(ent, child)):
                                return ent
                            named = self._named_place(pobj)
                            if named is not None:
                                return named
                            # "on Singapore's Sentosa island", "at the Quirinale palace": the place named inside the phrase
                            for mod in sorted(pobj.children, key=lambda c: c.dep_ != "compound"):
                                mod_ent = self.ent_of.get(mod.i)
                                building = (
                                    pobj.lemma_.lower() in self.cues.building_nouns and mod_ent is not None and mod_ent.label_ in {"ORG", "PERSON"}
                                    and not any(self.ent_of.get(t.i) is not None and self.ent_of[t.i].label_ in PLACE_LABELS for t in pobj.subtree)
                                )
                                # ("at the Baabda presidential palace": the parser makes the place a looser modifier)
                                told = mod.dep_ in {"compound", "poss"} or (mod.dep_ == "nmod" and pobj.lemma_.lower() in self.cues.building_nouns)
                                if told and mod.dep_ == "poss" and pobj.lemma_.lower() in self.cues.building_nouns and mod_ent is not None and self.is_state(mod_ent) \
                                        and self.prep_objects(pobj, {"in"}):
                                    continue  # "at Brazil's embassy in Caracas": whose building, where it stands is said after

                                if told and mod_ent is not None and (mod_ent.label_ in PLACE_LABELS or building):
                                    return self.doc[mod_ent.start: pobj.i + 1] if building else mod_ent
                            next_frontier.append(pobj)
                    elif child.dep_ in {"prep", "agent"} and child.lower_ not in {"after", "before", "since", "until", "despite", "than", "about", "over", "regarding", "concerning", "against"}:
                        # "in the Black Sea resort of Sochi", "at Putin's residence in Sochi";
                        # "on the sidelines of a summit in Osaka" but not "talks on the war in Ukraine";
                        # "was received by Xi Jinping in Beijing": the place the parser hangs on the host
                        next_frontier.extend(
                            c for c in child.children
                            # ("on Tuesday in Bali": the place hung on the day)
                            if c.dep_ == "pobj" and (child.lower_ != "on" or c.lemma_.lower() in self.cues.on_places or c.ent_type_ == "DATE") and (skip is None or c.i != skip.i)
                        )
                    elif (child.dep_ in {"pobj", "dobj", "npadvmod", "conj"} and (depth > 0 or (child.dep_ == "dobj" and self._names_a_person(child)))
                          or (depth > 0 and child.dep_ == "appos" and child.ent_type_ == "PERSON")) and (skip is None or child.i != skip.i):
                        # the place hung on the one met ("met Zelensky's adviser Andriy Yermak in Madrid", "received his
                        # Kurdish counterpart Masrour Barzani in Baghdad"), or on the last of the names ("talks with
                        # Yang Jiechi and Wang Yi in Anchorage")
                        next_frontier.append(child)
            frontier = next_frontier
        return None

    @staticmethod
    def _names_a_person(noun: Token) -> bool:
        """A person by name, or a word for one the name stands beside ("his counterpart Masrour Barzani")."""
        return noun.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children)

    def _named_place(self, noun: Token) -> Span | None:
        """"the Black Sea resort of Sochi" is Sochi; "the Tajik capital" is Dushanbe; "in the city",
        with nothing more said, is the city the story last named."""
        if noun.lemma_.lower() not in PLACE_NOUNS:
            return None
        bare = [c for c in noun.children if c.dep_ not in {"det"}]
        if not bare and any(c.lower_ == "the" for c in noun.children) and noun.lemma_.lower() in {"city", "capital", "town", "resort", "port"}:
            for ent in reversed([e for e in self.doc.ents if e.end <= noun.i and e.label_ == "GPE"]):
                if ent.root.dep_ in {"poss", "nsubj", "nsubjpass"}:
                    continue  # "Tokyo's response was cool": a capital standing for its government
                entry = self.gaz.lookup(ent.text)
                if entry is not None and entry.category in {"capital", "place"} and (noun.lemma_.lower() != "capital" or entry.category == "capital"):
                    return ent
            if self.dateline_place and noun.lemma_.lower() != "capital":
                return NamedPlace(self.dateline_place, noun.i, noun.i + 1)
            return None
        for obj in self.prep_objects(noun, {"of"}):
            ent = self.ent_of.get(obj.i)
            if noun.lemma_.lower() == "capital" and obj.pos_ == "PROPN":
                # "in the capital of Ceará": not the province but its capital, the state's own or, for a
                # province the gazetteer does not know, the city the story is filed from
                capital = self._capital_of(ent) if ent is not None and self.is_state(ent) else None
                if capital is not None:
                    return NamedPlace(capital, obj.i, obj.i + 1)
                if self.dateline_place and not (ent is not None and self.is_state(ent)):
                    return NamedPlace(self.dateline_place, obj.i, obj.i + 1)
            if ent is not None and ent.label_ in PLACE_LABELS:
                return ent
            if noun.lemma_.lower() != "region" and obj.pos_ == "PROPN" and (ent is None or ent.label_ in {"ORG", "NORP"}):
                # "on the island of Terceira", "the town of Contadora": whatever the model calls the name, the
                # phrase says it is a place
                return ent if ent is not None else self.doc[min(c.i for c in obj.subtree if c.dep_ == "compound" or c.i == obj.i): obj.i + 1]
        if noun.lemma_.lower() == "capital":
            for mod in noun.children:
                capital = self._capital_of(self.ent_of[mod.i]) if mod.i in self.ent_of and mod.dep_ in {"amod", "compound", "poss"} else None
                if capital is not None:
                    return NamedPlace(capital, mod.i, mod.i + 1)
        return None

    def _capital_of(self, ent: Span) -> str | None:
        """The capital of the state a name, adjective or demonym tells ("the Tajik capital", "the capital of Uruguay")."""
        entry = self.gaz.lookup(ent.text)
        if entry is None or not entry.country:
            return None
        return self.gaz.capitals.get(entry.country)

    def is_state(self, ent: Span) -> bool:
        entry = self.gaz.lookup(ent.text)
        return entry is not None and entry.category == "country"

    def _seat_on_the_trigger(self, trigger: Token) -> Span | None:
        """"signed a peace treaty in the Kremlin", "a treaty at the Hotel Bristol": the place the parser
        hangs on the deal itself is kept out ("a truce in Gaza" is a truce about Gaza), but a seat of
        government or a named building is never what a deal is about: it is where it was made."""
        for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"in", "at", "inside"}):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                ent = self.ent_of.get(pobj.i)
                if ent is not None and (ent.label_ == "FAC" or self._is_seat(ent, prep) or self._is_named_building(ent, prep)):
                    return ent
        return None

    def _is_named_building(self, ent: Span, prep: Token) -> bool:
        """"signed at the Villa Madama", "met at the Hotel Bristol": a building named with its building
        word, which the model calls an organisation, is where it happened."""
        return prep.lower_ in {"at", "inside"} and ent.label_ == "ORG" and any(t.lemma_.lower() in self.cues.building_nouns for t in ent)

    def _seat_of_grounds(self, noun: Token) -> Span | None:
        """"on the White House lawn", "at the White House complex", "on the South Lawn of the White House":
        the grounds of a seat (an institution named by its building) are the seat's."""
        if noun.lemma_.lower() not in self.cues.grounds_nouns:
            return None
        for mod in [c for c in noun.children if c.dep_ in {"compound", "poss"}] + self.prep_objects(noun, {"of"}):
            ent = self.ent_of.get(mod.i)
            if ent is not None and self._names_seat(ent):
                return ent
        return None

    def _is_seat(self, ent: Span, prep: Token) -> bool:
        """"at the Kremlin", "at the White House": an institution named by its building is a place."""
        return prep.lower_ in {"at", "in", "inside"} and self._names_seat(ent)

    def _names_seat(self, ent: Span) -> bool:
        """An institution of a state named by its building ("the Kremlin", "the White House")."""
        entry = self.gaz.lookup(ent.text)
        return entry is not None and entry.category == "institution" and entry.country is not None

    def date_mention(self, mention: Mention, heads: list[Token], sent: Span) -> None:
        """Give the mention the words of its dates, the first as its date text; resolving them
        waits for the article's publication day."""
        meeting = mention.event_type == "meeting"
        dates = self.dates_of(heads, sent, agreeing_is_another_day=meeting)
        # (the line's, since the parser may cut "- Feb. 27-28, 2019:" from what follows it)
        line_start = self.text.rfind("\n", 0, heads[0].idx) + 1
        on_line = day_heading(self.text, heads[0].idx)
        heading = on_line or HEADING_DAY.match(sent.text)
        heading_end = (on_line.end(1) if on_line else sent.start_char + heading.end(1)) if heading else 0
        entry_opening = heading is not None and not self.text[heading_end:sent.start_char].strip(" -–—:")
        if heading and not entry_opening and (dates or any(e.label_ == "DATE" for e in sent.ents) or tells_another_time(sent.text)):
            heading = None  # a later sentence of the entry with a time of its own: "The following month ..."
        # ("a two-day summit", "for three hours": a length of time tells no other day than the heading's)
        days = [d for d in dates if any(is_calendar_word(t.text) or t.like_num and len(t.text) == 4 for t in d) or re.search(r"\b(?:yesterday|today|tomorrow|later|earlier|next|following|previous)\b", d.text, re.IGNORECASE)]
        if heading and (re.search(r"\d{4}$", heading.group(1)) or (entry_opening and not days and sent.start_char >= heading_end)):
            # "- Feb. 27-28, 2019: Trump and Kim meet in Hanoi": a timeline's entry, dated in full by its heading,
            # is an event of that day, apart from the other entries' (the model may read only "16, 2001" of
            # "JUNE 16, 2001 -"); so is one the entry's words, a sentence of their own, tell no day of
            # ("April 11 - Obama and Castro meet in Panama City")
            mention.date_text = heading.group(1)
            mention.debug["date_candidates"] = [heading.group(1)]
            return
        entry = TIMELINE_ENTRY.match(self.text, line_start)
        if entry and not heading and not dates and not self.text[entry.end(1):sent.start_char].strip(" -–—:"):
            # "MARCH 2018 - Kim makes his first journey abroad": an entry headed by a month or a year is of
            # that time, apart from the other entries', though of no day
            mention.date_text = entry.group(1)
            mention.debug["date_candidates"] = [entry.group(1)]
            return
        planned_by = meeting and any(h.dep_ == "xcomp" and h.head.lemma_.lower() in self.cues.planning_verbs for h in heads)
        if planned_by and not dates:
            return  # "agreed on Sunday to resume talks": the talks have no day yet
        if dates:
            mention.date_text = self.date_text(dates[0])
            mention.debug["date_candidates"] = [self.date_text(d) for d in dates]
        else:
            # a weaker day: it dates the event when nothing better does, but does not part mentions
            mention.debug["sentence_day"] = [self.date_text(d) for d in self._the_sentence_day(heads, sent) or self._day_of_saying_it_is_under_way(heads, sent)]
            if heading and not mention.debug["sentence_day"]:
                # "Nov 5: Ukraine and Poland sign a grain deal": a timeline's entry is dated by its heading
                mention.debug["sentence_day"] = [heading.group(1)]
            day_line = self._live_blog_day(sent) if not mention.debug["sentence_day"] else None
            if day_line:
                mention.debug["sentence_day"] = [day_line]
                mention.debug["day_line"] = True

    def _live_blog_day(self, sent: Span) -> str | None:
        """"Thursday, Sept. 29" on a line of its own, above "09:40 – Biden has welcomed ...": the day of
        a live blog's time-stamped entries, up to the next such line."""
        line_start = clock_entry_line(self.text, sent.start_char)
        if line_start is None:
            return None  # (the parser may cut "10:15" off as a sentence of its own: the line counts)
        for earlier in reversed(list(self.doc.char_span(0, line_start, alignment_mode="contract").sents) if line_start else []):
            line = earlier.text.strip()
            dates = [e for e in earlier.ents if e.label_ == "DATE"]
            if dates and len(line) <= 40 and sum(len(e.text) for e in dates) >= len(line.replace(",", "").replace(" ", "")) * 0.6 and not CLOCK_ENTRY.match(line):
                return line
        return "today"  # a live blog with no day lines is written on the day it is published

    def _the_sentence_day(self, heads: list[Token], sent: Span) -> list[Span]:
        """"Obama became the first president to set foot in Myanmar on Monday, holding talks with
        Thein Sein": the one day a sentence names, where the parse hangs it on a clause beside
        the trigger's. Not a day said of someone in passing ("Kim, who met Moon on Monday"), of
        what came before or after ("since", "after"), or of the saying ("the ministry said on Monday")."""
        inside = {t.i for h in heads for t in h.subtree} | {h.i for h in heads}
        for token in [heads[0], *heads[0].ancestors]:
            if token.dep_ == "prep" and token.lower_ in {"since", "after", "before", "until", "till"} or token.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in {"since", "after", "before", "until"} for c in token.children):
                return []  # "landed in Madrid on Sunday after requesting asylum": the day is the landing's
        found = []
        for ent in sent.ents:
            if ent.label_ != "DATE" or self.is_age(ent.root) or self.age_after_name(ent) or not re.search(r"\d|day\b|yesterday|today", ent.text, re.IGNORECASE):
                continue
            token, aside = ent.root, False
            while token.head.i != token.i:
                if token.i in inside:
                    break
                if token.dep_ in {"relcl", "acl", "appos", "ccomp", "pcomp"} or (token.dep_ == "advcl" and any(
                        c.dep_ == "mark" and c.lower_ in {"since", "after", "before", "until", "when", "as", "while", "because"} for c in token.children)):
                    aside = True
                if token.dep_ == "prep" and token.lower_ in {"since", "after", "before", "until", "till", "ahead"}:
                    aside = True
                token = token.head
                if token.lemma_.lower() in self.cues.statement_verbs and token.i not in inside:
                    aside = True
            if not aside:
                found.append(ent)
        return found if len(found) == 1 else []

    def _day_of_saying_it_is_under_way(self, heads: list[Token], sent: Span) -> list[Span]:
        """"Putin said on Tuesday that Russia was suspending its participation in New START", "Trump
        announced on Tuesday that the United States was withdrawing from the deal": what is said to be
        under way as it is said happens on the day of the saying (not "had suspended": some time before)."""
        verb = next((t for t in [heads[0], *heads[0].ancestors] if t.pos_ in {"VERB", "AUX"}), None)
        if verb is None or verb.tag_ != "VBG" or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self.cues.statement_verbs:
            return []
        if not any(c.dep_ == "aux" and c.lower_ in {"is", "are", "was", "were", "'s", "'re"} for c in verb.children):
            return []
        return self.dates_of([verb.head], sent)[:1]

    def dates_of(self, heads: list[Token], sent: Span, agreeing_is_another_day: bool = False) -> list[Span]:
        """A DATE entity whose head chain reaches one of the heads within the clause.

        "flew to Riyadh on Sunday and held talks": the date of the first of
        two coordinated verbs is the second's too. With agreeing_is_another_day
        (a meeting), "agreed on Sunday to resume talks" dates the agreeing, not the talks.
        """
        # "flew to Riyadh on Sunday and held talks", "agreed on Tuesday to extend the truce"
        targets = {h.i for h in heads} | {h.head.i for h in heads if h.dep_ in {"conj", "xcomp"} and h.pos_ in {"VERB", "AUX"}
                                          and not (agreeing_is_another_day and h.dep_ == "xcomp" and h.head.lemma_.lower() in self.cues.planning_verbs)}
        # "he flew to Peking and, on 5 July, spent two hours with Chou": a finite verb after "and" that the
        # parser hangs on the first as a clause of its own, with nothing to subordinate it, is its conjunct
        targets |= {h.head.i for h in heads if h.dep_ == "advcl" and h.tag_ in {"VBD", "VBZ", "VBP"} and not any(c.dep_ == "mark" or c.lower_ in {"when", "where", "while", "as"} for c in h.children)
                    and any(t.dep_ == "cc" and t.head.i == h.head.i for t in self.doc[h.head.i + 1: h.i])}
        # "declared an end to hostility on Monday, when Abiy and Isaias inked a declaration": the same day
        targets |= {h.head.i for h in heads if h.dep_ in {"advcl", "relcl"} and any(c.lower_ in {"when", "as", "while"} and c.dep_ in {"advmod", "mark"} for c in h.children)}
        # "arrested Assange on Thursday after Ecuador revoked his asylum": news tells the cause of the day on the day;
        # not "a day after asylum was granted", which counts from the day (see the anchor in components)
        targets |= {h.head.i for h in heads if h.dep_ == "advcl" and any(c.lower_ == "after" and c.dep_ == "mark" for c in h.children)
                    and not any(c.dep_ == "npadvmod" for c in h.children)}
        # "pledged on Friday to end the conflict, signing a joint declaration": a participle shares its clause's day
        # (not "Beijing said on Tuesday, confirming a deal": the day of the saying)
        # (nor "crowded in since the government withdrew its guards on Friday, asking for asylum": the day the asking began from)
        targets |= {h.head.i for h in heads if h.dep_ == "advcl" and h.tag_ == "VBG" and not any(c.dep_ == "mark" for c in h.children)
                    and not {h.lemma_.lower(), h.head.lemma_.lower()} & (self.cues.statement_verbs | {"confirm"})
                    and not any(c.dep_ == "mark" and c.lower_ in {"since", "until", "till"} for c in h.head.children)}
        # "Wong travels on to Palau later this week to meet Whipps": a journey's purpose is done when it ends,
        # as where (place_of)
        targets |= {j.i for j in self._journeys(heads)}
        # "talks in Putrajaya on July 28, at which they agreed to a ceasefire": the day of the talks
        targets |= {h.head.i for h in heads if h.dep_ == "relcl" and any(
            c.lower_ == "where" or (c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children)) for c in h.children)}
        # the trigger's own clauses first: "a meeting that had been scheduled for Saturday"
        own = {t.i for t in heads[0].subtree} if heads and heads[0].pos_ in NOUNISH else set()
        if own:
            # not "an agreement under which the Authority is to resume control by December 1":
            # a clause about what the deal does, rather than when it was held or signed
            for clause in heads[0].subtree:
                if clause.dep_ in {"relcl", "acl"} and clause.i != heads[0].i and clause.lemma_.lower() not in self.cues.dating_verbs and clause.lemma_.lower() not in self.cues.agreement_status:
                    own -= {t.i for t in clause.subtree}
                if clause.dep_ == "prep" and clause.lower_ in {"since", "until", "till"}:
                    own -= {t.i for t in clause.subtree}  # "his first trip since returning to office on January 1"
                if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"since", "until", "till", "before", "after"} for c in clause.children):
                    own -= {t.i for t in clause.subtree}  # "their first conversation since Turkey shot down a jet last November"
        ranked = []
        for ent in sent.ents:
            if ent.label_ != "DATE" and not (ent.label_ == "TIME" and (WEEKDAY_WORDS & {t.lower_ for t in ent} or names_today(ent.text) or is_chained(ent.text))):
                continue  # "on Wednesday night", "this evening", "late that afternoon" come as a TIME
            if self.is_age(ent.root) or self.age_after_name(ent):
                continue  # "the 83-year-old", "a 19-year-old tennis player", "Assange, 52,": an age, not a day
            token = ent.root
            steps = 0
            while token.i not in targets and token.head.i != token.i and steps < 6:
                if token.dep_ in {"ccomp", "advcl", "relcl", "conj", "xcomp", "csubj", "parataxis"} and token.pos_ in {"VERB", "AUX"} and not _face_to_face(token):
                    break
                if token.dep_ == "pcomp" and token.head.lower_ == "since":
                    break  # "his first trip since returning to office on January 1": that day is the return's
                if token.dep_ == "prep" and token.lower_ == "since":
                    break  # "the first British prime minister to visit Libya since 1943": the last visit's time
                token = token.head
                steps += 1
            if token.i in targets or ent.root.i in own:
                ranked.append((0 if ent.root.i in own else 1, steps, ent.start, ent))
        return [r[-1] for r in sorted(ranked, key=lambda r: r[:3])]

    def date_text(self, ent: Span) -> str:
        """"on Wednesday" rather than "Wednesday": the preposition is part of the words."""
        head = ent.root.head
        told_when = any(c.dep_ == "relcl" and any(w.lower_ == "when" for w in c.children) for c in ent.root.children)
        if ent.root.dep_ == "pobj" and head.dep_ == "prep" and head.i == ent.start - 1 and not told_when:
            return self.doc[head.i: ent.end].text
        return ent.text  # ("since February 4, when they met in Beijing": the day of the "when")


def trigger_head(span: Span) -> Token:
    """The token of the trigger that the parse hangs its arguments on."""
    return span.root
