"""From mentions to events: link names, resolve dates, merge mentions of one event.

Mentions of one type whose parties overlap (and whose dates and places do
not conflict) are one event. A mention that names too few parties ("during
the meeting", "the asylum was granted on humanitarian grounds") adds to the
nearest event of its type instead of standing alone; with none, it is
dropped. The main mention is the most informative one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from tasks.clean import stable_hash
from tasks.extract.arguments import NUMBER_WORDS, WEEKDAY_WORDS, clock_entry_line
from tasks.extract.asylum import at_mission
from tasks.extract.cues import Cues
from tasks.extract.dates import (HEADING_DAY, WEEKDAYS, anniversary_day, coarse_period, counts_from_day_told, day_heading, day_of_story_month, entry_year,
                                 in_story_year, in_year, is_anniversary, is_chained, names_a_year, names_month_day, names_today, names_two_years, on_timeline_entry,
                                 parse_published, resolve_chained_date, resolve_date, section_day, tells_another_time, tells_relative_year, weekday_near)
from tasks.extract.events import Event, Participant
from tasks.extract.gazetteer import Gazetteer, fold
from tasks.extract.mentions import Mention, PartyRef
from tasks.extract.names import HEAD_TITLES, LinkedName, NameLinker
from tasks.extract.names import contains_words, words as name_words

_FUTURE_WORDS = re.compile(r"\b(next|coming|upcoming|tomorrow|later this)\b", re.IGNORECASE)
_THIS_SPAN = re.compile(r"\bthis (week|weekend|month)\b", re.IGNORECASE)
FORMAT_RANK = {"call": 4, "summit": 3, "visit": 2, "talks": 1, None: 0}
NOT_HAPPENED = {"planned", "negated", "hypothetical"}
PEOPLE_WORDS = {"two", "head", "man", "men", "woman", "women", "leader", "president", "minister", "premier", "chancellor", "king", "diplomat", "envoy", "counterpart"}
PLURAL_PRONOUN_WORDS = {"they", "them", "their", "theirs", "we", "us", "our"}


@dataclass
class Party:
    linked: LinkedName
    role: str
    implied: bool = False


@dataclass
class ResolvedMention:
    mention: Mention
    parties: list[Party]
    event_date: date | None
    group: bool = False
    period: tuple[int, int | None] | None = None  # "in April 2019": no day, but a year (and month)
    future: bool = False  # told as to come: a bare weekday is the next one

    @property
    def keys(self) -> set[str]:
        return {p.linked.key for p in self.parties}

    def same_time(self, day: date) -> bool:
        """False when the mention's coarse period rules the day out."""
        if self.event_date is not None or self.period is None:
            return True
        year, month = self.period
        return day.year == year and (month is None or day.month == month)

    def is_full(self) -> bool:
        kind = self.mention.event_type
        if kind == "asylum":
            return any(p.role == "recipient" for p in self.parties)
        if kind == "agreement" and not self.mention.attributes.get("status"):
            return False  # "peacekeepers oversee a ceasefire between X and Y": no act on the agreement
        if self.mention.debug.get("also_attended"):
            return False  # "was also attended by": people at a meeting told before, which it confirms
        return len(self.keys) >= 2

    def informativeness(self) -> tuple:
        m = self.mention
        return (
            len([p for p in self.parties if not p.implied]),
            m.modality in {"asserted", "reported"} or m.modality == "negated",
            self.event_date is not None,
            m.location is not None,
            m.verbal,
            -m.trigger_start,
        )


@dataclass
class Cluster:
    mentions: list[ResolvedMention] = field(default_factory=list)
    partials: list[ResolvedMention] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        return set().union(*(m.keys for m in self.mentions))

    @property
    def dates(self) -> set[date]:
        return {m.event_date for m in self.mentions if m.event_date}

    def modality_class(self) -> str:
        return "happened" if self.mentions[0].mention.modality not in NOT_HAPPENED else "not"


def _resolve(mention: Mention, linker: NameLinker, published: date | None, previous: list[Party], last_day: date | None = None,
             day_told: date | None = None, clause_day_told: date | None = None, story_day: date | None = None, timeline_year: int | None = None,
             month_told: tuple[int, int] | None = None, year_told: tuple[int, int | None] | None = None,
             day_before: tuple[date, str] | None = None) -> ResolvedMention:
    parties: list[Party] = []
    group = False
    # named parties first, so a pronoun is never resolved to a co-party
    group_title = None
    group_states = False
    group_size = 2
    group_named = False  # "the leaders", not "they"
    group_people = False  # "the two men", "the leaders": people, never states
    group_at = None  # where the group is named
    last_recipient = next((p.linked for p in previous if p.role == "recipient" and p.linked.kind == "PERSON"), None)
    for ref in sorted(mention.parties, key=lambda r: (r.kind == "SALIENT", r.kind == "PRON")):
        if ref.kind == "GROUP" and ref.role == "guest" and ref.text.lower() == "them":
            # "members of the committee, including Kryuchkov and Yazov, flew to Foros but Gorbachev refused to
            # receive them": those received are the people last named together, not the last event's sides
            parties += [Party(name, "guest") for name in linker.pair_before(ref.start, 2) if name.key not in {p.linked.key for p in parties}]
            continue
        if ref.kind == "GROUP":
            group = True
            group_size = max(group_size, ref.size or 2)
            group_states = group_states or ref.text.lower() in {"countries", "nations", "states", "governments", "neighbours", "neighbors", "capitals"}
            word = ref.text.lower().rstrip("s")
            group_title = word if word in {"president", "minister", "prime minister", "king", "chancellor", "foreign minister", "premier", "leader"} else group_title
            group_named = group_named or ref.text.lower() not in PLURAL_PRONOUN_WORDS
            group_people = group_people or word in PEOPLE_WORDS or group_title is not None
            group_at = ref.start if group_at is None else group_at
            continue
        if ref.kind == "SALIENT":
            # the article's protagonist, other than the parties already named
            salient = linker.resolve_pronoun(ref.start, exclude={p.linked.key for p in parties})
            linked = linker.link(salient) if salient is not None else None
        elif ref.kind == "PRON" and ref.role == "recipient" and last_recipient is not None \
                and last_recipient.key not in linker.other_gender(ref.text.lower()) \
                and _person_subject_before(ref.start, linker, {p.linked.key for p in parties}) is None \
                and linker.one_argument_before(linker.doc[ref.start], {p.linked.key for p in parties}) is None:
            # "France is looking for a country to give asylum to Duvalier ... Gabon has ruled out giving
            # him refuge": the one asylum was last sought for, however often others are named between
            # (not a "he" after a woman the article calls "she")
            linked = last_recipient
        elif ref.kind == "PRON" and ref.text.lower() == "it":
            # "Panama has granted asylum to Bucaram ... In 1994 it gave asylum to Raoul Cédras": the
            # state that last granted; a person is never "it". But the state the sentence before is about
            # comes first: "Paraguay was itself a haven for deposed strongmen. It gave refuge to Peron"
            linked = _state_subject_before(ref.start, linker) or next((p.linked for p in previous if p.role == "grantor" and p.linked.kind == "GPE"), None)
        elif mention.event_type == "asylum" and ref.role == "recipient" and ref.kind == "NORP" and linker.doc[ref.end - 1].tag_ in {"NNS", "NNPS"}:
            # "refuge to up to 2,000 Afghans": people of a state, not the state
            linked = LinkedName(ref.text, "NORP", ref.country_hint, "g:" + " ".join(name_words(ref.text)))
        else:
            linked = linker.link_state_of(ref) if ref.title == "state_of" else linker.link(ref)
        named_next = _counted_then_named(mention, ref, linker) if ref.kind == "NORPGROUP" else []
        if named_next:
            # "Two Hong Kong activists have been granted refugee status ... Ray Wong and Alan Li were
            # recognised as refugees": the people the next sentence names are the ones counted
            for person in named_next:
                if all(p.linked.key != person.key for p in parties):
                    parties.append(Party(person, ref.role))
            continue
        if mention.event_type == "asylum" and ref.role == "recipient" and ref.kind in {"TITLE", "NORP", "ORG"} and (linked is None or linked.kind != "PERSON") and linker.doc[ref.end - 1].tag_ not in {"NNS", "NNPS"}:
            # "granted asylum to Bolivia's former leader", "the 41-year-old Australian asked for asylum",
            # "the asylum that had shielded the WikiLeaks founder":
            # a state receives no asylum; the person so described is the one the story is about
            # (and "Jean-Claude Duvalier" taken for an organisation is the Duvalier named elsewhere)
            as_person = None
            if ref.kind == "ORG" and any(contains_words(ref.text, form) for form in linker.person_forms):
                as_person = linker.link(replace(ref, kind="PERSON"))
            elif ref.kind == "ORG" and ref.text.lower() in linker.cues.distinct_titles:
                # "granted asylum to the former Shah", the title taken for an organisation: the one who holds it
                as_person = linker.resolve_title(replace(ref, kind="TITLE", title=ref.text.lower()))
            head = linker.doc[ref.end - 1]
            if head.lemma_.lower() in linker.cues.collective_people and ref.kind == "TITLE":
                # "members of Afghanistan's youth women's football team were granted asylum": the team
                start = head.left_edge.i + (linker.doc[head.left_edge.i].dep_ == "det")
                text = linker.doc[start: head.i + 1].text
                as_person = LinkedName(text, "NORP", ref.country_hint, "g:" + " ".join(name_words(text)))
            if as_person is None and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children) and not linker.persons_before(mention.trigger_start):
                # "A Cuban air force major ... asked for political asylum. The pilot is Major Orestes Lorenzo":
                # someone the lead describes before it names him is the first person named after it
                as_person = next(iter(linker.persons_named_next(mention.trigger_start)), None)
            linked = as_person or linker.protagonist(exclude={p.linked.key for p in parties})
        if linked is None:
            continue
        affiliation = linker.person_affiliation.get(fold(linked.name)) if mention.event_type == "agreement" and linked.kind == "PERSON" and not linked.country else None
        if affiliation:
            # "signed by Fatah's chief negotiator, Azzam al-Ahmad": he signs for Fatah (the only place
            # signatories become their organisation, so merging and the output agree)
            entry = linker.gaz.lookup(affiliation)
            linked = LinkedName(affiliation, "ORG", None, "o:" + " ".join(name_words(entry.name if entry else affiliation)))
        same = next((p for p in parties if p.linked.key == linked.key), None)
        if same is not None and ref.kind == "PRON" and linker.doc[ref.start].dep_ in {"dobj", "pobj", "dative"}:
            # "Thatcher met him privately": a verb's object pronoun is never its subject (unlike "his" in
            # "met Putin in his first visit")
            linked = linker.link(ref, {p.linked.key for p in parties})
            if linked is None:
                continue
            same = next((p for p in parties if p.linked.key == linked.key), None)
        if same is not None and ref.kind == "PRON":
            if same.role in {"participant", "party"}:
                same.role = ref.role  # "met Putin in his first visit": the subject is the visitor
                continue
            if same.role != ref.role:
                # "Putin granted him asylum": he is not his own recipient
                linked = linker.link(ref, {p.linked.key for p in parties})
                if linked is None:
                    continue
                same = next((p for p in parties if p.linked.key == linked.key), None)
        if same is not None:
            if same.role in {"participant", "party"} and ref.role not in {"participant", "party"}:
                same.role = ref.role
            continue
        parties.append(Party(linked, ref.role, ref.implied))
    if mention.debug.get("grantor_as_before") and not any(p.role == "grantor" for p in parties):
        # "Brigadier General Biamby, who was also given asylum": by the one who granted it last
        parties += [Party(p.linked, "grantor") for p in previous if p.role == "grantor"][:1]
    counted = _counted_antecedent(mention, linker.doc) if group and mention.event_type == "asylum" else None
    if counted is not None and not any(p.role == "recipient" for p in parties):
        # "Six men held at Guantanamo arrived ... Mujica offered to take in the men": the group
        # the article counted, not the people it last named
        parties.append(Party(counted, "recipient"))
        group = False
    if group and group_states and len({p.linked.key for p in parties}) < 2:
        # "the two countries had reached an agreement": states, not the people last named;
        # first the states of the people in the event just told (Modi and Xi: India, China)
        from_event = list(dict.fromkeys(p.linked.country for p in previous if p.linked.country))
        # "Starmer embraced Zelensky in front of the cameras and the two governments signed a loan agreement":
        # the states of the people the same sentence has just named, when they are as many as the group
        here = list(dict.fromkeys(name.country for name in linker.persons_in_sentence_before(group_at) if name.country)) if group_at is not None else []
        if len(here) == group_size:
            from_event = here
        states = (
            [LinkedName(country, "GPE", country, "c:" + country) for country in from_event]
            if len(from_event) >= 2
            else linker.states_before(mention.trigger_start)
        )
        if len(states) >= 2:
            previous = [Party(name, "party" if mention.event_type == "agreement" else "participant") for name in states[-group_size:]]
    if group and group_title and len({p.linked.key for p in parties}) < 2:
        titled = linker.persons_titled(group_title, mention.trigger_start)
        if len(titled) < 2:
            # "a call between the two presidents ... President Barack Obama had tried": named just after,
            # in the same paragraph (leaders named paragraphs on are others)
            paragraph_end = next((t.i for t in linker.doc[mention.trigger_start:] if "\n" in t.text), len(linker.doc))
            titled = linker.persons_titled(group_title, paragraph_end)
        if len(titled) >= 2:
            # "the two presidents": the last two people the article calls president, of as many states
            # ("Obama ... Calvin Coolidge, the last US president to visit ... the two presidents": Obama and Castro)
            counts = linker.mention_counts
            previous = [Party(name, "participant") for name in _of_distinct_states(titled, counts)[-group_size:]]
    if group and group_people and len({p.linked.key for p in parties}) < 2 and len({p.linked.key for p in previous if p.linked.kind == "PERSON"}) < 2:
        # "Scholz ... visit China ... The two men met": people, not the visitor and the state visited
        previous = []
    if group and len({p.linked.key for p in parties}) < 2 and not previous:
        # "the two leaders" before any event: the people the article has just named
        speakers = linker.speakers_of(mention.trigger_start)
        previous = [Party(name, "participant") for name in linker.pair_before(mention.trigger_start, group_size)] if group_people else []
        previous = previous or [Party(name, "participant") for name in linker.persons_before(mention.trigger_start) if name.key not in speakers][-group_size:]
        if len(previous) < 2 and group_named:
            # "The leaders of the five Caspian states signed a convention. Presidents Nazarbayev ..., Putin
            # ..., Rouhani ... put their names to it": a lead that counts before it names
            previous = [Party(name, "participant") for name in linker.persons_named_next(mention.trigger_start)][:group_size]
    if group and len({p.linked.key for p in parties}) < 2 and previous:
        # "the two leaders signed": the parties of the event just told
        for prev in previous:
            if all(p.linked.key != prev.linked.key for p in parties):
                parties.append(Party(prev.linked, "participant" if mention.event_type == "meeting" else "party"))
    # a planned event, or one called off before it happened, looks forward: "scheduled for Saturday"
    future = mention.modality == "planned" or (mention.modality == "negated" and (mention.modality_cue or "").split(":")[-1] in {"cancel", "postpone", "call", "scrap", "delay", "shelve"})
    scheduled = mention.modality == "asserted" and _scheduled_present(linker.doc[mention.trigger_start])
    # "Carney is meeting Trump on June 3", "we're hosting the G7 in June": the present progressive with a time
    # looks forward (a day or month already past is still read as past, below)
    arranged = mention.modality == "asserted" and _progressive_present(linker.doc[mention.trigger_start])
    future = future or scheduled or arranged
    when = None
    for words in mention.debug.get("date_candidates") or ([mention.date_text] if mention.date_text else []):
        # "on Friday, the day after arriving": the first words that name a day;
        # "the following day": the day after the one the story last named
        # "earlier that day", "that evening": the day the text last named, event or not;
        # "a day earlier", "the following day": counted from the last event's day
        # ("Two days later the pair held talks", after "In Houston on September 22, Trump joined Modi": from
        # the day a clause told, even of no event, once the story has gone back to another time; not from
        # "the coup attempt of July 15", a thing's day, nor "was sworn in on Monday", the story's own days)
        flashback = clause_day_told if clause_day_told and (last_day is None or abs((clause_day_told - last_day).days) > 7) else None
        told = day_told if counts_from_day_told(words) else None if re.search(r"\bsame\b", words, re.IGNORECASE) else flashback
        anchor = told or last_day if is_chained(words) else last_day
        when = resolve_date(words, published, future=future) or resolve_chained_date(words, anchor)
        if when is not None and timeline_year is not None and names_month_day(words) and not names_a_year(words):
            when = in_year(when, timeline_year)
        elif when is not None and month_told is not None and names_month_day(words) and not names_a_year(words) \
                and (when.month - month_told[1]) % 12 in {0, 1}:
            # "In July 1971 he flew to Peking and, on 5 July, spent two hours with Chou"; "Elected in December
            # 1972, he governed at speed. Within three weeks, on 21 December, the ambassadors signed": a day of
            # the month just told with its year, or of the next, is of that year, whatever else the story dates
            when = in_story_year(when, date(month_told[0], month_told[1], 1))
        elif when is not None and year_told is not None and published is not None and year_told[0] < published.year - 1 and not future \
                and names_month_day(words) and not names_a_year(words) and not tells_relative_year(words):
            # "The treaty's hardest test came in the autumn of 1961. On 30 October ... Kekkonen flew to
            # Novosibirsk, where he met Nikita Khrushchev on 24 November": a day named without its year, in a
            # paragraph whose last time told is of a year long past, is of that year, not the paper's (a year
            # before, "signed on 9 November 2020. Putin had hosted them in Sochi on 26 November", may be either)
            when = in_story_year(when, date(year_told[0], year_told[1], 1)) if year_told[1] else in_year(when, year_told[0])
        elif when is not None and story_day is not None and names_month_day(words) and not names_a_year(words):
            when = in_story_year(when, story_day)
        elif when is not None and story_day is not None and not future and (near := weekday_near(words, story_day)) is not None:
            # (not "is to meet Sunak on Wednesday" in a piece that looks back: what is to come is of the paper's week)
            when = near
        elif when is not None and story_day is not None and (in_month := day_of_story_month(words, story_day)) is not None:
            when = in_month
        if when is not None and mention.debug.get("date_offset"):
            when = when + timedelta(days=mention.debug["date_offset"])  # "a day after he was granted asylum"
        if when is not None:
            mention.date_text = mention.debug.get("date_words") or words
            break
    if when is None and last_day and mention.debug.get("offset_from_last"):
        when = last_day + timedelta(days=mention.debug["offset_from_last"])
        mention.date_text = mention.debug.get("date_words")
    if when is None and not mention.date_text and not mention.debug.get("date_candidates") and mention.modality in {"asserted", "reported"}:
        # "2. Kassel, 21 May 1970" over "Stoph made the return visit": a section told under its day
        heading = section_day(linker.text, linker.doc[mention.trigger_start].idx, published)
        if heading is not None:
            when, mention.date_text = heading
        elif day_before is not None and (published is None or day_before[0] <= published):
            # "On 8 July I travelled to Asmara. President Isaias received me at the airport": the day of the
            # journey just told is the day of what it led to
            when, mention.date_text = day_before
    if when and published and when > published and mention.modality in {"asserted", "reported"}:
        mention.modality, mention.modality_cue = "planned", f"future date {when.isoformat()}"
    elif when and when == published and (scheduled or (arranged and linker.doc[mention.trigger_start].pos_ != "VERB")) and clock_entry_line(linker.text, linker.doc[mention.trigger_start].idx) is None \
            and not (names_month_day(mention.date_text or "") and names_a_year(mention.date_text or "")):
        # (not a caption's present, dated in full: "Pope Francis meets Grand Ayatollah Ali al-Sistani in Najaf,
        # Iraq, March 6, 2021" tells what the picture shows; a timetable says "today")
        # (not a live blog's entry: "11:02 – Trump receives Zelensky today" tells the day as it happens)
        # "Bessent and He Lifeng meet in Stockholm today": the present of a timetable; "is staying on for a
        # bilateral meeting with López Obrador today": an arrangement for later in the day (not "is visiting
        # Berlin today", under way)
        mention.modality, mention.modality_cue = "planned", "present tense, today"
    elif when is None and scheduled and mention.modality in {"asserted", "reported"} and any(_THIS_SPAN.search(w) for w in mention.debug.get("date_candidates", [])):
        # "Albanese travels to Washington this week for a state visit": the timetable's present, this week
        mention.modality, mention.modality_cue = "planned", "present tense, this week"
    elif when is None and mention.modality in {"asserted", "reported"} and any(_FUTURE_WORDS.search(w) for w in mention.debug.get("date_candidates", [])) \
            and not _told_in_the_past(linker.doc[mention.trigger_start]):
        # "will meet next month"; not "signed on Tuesday an agreement for next year's election"
        mention.modality, mention.modality_cue = "planned", "future date words"
    period = None if when else next((p for p in (coarse_period(w, published, future) for w in mention.debug.get("date_candidates") or [mention.date_text]) if p), None)
    if arranged and period is not None and published is not None and period[1] is not None and (period[0], period[1]) > (published.year, published.month) \
            and mention.modality in {"asserted", "reported"}:
        mention.modality, mention.modality_cue = "planned", "present progressive, a month to come"
    return ResolvedMention(mention, parties, when, group, period, future)


def _told_in_the_past(trigger: Token) -> bool:
    """"Over the next two days Kissinger held talks with Chou": "next" counts from the story's time when
    the clause is told in the simple past; not "agreed to meet next month" (the meeting's verb is no past)."""
    verb = trigger
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.tag_ == "VBD" and verb.dep_ not in {"xcomp", "ccomp"} and not any(c.dep_ == "aux" for c in verb.children)


def _entry_names_two(doc: Doc, before: int) -> bool:
    """Whether the line a token is on names two people before it."""
    line_start = doc.text.rfind("\n", 0, doc[before].idx) + 1
    return len({ent.text for ent in doc.ents if ent.label_ == "PERSON" and ent.start_char >= line_start and ent.end <= before}) >= 2


def _of_distinct_states(people: list[LinkedName], counts: dict[str, int]) -> list[LinkedName]:
    """The people, one per state: two presidents who meet lead two states, so of two of one state
    the one the whole article names more often stays, the later on a tie ("Obama ... Calvin Coolidge, the
    last US president to visit ... the two presidents": Obama and Castro). People of no known state
    all stay; the order of last mention is kept."""
    best: dict[str, int] = {}
    for i, person in enumerate(people):
        if person.country is not None:
            j = best.get(person.country)
            if j is None or counts.get(person.key, 0) >= counts.get(people[j].key, 0):
                best[person.country] = i
    return [p for i, p in enumerate(people) if p.country is None or best[p.country] == i]


def _scheduled_present(trigger) -> bool:
    """Whether the trigger's clause is in the simple present, the tense of a timetable: "Xi meets
    Putin on Friday", "Lula heads to Abu Dhabi on Saturday for talks". Its weekdays look forward.
    Not "is under way" or "is meeting" (a copula or progressive tells what goes on now)."""
    if HEADING_DAY.match(trigger.sent.text) or day_heading(trigger.doc.text, trigger.idx):
        return False  # "Nov 5: Ukraine and Poland sign a grain deal": a timeline tells the past in the present
    if any(c.dep_ in {"acl", "relcl"} and c.tag_ in {"VBN", "VBD"} and any(t.ent_type_ == "DATE" for t in c.subtree) for c in trigger.children):
        # "the visit follows an accord struck in Switzerland on March 20": told as done, on its own day
        # (not "travels to Washington this week for a state visit hosted by Biden": who hosts it)
        return False
    if trigger.dep_ == "dobj" and trigger.head.lemma_ == "follow":
        return False  # "The pact follows talks between Biden and Merkel on July 15": what it follows is past
    verb = trigger
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        if verb.dep_ in {"nsubj", "nsubjpass"}:
            return False  # "the deal builds on a declaration signed on April 25": the event is described, not timed
        if verb.dep_ == "prep" and verb.lower_ in {"after", "since", "following", "before"}:
            return False  # "three days after his summit with Putin, Trump receives Zelensky": the summit is past
        verb = verb.head
    if verb.tag_ == "VB" and verb.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        if any(c.dep_ in {"prt", "advmod"} and c.lower_ == "on" for c in verb.head.children):
            return False  # "Trump and Kim go on to meet in Singapore on June 12": a chronicle's next step
        verb = verb.head  # "heads to Geneva to meet Putin on Wednesday": a purpose has the tense of the journey
    # ("Biden and Putin meet this afternoon": the model tags a plural's present as the bare form, VB;
    # with a subject and no auxiliary it is the present all the same)
    bare_present = verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in verb.children)
    # ("Xi Jinping and Ma Ying-jeou meet in Singapore this afternoon": a verb the model tags as a noun, with
    # its subject, at the head of its sentence)
    bare_present = bare_present or (verb.pos_ == "NOUN" and verb.dep_ == "ROOT" and verb.tag_ == "NN" and any(c.dep_ == "nsubj" for c in verb.children))
    if (verb.tag_ not in {"VBZ", "VBP"} and not bare_present) or verb.lemma_ in {"be", "have"}:
        return False
    return not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _progressive_present(trigger) -> bool:
    """Whether the trigger's clause is in the present progressive ("is meeting", "we're hosting"), which
    with a time to come tells an arrangement: "Carney is meeting Trump on June 3"."""
    verb = trigger
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i and verb.dep_ not in {"nsubj", "nsubjpass"}:
        verb = verb.head
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in {"is", "are", "am", "'s", "'re", "’s", "’re"} for c in verb.children)


def _person_subject_before(token_i: int, linker: NameLinker, exclude: set[str]) -> Span | None:
    """A person named as a subject earlier in the pronoun's own sentence, other than the mention's parties:
    "Alexander Godunov ... walks out of his hotel, and the United States grants him political asylum" is
    about him, whoever was the recipient before (but in "Correa granted him asylum" Correa grants)."""
    sent = linker.doc[token_i].sent
    for i, span, is_subject in linker.person_mentions:
        # (not a relative clause's: "a scene Ferrán renders")
        if sent.start <= i < token_i and is_subject and span.root.head.dep_ != "relcl":
            linked = linker.link(PartyRef(span.text, "PERSON", start=span.start, end=span.end))
            if linked is not None and linked.key not in exclude:
                return span
    return None


def _state_subject_before(token_i: int, linker: NameLinker) -> LinkedName | None:
    """The state that is the subject of the main clause of the sentence before, if a state is."""
    sent = linker.doc[token_i].sent
    if sent.start == 0:
        return None
    before = linker.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    ent = next((e for e in before.ents if subject is not None and e.start <= subject.i < e.end and e.label_ == "GPE"), None)
    linked = linker.link(PartyRef(ent.text, "GPE", start=ent.start, end=ent.end)) if ent is not None else None
    return linked if linked is not None and linked.kind == "GPE" else None


def _counted_then_named(mention: Mention, ref, linker: NameLinker) -> list[LinkedName]:
    """A side counted in a lead whose next sentence names as many: an asylum recipient ("Two Hong
    Kong independence activists") the people named, movements or factions ("the two rebel movements")
    the bodies named."""
    head = linker.doc[ref.end - 1]
    count = next((c for c in head.children if c.dep_ == "nummod"), None)
    size = NUMBER_WORDS.get(count.lower_) if count is not None else None
    if size is None and count is not None and count.like_num and count.text.isdigit():
        size = int(count.text)
    if not size or size > 8:
        return []
    if mention.event_type != "asylum" and head.lemma_.lower() in {"movement", "group", "faction", "organisation", "organization"}:
        # "the government and the two rebel movements fighting it signed ... The accord was signed by
        # representatives of the government, LURD and MODEL": the bodies the next sentence names, as many
        bodies = linker.bodies_named_next(mention.trigger_start)
        return bodies if len(bodies) == size else []
    if mention.event_type != "asylum" or ref.role != "recipient":
        return []
    people = linker.persons_named_next(mention.trigger_start)
    return people[:size] if len(people) >= size else []


def _counted_antecedent(mention: Mention, doc) -> LinkedName | None:
    """For "the men" given asylum, the group the article counted before: "Six men held at
    Guantanamo", "76 Tamil men", named as the article first counts them."""
    refs = [r for r in mention.parties if r.kind == "GROUP" and r.role == "recipient" and r.end - r.start == 1]
    if not refs or doc[refs[0].start].pos_ == "PRON":
        return None
    head = doc[refs[0].start]
    for token in doc[: head.i]:
        count = next((c for c in token.children if c.dep_ == "nummod"), None)
        # ("The five, who applied for asylum", "All eight applied": the group counted so before)
        same = token.lemma_ == head.lemma_ or (head.tag_ == "CD" and count is not None and count.lower_ == head.lower_)
        if same and token.tag_ in {"NNS", "NNPS"} and count is not None:
            words = [t for t in token.lefts if t.i >= count.i] + [token]
            text = " ".join(t.text for t in words)
            return LinkedName(text, "NORP", None, "g:" + " ".join(name_words(text)))
    return None


def _recipients(parties: list[Party]) -> set[str]:
    return {p.linked.key for p in parties if p.role == "recipient" and p.linked.kind == "PERSON"}


def _compatible(cluster: Cluster, item: ResolvedMention) -> bool:
    also = bool(item.mention.debug.get("grantor_as_before"))  # "who was also given asylum": one more in the same grant
    if item.mention.event_type == "asylum":
        named = set().union(*(_recipients(m.parties) for m in cluster.mentions))
        if named and _recipients(item.parties) and not named & _recipients(item.parties) and not also:
            return False  # Law granted asylum, and Cheng before him: one grantor, two events
    overlap = _overlap(cluster, item)
    needed = 1 if also else min(2, len(item.keys), len(cluster.keys))
    if overlap < max(needed, 1) and not _signatories_of(cluster, item, overlap, needed):
        return False
    for d in cluster.dates:
        if item.event_date and abs((item.event_date - d).days) > 1:
            return False
        if not item.same_time(d):
            return False  # "who first met in April 2019" is not Wednesday's summit
    if item.event_date and not all(m.same_time(item.event_date) for m in cluster.mentions):
        return False
    if _one_day_meeting(item) and any(_one_day_meeting(m) and m.event_date != item.event_date for m in cluster.mentions):
        return False  # talks on Tuesday and a meeting on Wednesday, each with its own day (a summit lasts days)
    happened = item.mention.modality not in NOT_HAPPENED
    if (cluster.modality_class() == "happened") != happened:
        return False  # the March roadmap agreed and Thursday's failed deal are two events
    if item.mention.event_type == "meeting" and (_bilateral_in_gathering(item, cluster) or any(_bilateral_in_gathering(m, Cluster([item])) for m in cluster.mentions)):
        return False
    if item.mention.event_type == "meeting" and _then_with_someone_new(item, cluster):
        return False
    if _one_of_several_apart(cluster, item):
        return False
    return not any(_conflict(m.mention, item.mention) for m in cluster.mentions)


def _the_gathering_told(doc: Doc, item: ResolvedMention, clusters: list[Cluster]) -> list[Cluster]:
    """"Kiir and Machar signed a peace agreement at a summit of East African leaders ... The summit
    was chaired by Abiy and attended by Bashir and Museveni": "the summit", told again with the
    others who were there, is the one summit the article has told, whoever it names."""
    trigger = doc[item.mention.trigger_start]
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in trigger.children)
    if item.mention.attributes.get("format") != "summit" or not definite or item.mention.modality in NOT_HAPPENED:
        return []
    if any(c.dep_ == "prep" and c.lower_ in {"between", "with"} for c in trigger.children):
        return []  # not "the summit between the European Union and Latin America": a gathering its sides name
    summits = [c for c in clusters if c.modality_class() == "happened" and any(m.mention.attributes.get("format") == "summit" for m in c.mentions)]
    if len(summits) != 1 or not all(item.same_time(d) for d in summits[0].dates):
        return []
    if item.event_date and any(abs((item.event_date - d).days) > 1 for d in summits[0].dates):
        return []
    return summits


def _bilateral_in_gathering(item: ResolvedMention, cluster: Cluster) -> bool:
    """"On the sidelines of the summit, Modi met Putin": two leaders' own talks are another meeting
    than the summit of three or more they both attend (two different meetings, different parties)."""
    people = [k for k in item.keys if k.startswith("p:")]
    return (len(item.keys) == 2 and len(people) == 2 and len([k for k in cluster.keys if k.startswith("p:")]) >= 3
            and item.mention.attributes.get("format") != "summit"
            and all(m.mention.attributes.get("format") == "summit" or len(m.keys) >= 3 for m in cluster.mentions)
            and any(m.mention.attributes.get("format") == "summit" for m in cluster.mentions))  # not talks a third hosts


def _then_with_someone_new(item: ResolvedMention, cluster: Cluster) -> bool:
    """"Xi received Macron ... Xi then sat down with Macron and von der Leyen together": a meeting told as
    coming next, with a person the event had not, is the next meeting, not the same one told again."""
    if not item.mention.debug.get("told_next"):
        return False
    people = {k for k in item.keys if k.startswith("p:")}
    return bool(people - cluster.keys) and any(k.startswith("p:") for k in cluster.keys)


def _one_of_several_apart(cluster: Cluster, item: ResolvedMention) -> bool:
    """"Trump hosted Aliyev and Pashinyan ... Ahead of the trilateral meeting, he held separate meetings
    with Aliyev and with Pashinyan": each separate meeting is its own, not the meeting of all three told
    elsewhere, though its parties are among that one's. (The pieces of one "separately" may come
    together again: "Macron and Scholz separately received Vucic and Osmani".)"""
    piece = item.mention.debug.get("one_of_several")
    pieces = {m.mention.debug.get("one_of_several") for m in cluster.mentions} - {None}
    if piece is not None and piece not in pieces and cluster.keys - item.keys:
        return True
    return bool(pieces) and piece not in pieces and bool(item.keys - cluster.keys)


def _one_day_meeting(item: ResolvedMention) -> bool:
    """Talks, a call or a visit that happened on a day its own words name (not a summit, which
    may run over days, nor a plan, whose days are loosely told)."""
    m = item.mention
    return (m.event_type == "meeting" and m.modality == "asserted" and item.event_date is not None and bool(m.date_text)
            and m.attributes.get("format") not in {"summit"})


# acts that make different events of the same parties: a request and its rejection,
# a deal signed and later suspended, a phone call and a visit
ACT_GROUPS = {
    "asylum": {"requested": "request", "offered": "offer", "granted": "grant", "refused": "refusal", "revoked": "revocation"},
    "agreement": {"signed": "made", "reached": "made", "honoured": "made", "negotiating": "made", "proposed": "made", "extended": "extension", "suspended": "suspension", "broken": "breach"},
    "meeting": {"call": "call", "talks": "met", "visit": "met", "summit": "met"},
}
TO_COME = {"planned", "hypothetical"}
ACT_ATTRIBUTE = {"asylum": "action", "agreement": "status", "meeting": "format"}


def _conflict(a: Mention, b: Mention) -> bool:
    """Two full mentions that cannot be one event: different acts, or places in different states."""
    groups = ACT_GROUPS[a.event_type]
    key = ACT_ATTRIBUTE[a.event_type]
    act_a, act_b = groups.get(a.attributes.get(key)), groups.get(b.attributes.get(key))
    if a.event_type == "asylum" and a.modality in NOT_HAPPENED and b.modality in NOT_HAPPENED:
        # "ready to offer asylum" and "would give him protection": one promise
        act_a, act_b = ("grant" if act == "offer" else act for act in (act_a, act_b))
    if act_a and act_b and act_a != act_b and not ({act_a, act_b} == {"call", "met"} and (_the_call_again(a) or _the_call_again(b))):
        return True
    # asylum is asked at an embassy in one state of another: places do not split it
    if a.event_type != "asylum" and a.location and b.location and a.location_country and b.location_country and a.location_country != b.location_country:
        return True
    return False


def _the_call_again(mention: Mention) -> bool:
    """"Putin held telephone conversations with Pezeshkian ... In the conversation with Pezeshkian, Putin
    offered condolences": a conversation whose medium is not told, with someone named and no day of its
    own, is the call told again. Not "their first conversation on 12 February", nor "the last time the
    two defence chiefs talked": another day, or only a group that may be anyone."""
    return bool(mention.debug.get("format_guessed")) and not mention.date_text and any(p.kind not in {"GROUP", "PRON"} for p in mention.parties)


def _signatories_of(cluster: Cluster, item: ResolvedMention, overlap: int, needed: int) -> bool:
    """"Australia and Tuvalu signed a treaty ... Albanese and Natano inked it": one leader's state
    is known, the other's is not, and the deal's other state is still unclaimed."""
    if item.mention.event_type != "agreement" or overlap != needed - 1 or overlap < 1:
        return False
    unknown = [p for p in item.parties if p.linked.kind == "PERSON" and not p.linked.country and p.linked.key not in cluster.keys]
    return len(unknown) == 1


def _overlap(cluster: Cluster, item: ResolvedMention) -> int:
    keys = cluster.keys
    countries = {p.linked.country for m in cluster.mentions for p in m.parties if p.linked.country}
    person_countries = {p.linked.country for m in cluster.mentions for p in m.parties if p.linked.country and p.linked.kind == "PERSON"}
    # a visited state meets one of its people, unless the event already has someone from there
    implied_countries = {p.linked.country for m in cluster.mentions for p in m.parties if p.implied} - person_countries
    # "a meeting between the Spanish and Moroccan governments ... Sanchez and his Moroccan counterpart": the states' people
    state_countries = {p.linked.country for m in cluster.mentions for p in m.parties if p.linked.kind == "GPE" and p.linked.country} - person_countries
    by_state = item.mention.event_type != "meeting"  # a deal signed by Aoun is Lebanon's deal
    # "shook hands with Colonel Gaddafi ... the first British prime minister to visit Libya": a visited
    # state meets the one person there whose state the article does not say
    stateless = [p for m in cluster.mentions for p in m.parties if p.linked.kind == "PERSON" and not p.linked.country and p.linked.key not in {q.linked.key for q in item.parties}]
    count = 0
    for party in item.parties:
        # "sat down for talks with Prime Minister Takeo Fukuda in Tokyo, on his first visit to Japan": the state a
        # visit names is the one person there whose state is not known, where the talks were held in it
        visited = (party.implied and not person_countries) or (
            party.role == "host" and party.linked.kind == "GPE" and item.mention.attributes.get("format") == "visit"
            and party.linked.country not in person_countries and any(m.mention.location_country == party.linked.country for m in cluster.mentions))
        if visited and len({p.linked.key for p in stateless}) == 1 and any(q.linked.key in keys for q in item.parties if q is not party):
            count += 1
            continue
        # "Russian-Iranian talks" are the talks of Putin and Raisi; "a visit to China" meets Xi
        state_named = (party.linked.kind in {"GPE", "NORP"} and party.linked.country in person_countries) or (
            party.linked.kind == "PERSON" and party.linked.country in implied_countries | state_countries
        )
        if party.linked.key in keys or state_named or ((party.implied or by_state) and party.linked.country in countries):
            count += 1
    return count


def assemble_events(doc: Doc, article: dict, offset: int, gazetteer: Gazetteer, cues: Cues, version: str, dateline_place: str | None = None, dateline_region: str | None = None) -> list[Event]:
    published = parse_published(article.get("published"))
    linker = NameLinker(doc, gazetteer, cues)
    resolved: list[ResolvedMention] = []
    last_parties: list[Party] = []
    mentions = doc._.event_mentions or []
    for mention in mentions:
        if mention.event_type == "agreement" and len(mention.parties) < 2 and not _told_as_a_time(doc[mention.trigger_start]):
            # "talks between Kurti and Vucic ended without a deal": the deal's parties are the talks'
            # (not "on the sidelines of the EU's Eastern Partnership summit": a gathering named by its bodies;
            # not "met ... a fortnight after the ceasefire that ended the fighting": another time's deal)
            talks = [m for m in mentions if m.event_type == "meeting" and m.sent_index == mention.sent_index and len(m.parties) >= 2
                     and any(p.kind not in {"ORG"} for p in m.parties)]
            if not talks and not mention.parties and _denies_a_deal(mention.modality_cue) and _opens_no_paragraph(doc[mention.trigger_start].sent):
                # "Trump and Kim held talks in Hanoi on Thursday. No agreement was reached.": the deal the talks
                # just told did not reach is theirs (the last of that sentence's talks)
                talks = [m for m in mentions if m.event_type == "meeting" and m.sent_index == mention.sent_index - 1 and len(m.parties) >= 2
                         and any(p.kind not in {"ORG"} for p in m.parties)][-1:]
                if talks and not mention.debug.get("date_candidates") and talks[0].debug.get("date_candidates"):
                    mention.debug["date_candidates"] = talks[0].debug["date_candidates"]  # (and on their day)
            if talks:
                # (a visit's host is the visitor's counterpart: "was not signed during Singh's visit to Dhaka";
                # the host of talks between others is a mediator)
                visit = talks[0].attributes.get("format") == "visit"
                mention.parties = mention.parties + [p for p in talks[0].parties if visit or p.role != "host" and not p.implied]
                mention.debug["parties_from"] = talks[0].rule
    last_day, last_day_at = None, -1
    last_done_day = None
    chained = published is not None and any(is_chained(w) for m in mentions for w in m.debug.get("date_candidates") or [])
    days_told = _days_told(doc, published, linker.cues) if chained else []
    full_days = _retrospective_days(doc, published)
    months_told = _months_told(doc)
    years_told = _years_told(doc)
    triggers = {m.trigger_start for m in mentions}
    last_of_type: dict[str, list[Party]] = {}
    chained_from: dict[tuple[int, str], tuple] = {}  # the days each relative phrase of a sentence counts from
    pairs_told: dict[frozenset, list[Party]] = {}
    pair_sentences: dict[frozenset, set[int]] = {}  # the sentences that tell each pair of people
    by_trigger: dict[int, ResolvedMention] = {}
    text = doc.text  # (built anew on every access)
    for mention in mentions:
        # "the two sides" of a deal are the last deal's sides, not the envoys of the talks just told
        previous = last_of_type.get(mention.event_type) or last_parties
        if pair_sentences and on_timeline_entry(text, doc[mention.trigger_start].idx):
            # "JUNE 16, 2001 - At Brdo Castle, the two leaders meet for the first time": a factbox's entries
            # are of the pair the article is about (the one it told most, first), not of whoever came last;
            # unless the entry names its own ("OCTOBER 2007 - Roh ... for talks with Kim Jong Il. On October 4
            # they sign a declaration"): the people it named, found like those of a lead
            pair = max(pair_sentences, key=lambda k: len(pair_sentences[k]))
            previous = [] if _entry_names_two(doc, mention.trigger_start) else pairs_told[pair]
        sent = doc[mention.trigger_start].sent
        sent_start = sent.start
        told = [(at, day, clausal) for at, day, clausal in days_told if last_day_at < at < sent_start]
        clause_told = [day for _, day, clausal in told if clausal]
        # the story's own time, when the last day told with its year is a year or more before the paper's
        story = [day for at, day in full_days if at < mention.trigger_start]
        story_day = story[-1] if story and published is not None and (published - story[-1]).days > 365 else None
        # "a government formed after the 11 May vote would annul it. On the same day, Fiat signed": what is
        # done counts from the days of things done, what is to come from any day told
        anchor_day = last_day if mention.modality in TO_COME else last_done_day
        # "the next day he flew on to Havana to see Fidel Castro": two mentions of one phrase count from one day
        # (not the second from the first's)
        anchors = (anchor_day, told[-1][1] if told else None, clause_told[-1] if clause_told else None)
        phrase = (sent_start, (mention.debug.get("date_candidates") or [None])[0])
        if phrase[1] is not None and is_chained(phrase[1]):
            anchors = chained_from.setdefault(phrase, anchors)
        mention.debug["timeline_year"] = entry_year(text, doc[mention.trigger_start].idx)
        window = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        month_told = next((period for at, period in reversed(months_told) if window <= at < sent.end), None)
        paragraph = text.rfind("\n", 0, doc[mention.trigger_start].idx) + 1
        year_told = next((year for at, year in reversed(years_told) if paragraph <= doc[at].idx and at < mention.trigger_start), None)
        item = _resolve(mention, linker, published, previous, *anchors, story_day, mention.debug["timeline_year"], month_told, year_told,
                        _day_told_before(doc, sent, mention, triggers, published, linker.cues))
        trigger = doc[mention.trigger_start]
        beside = trigger.dep_ == "appos" or (trigger.dep_ == "npadvmod" and trigger.head.i < trigger.i
                                             and any(t.text in {"—", "–", "-", ","} for t in doc[trigger.head.i + 1: trigger.left_edge.i]))
        named_by = by_trigger.get(trigger.head.i) if beside else None
        if named_by is not None and named_by.mention.event_type == mention.event_type and mention.modality == "asserted":
            # "Xi and Ma meet in Singapore this afternoon — the first meeting between the leaders ...": a noun
            # set beside the event's verb names that event, as the verb tells it
            mention.modality, mention.modality_cue = named_by.mention.modality, named_by.mention.modality_cue
        by_trigger[mention.trigger_start] = item
        if item.event_date:
            last_day, last_day_at = item.event_date, sent_start
            if item.mention.modality not in TO_COME:
                last_done_day = item.event_date
        resolved.append(item)
        if item.is_full():
            last_parties = [p for p in item.parties if not p.implied]
            last_of_type[mention.event_type] = last_parties
            people = [p for p in last_parties if p.linked.kind == "PERSON"]
            key = frozenset(p.linked.key for p in people)
            if len(key) == 2:
                # (counted once a sentence: "called for by Putin and Erdogan when the two presidents met"
                # tells one pair once, not the pair the article is about twice)
                pair_sentences.setdefault(key, set()).add(mention.sent_index)
                pairs_told.setdefault(key, [Party(p.linked, p.role) for p in people])
    clusters: dict[str, list[Cluster]] = {}
    partials: list[ResolvedMention] = []
    for item in resolved:
        if not item.is_full():
            partials.append(item)
            continue
        same_type = clusters.setdefault(item.mention.event_type, [])
        joined = [cluster for cluster in same_type if _compatible(cluster, item)] or _the_gathering_told(doc, item, same_type)
        if not joined:
            same_type.append(Cluster([item]))
            continue
        first = joined[0]
        first.mentions.append(item)
        for other in joined[1:]:
            # "Kishida, visiting the UK" + "a Japan-UK Summit Meeting with Sunak" + "the summit with
            # Sunak": a mention that belongs to two events shows they are one, when nothing parts them
            if all(_compatible(first, m) for m in other.mentions):
                first.mentions.extend(other.mentions)
                same_type.remove(other)
    for item in partials:
        # a partial mention completes an event that happened (or not) as it says
        happened = item.mention.modality not in NOT_HAPPENED
        candidates = [c for c in clusters.get(item.mention.event_type, []) if (c.modality_class() == "happened") == happened]
        if not candidates:
            completed = _complete_from_other_class(item, clusters.get(item.mention.event_type, [])) or _talks_behind_a_deal(item, clusters.get("agreement", []), linker.cues)
            if completed is not None:
                clusters.setdefault(item.mention.event_type, []).append(completed)
            continue
        nearest = ([c for c in candidates if c.mentions[0].mention.trigger_start <= item.mention.trigger_start] or candidates)[-1]
        if not item.parties and item.mention.event_type == "agreement" and item.mention.attributes.get("status") and _another_time(item, nearest):
            # "an earlier peace agreement, reached in 2015, collapsed": the same sides, another deal
            main = max(nearest.mentions, key=lambda m: m.informativeness())
            clusters[item.mention.event_type].append(Cluster([replace(item, parties=[Party(p.linked, p.role) for p in main.parties if not p.implied])]))
            continue
        # a partial mention joins an event whose act it does not contradict, of its time
        # ("the first round, opened in Montreux last month" is not today's undated session)
        candidates = [c for c in candidates if not any(_conflict(m.mention, item.mention) for m in c.mentions)
                      and all(item.same_time(d) for d in c.dates) and (item.period is None or c.dates)]
        if not candidates:
            later = _later_act_on_a_deal(item, clusters.get(item.mention.event_type, []))
            if later is not None:
                clusters[item.mention.event_type].append(later)
            continue
        before = [c for c in candidates if c.mentions[0].mention.trigger_start <= item.mention.trigger_start]
        target = before[-1] if before else candidates[0]
        if item.parties and not any(p.linked.key in target.keys or p.implied for p in item.parties):
            continue  # a partial naming someone else is another event we cannot complete
        target.partials.append(item)
    for cluster in clusters.get("meeting", []):
        _visited_states_leader(cluster, resolved, linker)
    events = []
    story_day = _story_day(resolved, published)
    lede_day = None if story_day else _lede_day(doc, published)
    for event_type, type_clusters in clusters.items():
        for cluster in type_clusters:
            # (the lede's own events keep what their clauses say: "landed on Sunday after requesting asylum")
            in_lede = any(x.mention.sent_index == 0 for x in cluster.mentions)
            day = story_day or (None if in_lede else lede_day)
            events.append(_to_event(cluster, doc, article, offset, version, dateline_place, linker, dateline_region, day))
    _share_circumstances(events)
    _share_grantors(events)
    events = [part for event in events for part in _one_grantor_each(event)]
    # a meeting or a deal needs two sides to the end: one whose other side was lost in naming is no event;
    # so does asylum, sought of or given by a state ("sought asylum at the consulate", "had been granted
    # asylum": whose, no clause, place or dateline says)
    events = [e for e in events if len({p.name for p in e.participants}) >= 2]
    return _unique_ids(sorted(events, key=lambda e: (e.char_start, e.event_type)))


def _unique_ids(events: list[Event]) -> list[Event]:
    """Two events of an article with the same type, parties and day (a call and the visit it
    announced, a request and its grant) would share an id, and the warehouse keys reports by it:
    the later ones, in text order, take the id counted on, so each is stored and the ids stay
    the same from run to run."""
    seen: dict[str, int] = {}
    for event in events:
        count = seen.get(event.event_id, 0)
        seen[event.event_id] = count + 1
        if count:
            event.event_id = stable_hash(f"{event.event_id}|{count}")
    return events




def _months_told(doc: Doc) -> list[tuple[int, tuple[int, int]]]:
    """The months the text names with their year and no day ("in July 1971", "December 1972"), where."""
    found = []
    for ent in doc.ents:
        if ent.label_ == "DATE" and not names_month_day(ent.text):
            period = coarse_period(ent.text)
            if period is not None and period[1] is not None:
                found.append((ent.start, period))
    return found


# a time counted from the paper's day: "on Sunday", "last week", "two years ago", "this month"
_COUNTED_FROM_NOW = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|ago|last|this|next|recently|now|currently|" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def _years_told(doc: Doc) -> list[tuple[int, tuple[int, int | None] | None]]:
    """The times the text tells that set its story in a year, where: the year (and month) of one told
    with its year ("in the autumn of 1961", "on 30 October 1961"), None for one counted from the paper's
    day ("on Sunday", "last week"), which brings the story back to now. A day told without its year,
    a span ("almost 26 years") and a year naming a thing ("the 2015 nuclear deal") set nothing."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if _COUNTED_FROM_NOW.search(ent.text):
            found.append((ent.start, None))
            continue
        period = coarse_period(ent.text)
        if period is None:
            continue
        root = ent.root
        if root.dep_ in {"compound", "amod", "nummod", "nmod", "poss"} and root.head.i >= ent.end:
            continue  # "the 1992 consensus"
        if any(t.lower_ in {"since", "until", "till", "from", "between"} for t in doc[max(ent.start - 1, 0): ent.start + 1]) or names_two_years(ent.text):
            continue  # "urging since 1969", "led Peru from 1985 to 1990": a span, not the story's time
        if any(t.dep_ == "relcl" for t in [root, *root.ancestors]):
            continue  # "the Treaty of Amity, which the two countries signed on August 15, 1955": told in passing
        found.append((ent.start, period))
    return found


def _retrospective_days(doc: Doc, published: date | None) -> list[tuple[int, date]]:
    """In a retrospective, the days the text names with their year ("on August 1, 1975"), where.

    A retrospective is a text whose first day is named with its year, a year or more before the
    paper's ("Forty years ago today, on August 1, 1975"; "On February 21, 1972, Air Force One touched
    down"); news that opens on its own days and looks back later keeps its own year for bare days,
    so it gets none."""
    if published is None:
        return []
    # lazily: most texts are news, told apart by their first day alone
    # ("Fifty years ago this week" tells no day, but the story's week: its weekdays and dates are of that year)
    dated = ((ent, day) for ent in doc.ents if ent.label_ == "DATE" and (day := resolve_date(ent.text, published) or anniversary_day(ent.text, published, week=True)) is not None)
    first = next(dated, None)
    # ("Fifty years ago today": the day told with its year in other words)
    if first is None or not (names_a_year(first[0].text) or is_anniversary(first[0].text, week=True)) or (published - first[1]).days <= 365:
        return []
    return [(ent.start, day) for ent, day in [first, *dated] if names_a_year(ent.text) and names_month_day(ent.text) or is_anniversary(ent.text, week=True)]


def _verb_dated(ent: Span) -> Token | None:
    """The word a date phrase hangs on as a time ("flew to Tokyo on Monday", "met Monday"), if it is one."""
    root = ent.root
    if root.dep_ not in {"pobj", "npadvmod"}:
        return None
    return root.head.head if root.dep_ == "pobj" else root.head


def _day_told_before(doc: Doc, sent: Span, mention: Mention, triggers: set[int], published: date | None, cues: Cues) -> tuple[date, str] | None:
    """The one day the sentence before tells of a journey that is no event ("On 8 July I travelled to Asmara."), in
    the same paragraph, for an event told with no time of its own ("President Isaias received me at the airport")."""
    if mention.date_text or mention.debug.get("date_candidates") or mention.modality not in {"asserted", "reported"} or sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    if "\n" in doc.text[before.start_char: sent.start_char] or any(before.start <= t < before.end for t in triggers):
        return None
    days = []
    for ent in before.ents:
        if ent.label_ != "DATE":
            continue
        attached = _verb_dated(ent)
        if attached is None or attached.lemma_.lower() not in cues.journey_verbs | cues.arrival_verbs:
            continue  # (a journey's day; not "On Monday the ministry said", nor a day that dates a thing)
        day = resolve_date(ent.text, published)
        if day is not None and (names_a_year(ent.text) or published is None or abs((published - day).days) <= 31):
            days.append((day, ent.text))  # (a bare "7 September" in a story of another year is left to that story's year)
    return days[0] if len(days) == 1 else None


def _days_told(doc: Doc, published: date | None, cues: Cues) -> list[tuple[int, date, bool]]:
    """Every day the text names outright, where: "Trump and Kim had dinner on Wednesday evening.
    Earlier that day, Trump met Trong" counts from the dinner's day, though the dinner is no event.
    And whether a clause tells it (a verb's "on Wednesday"), not a thing ("the coup attempt of July 15")."""
    days = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        future = any(t.lower_ in cues.future_markers for t in ent.sent)
        day = resolve_date(ent.text, published, future=future)
        if day is not None:
            attached = _verb_dated(ent)
            clausal = attached is not None and attached.pos_ in {"VERB", "AUX"} and attached.lemma_.lower() not in cues.statement_verbs
            days.append((ent.start, day, clausal))
    return days


def _one_grantor_each(event: Event) -> list[Event]:
    """"India, Poland and Germany turned down his requests for asylum": each state listed decides
    on its own, so each is an asylum event of its own, with the same recipient."""
    grantors = [p for p in event.participants if p.role == "grantor"]
    if event.event_type != "asylum" or len(grantors) < 2 or event.debug.get("listed_grantors", 0) < len(grantors):
        return [event]  # grantors gathered from several sentences are one state named two ways, or a slip
    others = [p for p in event.participants if p.role != "grantor"]
    parts = []
    for grantor in grantors:
        participants = [grantor, *others]
        parts.append(replace(event, participants=participants, event_id=_event_id(event.article_id, event.event_type, participants, event.event_date)))
    return parts


def _visited_states_leader(cluster: Cluster, resolved: list[ResolvedMention], linker: NameLinker) -> None:
    """"When Vajpayee visited Beijing in June 2003, he and Premier Wen Jiabao signed a declaration":
    the leader who acts with the visitor in the visit's own sentence, of the visited state or of no
    state the article says, is whom the visit met."""
    if len(cluster.mentions) != 1:
        return
    item = cluster.mentions[0]
    implied = [p for p in item.parties if p.implied and p.linked.kind == "GPE"]
    visitors = {p.linked.key for p in item.parties if not p.implied}
    if len(implied) != 1 or not visitors:
        return
    state = implied[0]
    leaders = {
        p.linked.key: p.linked
        for other in resolved if other is not item and other.mention.sent_index == item.mention.sent_index and visitors & other.keys
        for p in other.parties
        if p.linked.kind == "PERSON" and p.linked.key not in visitors and p.linked.country in {None, state.linked.country}
        and _may_lead(linker.person_titles.get(fold(p.linked.name), set()))
    }
    if len(leaders) == 1:
        leader = next(iter(leaders.values()))
        cluster.mentions[0] = replace(item, parties=[p for p in item.parties if p is not state] + [Party(leader, state.role)])


def _may_lead(titles: set[str]) -> bool:
    """A head of state or government by the titles the article gives, or by none (not an aide, not a minister)."""
    return not titles or bool(titles & HEAD_TITLES)


def _talks_behind_a_deal(item: ResolvedMention, agreements: list[Cluster], cues: Cues) -> Cluster | None:
    """"Kiir and Machar agreed on Thursday to extend the deadline. The decision came after a meeting
    hosted by Museveni": talks told right after a deal, naming no one else, are the deal's sides meeting."""
    if item.mention.event_type != "meeting" or item.mention.modality in NOT_HAPPENED:
        return None
    # "two days of talks between the factions": sides named only by what they are are the deal's
    unnamed = [p for p in item.parties if p.linked.key.startswith("g:") and set(p.linked.key[2:].split()) & cues.generic_sides]
    item = replace(item, parties=[p for p in item.parties if p not in unnamed])
    if any(p.role not in {"host"} for p in item.parties):
        return None  # the talks name a side of their own: not (only) the deal's
    near = [
        c for c in agreements
        if c.modality_class() == "happened" and any(0 <= item.mention.sent_index - m.mention.sent_index <= 1 for m in c.mentions)
    ]
    if len(near) != 1:
        return None
    main = max(near[0].mentions, key=lambda m: m.informativeness())
    sides = [Party(p.linked, "guest" if item.parties else "participant") for p in main.parties if not p.implied and p.linked.key not in item.keys]
    if len(sides) < 2:
        return None
    return Cluster([replace(item, parties=item.parties + sides, event_date=item.event_date or main.event_date)])


def _another_time(item: ResolvedMention, cluster: Cluster) -> bool:
    """The mention is dated (to the day, or to a year) away from every day the event has."""
    days = cluster.dates
    if not days:
        return False
    if item.event_date is not None:
        return all(abs((item.event_date - d).days) > 1 for d in days)
    return item.period is not None and not any(item.same_time(d) for d in days)


def _complete_from_other_class(item: ResolvedMention, clusters: list[Cluster]) -> Cluster | None:
    """"Armenia and Azerbaijan agreed the text ... Baku would sign the treaty only if Armenia
    amends its constitution": a conditional or planned act by one side of an event that happened,
    with the other side of that event. Only for agreements and asylum, whose sides stay the same
    from one act to the next, and only when the side named is in exactly one such event."""
    if item.mention.event_type == "meeting":
        return _the_pair_that_met(item, clusters)
    if item.mention.modality not in {"planned", "hypothetical"}:
        return None
    if not item.parties:
        return _the_same_sides(item, clusters)
    return _with_the_other_side(item, clusters)


def _the_pair_that_met(item: ResolvedMention, clusters: list[Cluster]) -> Cluster | None:
    """"Albanese and Trump signed the framework at their first formal meeting ... A meeting planned on
    the sidelines of the G7 in June fell through": a meeting that did not happen, naming no one, in a
    story of the one meeting two people had, was theirs."""
    if item.parties or item.mention.modality != "negated" or len(clusters) != 1:
        return None
    main = max(clusters[0].mentions, key=lambda m: m.informativeness())
    people = [Party(p.linked, "participant") for p in main.parties if not p.implied and p.linked.kind == "PERSON"]
    if len(people) != 2 or len(main.parties) != 2:
        return None
    return Cluster([replace(item, parties=people)])


def _later_act_on_a_deal(item: ResolvedMention, clusters: list[Cluster]) -> Cluster | None:
    """"Washington and Tehran struck a deal in 2015 ... Three years later, Trump tore up the accord":
    a later act on a deal told (broken, suspended, extended) by one of its sides is with the other."""
    if item.mention.event_type != "agreement" or item.mention.attributes.get("status") not in {"broken", "suspended", "extended"} or not item.parties:
        return None
    return _with_the_other_side(item, clusters)


def _with_the_other_side(item: ResolvedMention, clusters: list[Cluster]) -> Cluster | None:
    """The item with the other side of the one event its named side (or that side's state) is in."""
    keys = {p.linked.key for p in item.parties}
    countries = {p.linked.country for p in item.parties if p.linked.country}
    holders = [c for c in clusters if keys & c.keys or countries & {p.linked.country for m in c.mentions for p in m.parties if p.linked.country}]
    if len(holders) != 1:
        return None
    main = max(holders[0].mentions, key=lambda m: m.informativeness())
    others = [p for p in main.parties if p.linked.key not in keys and (not p.linked.country or p.linked.country not in countries)]
    if not others:
        return None
    parties = item.parties + [Party(p.linked, p.role, p.implied) for p in others]
    whole = replace(item, parties=parties)
    return Cluster([whole]) if whole.is_full() else None


def _the_same_sides(item: ResolvedMention, clusters: list[Cluster]) -> Cluster | None:
    """"The presidents initialled a peace agreement on Tuesday ... The accord is to be formally
    signed in Paris next month": a deal's next act, to come, naming no one, is by the sides of the
    one deal the article has told as done."""
    signing = item.mention.attributes.get("status") == "signed" and item.mention.debug.get("status_verb") is not None
    if item.mention.event_type != "agreement" or not signing or not clusters:
        return None  # not "Under the deal, Sweden will step up cooperation": what the deal holds
    # (several deals told as done by the same two sides, "initialled on Sunday ... builds on the one signed in July", are no doubt)
    mains = [max(c.mentions, key=lambda m: m.informativeness()) for c in clusters]
    if len({frozenset(p.linked.key for p in main.parties if not p.implied) for main in mains}) != 1:
        return None
    main = mains[0]
    sides = [Party(p.linked, p.role) for p in main.parties if not p.implied]
    whole = replace(item, parties=sides)
    return Cluster([whole]) if whole.is_full() else None


def _share_grantors(events: list[Event]) -> None:
    """"He walked into the embassy and asked for asylum ... Ecuador granted him asylum": a request
    whose state no sentence names was made to the state that answered the same person."""
    for event in events:
        if event.event_type != "asylum" or any(p.role == "grantor" for p in event.participants):
            continue
        recipients = {p.name for p in event.participants if p.role == "recipient"}
        for other in events:
            if other is event or other.event_type != "asylum" or not recipients & {p.name for p in other.participants if p.role == "recipient"}:
                continue
            grantors = [p for p in other.participants if p.role == "grantor"]
            if grantors:
                event.participants.append(Participant(grantors[0].name, "grantor", grantors[0].kind, grantors[0].country))
                event.event_id = _event_id(event.article_id, event.event_type, event.participants, event.event_date)
                break


def _event_id(article_id: str, event_type: str, participants: list[Participant], date_iso: str | None) -> str:
    """Deterministic: the same article, type, parties and day give the same id on every run."""
    return stable_hash("|".join([article_id, event_type, *sorted({f"{p.kind}:{p.name}" for p in participants}), date_iso or ""]))


def _share_circumstances(events: list[Event]) -> None:
    """A deal signed at a summit: the agreement takes the meeting's place and day, and back.

    Only between a meeting and an agreement that name the same two parties
    and happened (or not) alike, and only to fill what is missing.
    """
    for event in events:
        if event.location and event.event_date:
            continue
        names = {p.name for p in event.participants}
        for other in events:
            if other is event or {event.event_type, other.event_type} != {"meeting", "agreement"}:
                continue
            other_names = {p.name for p in other.participants}
            if len(names & other_names) < min(2, len(names)):
                continue
            if (event.modality in NOT_HAPPENED) != (other.modality in NOT_HAPPENED):
                continue
            if event.location is None and other.location and other.attributes.get("format") != "call":
                event.location = other.location
            if event.event_date is None and other.event_date and _within(other.event_date, event.debug.get("period")):
                # (not "first agreed during the King's state visit in December 2016" given the signing's
                # day of 2018: a time the text tells, if no day, is not a time missing)
                event.event_date, event.date_text = other.event_date, other.date_text


def _within(day_iso: str, period: tuple[int, int | None] | None) -> bool:
    """Whether a day falls in the month or year an event is told in (any day, if it is told in none)."""
    if period is None:
        return True
    day = date.fromisoformat(day_iso)
    return day.year == period[0] and period[1] in {None, day.month}


def _is_building(location: str, gazetteer: Gazetteer, cues: Cues) -> bool:
    """A place inside a city (a palace, a ministry) that the gazetteer does not know."""
    if gazetteer.lookup(location) is not None:
        return False  # a city, a state, or a seat the gazetteer knows ("the White House" is in Washington)
    return bool(set(name_words(location)) & cues.city_building_nouns)


def _story_day(resolved: list[ResolvedMention], published: date | None) -> date | None:
    """The day the story is about: that of its first event told as done, within days of publication."""
    for item in resolved:
        if item.event_date and published and 0 <= (published - item.event_date).days <= 3 and item.mention.modality not in NOT_HAPPENED:
            return item.event_date
    return None


def _lede_day(doc: Doc, published: date | None) -> date | None:
    """"The Dominican Republic cut diplomatic ties with Taiwan on Tuesday and established relations with
    China": the day the first sentence tells, within days of publication, is the story's day even when
    what it tells is no event of ours."""
    first = next(iter(doc.sents), None)
    if first is None or published is None:
        return None
    for ent in first.ents:
        if ent.label_ != "DATE" or not (WEEKDAY_WORDS & {t.lower_ for t in ent} or names_today(ent.text)):
            continue
        day = resolve_date(ent.text, published)
        if day is not None and 0 <= (published - day).days <= 3:
            return day
    return None


def _sentence_day(item: ResolvedMention, published: date | None) -> date | None:
    """The one day the mention's sentence names beside it (ArgumentFinder.date_mention), resolved
    (in the year of the timeline entry it is told in, if it names none)."""
    year = item.mention.debug.get("timeline_year")
    for words in item.mention.debug.get("sentence_day") or []:
        day = resolve_date(words, published, future=item.future)
        if day is not None:
            return in_year(day, year) if year is not None and names_month_day(words) and not names_a_year(words) else day
    return None


def _perfect(doc: Doc, item: ResolvedMention) -> bool:
    """The trigger's clause is in the perfect: "has applied for asylum", "had met"."""
    head = doc[item.mention.trigger_start]
    return any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had"} for token in [head, *list(head.ancestors)[:2]] for c in token.children)


def _untimed(doc: Doc, everything: list[ResolvedMention]) -> bool:
    """No mention of the event says when, not even vaguely, nor in the perfect ("has sought
    asylum" tells of some time before, not of the story's day)."""
    if any(x.mention.date_text or x.mention.debug.get("date_candidates") or x.period for x in everything):
        return False
    if any(ent.label_ == "DATE" and re.search(r"\d", ent.text) for x in everything for ent in doc[x.mention.trigger_start].sent.ents):
        return False  # "the accord ..., announced on December 17", "in 2007": a time the clauses did not tie to it
    if any(tells_another_time(doc[x.mention.trigger_start].sent.text) for x in everything):
        return False  # "The following month his second summit with Trump breaks up": a time counted from another
    for x in everything:
        head = doc[x.mention.trigger_start]
        for token in [head, *list(head.ancestors)[:3]]:
            if any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had"} for c in token.children):
                return False
    return True


def _city_named_with(doc: Doc, mentions: list[Mention], building: str) -> str | None:
    """The place a building is said to be in, right after it: "the Mariinsky Palace in Kyiv"."""
    for mention in mentions:
        sent = doc[mention.trigger_start].sent
        at = sent.text.find(building)
        if at < 0:
            continue
        after = doc.char_span(sent.start_char + at, sent.start_char + at + len(building), alignment_mode="expand")
        if after is None or after.end + 1 >= sent.end or doc[after.end].lower_ != "in":
            continue
        ent = next((e for e in doc.ents if e.start == after.end + 1 and e.label_ in {"GPE", "LOC"}), None)
        if ent is not None:
            return ent.text
    return None


def _country_of_city(location: str, city: str, gazetteer: Gazetteer) -> bool:
    """The location names only the state the dateline's city is in."""
    entry = gazetteer.lookup(location)
    return entry is not None and entry.category == "country" and gazetteer.country_of(city) == entry.country


SIDELINES = {"sidelines", "sideline", "margins", "margin", "fringes", "fringe"}
GATHERINGS = {"summit", "conference", "forum", "assembly", "session", "congress", "gathering", "meeting"}


def _on_the_sidelines(sent: Span) -> bool:
    """"On the sidelines, Lula held bilateral talks with Díaz-Canel": held beside a gathering."""
    return any(t.lower_ in SIDELINES and t.head.lower_ in {"on", "at"} for t in sent)


def _gathering_place(doc: Doc, mention: Mention) -> str | None:
    """Where the gathering is that talks "on the sidelines" are held beside, told apart from them ("the
    G20 summit in Buenos Aires ... On the sidelines, Lula held talks"): the place of the last gathering
    told before them, or else of the first told after."""
    gatherings = [g for g in doc._.event_mentions or [] if g.event_type == "meeting" and g.location and g is not mention
                  and g.attributes.get("format") != "call" and doc[g.trigger_start].lemma_.lower() in GATHERINGS
                  and not _on_the_sidelines(doc[g.trigger_start].sent)]
    before = [g for g in gatherings if g.trigger_start < mention.trigger_start]
    after = [g for g in gatherings if g.trigger_start > mention.trigger_start]
    told = before[-1] if before else after[0] if after else None
    return told.location if told is not None else None


def _gone_to_before(doc: Doc, linker: NameLinker, trigger_i: int, keys: set[str]) -> str | None:
    """"The Syrian leader returned the courtesy with a trip to the Emirates ... He met Sheikh Mohammed bin
    Zayed", "Sudani flew to Tehran on Sunday. Later the same day, Sudani was received by Khamenei": where
    one of the parties went or arrived, earlier in the same sentence or in the sentence or two before (in the
    same paragraph), is where he then met (a place named of the journey itself, not of what was said there)."""
    sent = doc[trigger_i].sent
    going = (linker.cues.journey_verbs | linker.cues.arrival_verbs | {"visit"}) - {"flee", "defect", "escape", "return"}
    for step in range(3):
        # (the meeting's own sentence first: "he flew to Cairo and spent three days with Nasser")
        if step > 0:
            if not _opens_no_paragraph(sent):
                return None
            sent = doc[sent.start - 1].sent
        for verb in (t for t in sent if step > 0 or t.i < trigger_i):
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma not in going:
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"] or (
                [c for c in verb.head.children if c.dep_ == "nsubj"] if verb.dep_ == "conj" else [])
            who = set()
            for subject in subjects:
                ref = linker.person_at(subject, set()) or (linker.resolve_pronoun(subject.i) if subject.lower_ in {"he", "she"} else None)
                linked = linker.link(ref) if ref is not None else None
                if linked is not None:
                    who.add(linked.key)
            if not who & keys:
                continue
            places = [c for c in verb.children if c.dep_ == "dobj"] if lemma == "visit" else []
            places += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "in", "into"} for o in c.children if o.dep_ == "pobj"]
            for place in places:
                ent = next((e for e in doc.ents if e.start <= place.i < e.end and e.label_ in {"GPE", "LOC", "FAC"}), None)
                if ent is not None:
                    return linker.place_name(ent.text)
    return None


def _to_event(cluster: Cluster, doc: Doc, article: dict, offset: int, version: str, dateline_place: str | None, linker: NameLinker, dateline_region: str | None = None, story_day: date | None = None) -> Event:
    main = max(cluster.mentions, key=lambda m: m.informativeness())
    everything = cluster.mentions + cluster.partials
    m = main.mention
    event_type = m.event_type
    participants = _participants(cluster, main, linker)
    if event_type == "asylum":
        _grantor_from_where(participants, cluster, linker, [dateline_place, dateline_region])
    participants = [replace(p, name=linker.state_as_named(p.name)) if p.kind == "GPE" else p for p in participants]
    modality = _modality(cluster, main)
    attributes = _attributes(event_type, main, everything)
    location = m.location or next((x.mention.location for x in everything if x.mention.location), None)
    location = linker.place_name(" ".join(location.split())) if location else None
    fmt = attributes.get("format") if event_type == "meeting" else None
    dated = main if main.event_date else next((x for x in everything if x.event_date), None)
    published = parse_published(article.get("published"))
    # "SOCHI, Russia –" opening a story about talks: filed where they met, as told in the lead
    # or on a day of the story (the three days before publication), wherever the article tells it
    of_the_story = dated is not None and published is not None and 0 <= (published - dated.event_date).days <= 3
    if location is None and event_type in {"meeting", "agreement"} and fmt != "call" and _on_the_sidelines(doc[m.trigger_start].sent):
        location = _gathering_place(doc, m)
    if location is None and event_type in {"meeting", "agreement"} and fmt != "call" and modality in {"asserted", "reported"}:
        location = _gone_to_before(doc, linker, m.trigger_start, {p.linked.key for p in main.parties})
    if location is None and dateline_place and event_type in {"meeting", "agreement"} and (m.sent_index <= 1 or of_the_story) and modality in {"asserted", "reported", "negated"}:
        location = dateline_place
    if location is None and dateline_place and event_type == "meeting" and modality in {"asserted", "reported"} and (dated is None or of_the_story):
        # "ATHENS – ... Earlier in the day, Erdogan was received by President Sakellaropoulou": a
        # meeting with someone of the dateline's state, not said to be elsewhere, is where the story is filed
        here = linker.gaz.country_of(dateline_place)
        if here and any(p.country == here for p in participants):
            location = dateline_place
    if fmt == "call":
        location = None  # a call has no one place
    recent = dated is None or published is None or abs((dated.event_date - published).days) <= 3
    if dated is None and published is not None and any(x.period and x.period[0] != published.year for x in everything):
        recent = False  # "was granted refugee status in Norway in 1991": not where today's story was filed
    building = location is not None and _is_building(location, linker.gaz, linker.cues)
    city = _city_named_with(doc, [x.mention for x in everything], location) if building else None
    if city is not None:
        location = city  # "at the Mariinsky Palace in Kyiv" (filed from Jakarta): the city the text gives
    elif location and dateline_place and recent and (building or _country_of_city(location, dateline_place, linker.gaz)):
        # "at the Akasaka Palace", "met in Turkey" (filed from Antalya): the city, as the dateline gives it
        location = dateline_place
    sent = doc[m.trigger_start].sent
    sentence = sent.text.strip()
    char_start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    sent_ids = {x.mention.sent_index for x in everything}
    keys = sorted(p.linked.key for p in main.parties)
    date_iso = dated.event_date.isoformat() if dated else None
    # (a live blog's "has received", below the day's line, is of that day)
    if date_iso is None and not any(x.period for x in everything) and (not _perfect(doc, main) or main.mention.debug.get("day_line")):
        # the day its sentence names beside it, when no mention has a day or a month of its own
        # ("has applied for asylum, the ministry said on Friday" tells of some time before)
        # (resolved here, not for every mention: most events have a day of their own)
        day = next((d for x in [main, *everything] if (d := _sentence_day(x, published))), None)
        date_iso = day.isoformat() if day else None
    if date_iso is None and story_day and modality == "asserted" and _untimed(doc, everything):
        # "Blinken also met leaders of the Pacific Islands Forum": told among the day's events, on the day
        date_iso = story_day.isoformat()
    event_id = _event_id(str(article.get("id")), event_type, participants, date_iso)
    trigger = m.trigger_text
    if m.verbal and event_type == "meeting":
        nxt = doc[m.trigger_end] if m.trigger_end < len(doc) else None
        if nxt is not None and nxt.lower_ == "with":
            trigger = f"{trigger} {nxt.text}"
    confidence = 0.5
    confidence += 0.15 if len([p for p in participants if p]) >= 2 else 0.0
    confidence += 0.1 if m.verbal else 0.0
    confidence += 0.05 if date_iso else 0.0
    confidence += 0.05 if location else 0.0
    confidence += 0.05 if len(sent_ids) > 1 else 0.0
    confidence -= 0.15 if modality == "reported" else 0.0
    return Event(
        event_id=event_id,
        article_id=str(article.get("id")),
        event_type=event_type,
        trigger=trigger,
        sentence=sentence,
        char_start=char_start,
        char_end=char_start + len(sentence),
        mentions=len(sent_ids),
        participants=participants,
        location=location,
        event_date=date_iso,
        date_text=m.date_text if main.event_date else (dated.mention.date_text if dated else None),
        modality=modality,
        attributes=attributes,
        confidence=round(max(0.05, min(confidence, 0.95)), 2),
        extractor_version=version,
        debug={
            "rules": [x.mention.rule for x in everything],
            "cue": m.modality_cue,
            "main_sentence": m.sent_index,
            "party_keys": keys,
            "listed_grantors": len({p.linked.key for p in main.parties if p.role == "grantor"}),
            "period": main.period,
        },
    )


def _participants(cluster: Cluster, main: ResolvedMention, linker: NameLinker) -> list[Participant]:
    by_key: dict[str, Party] = {}
    for item in [main, *[m for m in cluster.mentions if m is not main], *cluster.partials]:
        for party in item.parties:
            if item in cluster.partials and party.linked.key not in by_key and not party.implied:
                missing_grantor = party.role == "grantor" and not any(p.role == "grantor" for p in by_key.values())
                if not missing_grantor:
                    continue  # a partial mention confirms parties; it adds only a grantor nobody named
            current = by_key.get(party.linked.key)
            if current is None:
                by_key[party.linked.key] = Party(party.linked, party.role, party.implied)
            elif current.role in {"participant", "party"} and party.role not in {"participant", "party"}:
                current.role = party.role
    parties = list(by_key.values())
    event_type = cluster.mentions[0].mention.event_type
    if event_type == "agreement":
        # one name a state: the main mention's ("Lebanon"), not also its signatory ("Michel Aoun")
        main_keys = {p.linked.key for p in main.parties}
        kept = []
        for p in parties:
            twin = next((q for q in kept if q.linked.country and q.linked.country == p.linked.country and "PERSON" in {q.linked.kind, p.linked.kind} and q.linked.kind != p.linked.kind), None)
            if twin is None:
                kept.append(p)
            elif p.linked.kind != "PERSON":
                kept[kept.index(twin)] = p  # the state the signatory signs for: "Indonesia", not its minister
        parties = kept
    elif event_type == "meeting":
        # "Russian-Iranian talks" between Putin and Raisi: the people stand for their states
        person_countries = {p.linked.country for p in parties if p.linked.kind == "PERSON" and p.linked.country}
        parties = [p for p in parties if not (p.linked.kind in {"GPE", "NORP"} and p.linked.country in person_countries and not p.implied)] or parties
        if len([p for p in parties if p.linked.kind == "PERSON"]) >= 2:
            # "Southern African leaders approved ... The summit was hosted by Nyusi and attended by Ramaphosa":
            # a region's leaders, untold by name, are the people the event names
            parties = [p for p in parties if not (p.linked.kind == "NORP" and not p.linked.country)]
        # "Abiy paid a visit to Eritrea ... Isaias greeted him": leaders meet leaders, so a
        # state stands for the one head of state or government the article names for it
        for party in parties:
            # only a state the text implies (a visit to it); "New Delhi hosted Abbas" names its host as it is
            if party.implied and party.linked.kind == "GPE" and party.linked.country and party.linked.country not in person_countries and _led_by_leaders(parties, linker):
                head = linker.head_of(party.linked.country)
                if head is not None and all(p.linked.key != head.key for p in parties):
                    party.linked, party.implied = head, False
    # an implied host state gives way to a named person of that state, who becomes the host
    for implied in [p for p in parties if p.implied]:
        named = [p for p in parties if not p.implied and p.linked.country == implied.linked.country]
        if named or len(parties) > 2:
            parties.remove(implied)
            for p in named:
                if p.role in {"participant", "party"}:
                    p.role = implied.role
    if cluster.mentions[0].mention.event_type == "meeting":
        roles = {p.role for p in parties}
        if "guest" in roles and "host" not in roles:
            for p in parties:
                if p.role == "participant":
                    p.role = "host"
        elif "host" in roles and "guest" not in roles:
            for p in parties:
                if p.role == "participant":
                    p.role = "guest"
    return [Participant(" ".join(p.linked.name.split()), p.role, p.linked.kind, p.linked.country) for p in parties]


def _denies_a_deal(cue: str | None) -> bool:
    """Whether a negated deal's cue says it was not reached ("no agreement was reached", "ended without a
    deal", "was not concluded"), rather than declined to be talked of or not kept ("declined to say
    whether a deal had been reached", "the ceasefire never took hold")."""
    if cue in {"det:no", "prep:without"}:
        return True
    return bool(cue and cue.startswith("neg:") and re.search(r"->(reach|sign|conclu|strik|struck|agree|seal|clinch)", cue))


def _opens_no_paragraph(sent: Span) -> bool:
    """Whether a sentence follows another in its paragraph (no line break just before it)."""
    return sent.start > 0 and "\n" not in sent.doc[sent.start - 1].text_with_ws + sent.doc[sent.start].text_with_ws


def _told_as_a_time(token) -> bool:
    """A word inside "after ...", "before ...", "since ...": told to date something else."""
    return any(a.dep_ == "prep" and a.lower_ in {"after", "before", "since", "until"} for a in token.ancestors)


def _led_by_leaders(parties: list[Party], linker: NameLinker) -> bool:
    """Whether the people named on a visit are heads of state or government, whom the visited state's
    own head receives (not a minister visiting a state: "Pompeo's visit to Pyongyang")."""
    titles = [linker.person_titles.get(fold(p.linked.name), set()) for p in parties if p.linked.kind == "PERSON" and not p.implied]
    return not titles or any(not known or known & HEAD_TITLES for known in titles)  # (untitled people may be leaders too)


def _grantor_from_where(participants: list[Participant], cluster: Cluster, linker: NameLinker, dateline: list[str | None]) -> None:
    """"He asked for asylum shortly after he was detained": no clause names the state asked, but
    the story says where he is, in the asylum sentence ("at the border in Pasvik") or in its
    dateline ("KIRKENES, Norway -"). That state is the one asked, unless it is his own."""
    if any(p.role == "grantor" for p in participants) or not any(p.role == "recipient" for p in participants):
        return
    mentions = [m.mention for m in cluster.mentions + cluster.partials]
    if any(m.debug.get("grantor_open") for m in mentions):
        return  # "appealed for asylum in any country": not of the state they are stranded in
    if any(at_mission(linker.doc[m.trigger_start].sent, linker.cues) for m in mentions):
        return  # asylum asked at an embassy is asked of the embassy's state, not of the state around it
    where = next((w for m in mentions if (w := m.location_country or (linker.gaz.country_of(linker.place_name(m.location)) if m.location else None))), None)
    if where is None:
        # "had reached Moscow and been granted asylum": where the journey ended
        where = next((w for m in mentions if (w := _journey_end(linker, linker.doc[m.trigger_start].sent))), None)
    for place in dateline:
        where = where or (linker.gaz.country_of(place) if place else None)
    own = {p.country for p in participants if p.role == "recipient"}
    if where and where not in own:
        participants.append(Participant(where, "grantor", "GPE", where))


def _journey_end(linker: NameLinker, sent) -> str | None:
    """The state a journey in the sentence ends in: "had reached Moscow and been granted asylum",
    "fled to the United Arab Emirates, which took him in"."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in linker.cues.arrival_verbs:
            continue
        ends = [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_.lower() == "reach"]
        ends += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "into", "in"} for o in c.children if o.dep_ == "pobj"]
        for end in ends:
            ent = next((e for e in sent.ents if e.start <= end.i < e.end), None)
            text = ent.text if ent is not None else end.text
            country = linker.gaz.country_of(linker.place_name(text))
            if country:
                return country
    return None


def _modality(cluster: Cluster, main: ResolvedMention) -> str:
    modalities = [m.mention.modality for m in cluster.mentions]
    if main.mention.modality in {"planned", "hypothetical", "reported"} and any(x.mention.modality == "negated" for x in cluster.mentions + cluster.partials):
        return "negated"
    if main.mention.modality == "reported" and "asserted" in modalities:
        return "asserted"
    return main.mention.modality


def _attributes(event_type: str, main: ResolvedMention, everything: list[ResolvedMention]) -> dict:
    if event_type == "meeting":
        formats = [x.mention.attributes.get("format") for x in everything]
        topics = [t for x in everything for t in x.mention.attributes.get("topics", [])]
        return {"format": max(formats, key=lambda f: FORMAT_RANK.get(f, 0)), "topics": list(dict.fromkeys(topics))}
    if event_type == "asylum":
        action = main.mention.attributes.get("action") or next((x.mention.attributes.get("action") for x in everything if x.mention.attributes.get("action")), None)
        grounds = next((x.mention.attributes.get("grounds") for x in everything if x.mention.attributes.get("grounds")), None)
        return {"action": action, "grounds": grounds}
    status = main.mention.attributes.get("status") or next((x.mention.attributes.get("status") for x in everything if x.mention.attributes.get("status")), None)
    topic = main.mention.attributes.get("topic") or next((x.mention.attributes.get("topic") for x in everything if x.mention.attributes.get("topic")), None)
    return {"topic": topic, "status": status}
