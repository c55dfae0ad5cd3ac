"""Asylum mentions: who grants, offers, refuses or revokes asylum, and who receives or seeks it."""
from __future__ import annotations

import re

from spacy.tokens import Span

from tasks.extract.arguments import ArgumentFinder
from tasks.extract.cues import Cues
from tasks.extract.mentions import Mention, PartyRef


def build_asylum(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int) -> Mention | None:
    if rule.get("needs") == "asylum_told_before":
        return _request_told_before(finder, span, rule, sent_index)
    if rule.get("needs") == "taken_in":
        return _taken_in(finder, span, rule, sent_index)
    noun = span.root
    if noun.dep_ == "amod" and noun.i < span[-1].i:
        noun = span[-1]  # "the political asylum application": the parser hangs "political" on the application
    if noun.lemma_.lower() in REQUEST_NOUNS and span[0].head.i == noun.i:
        noun = span[0]  # "the refugee claim of X": the claim is the request, "refugee" what it asks
    cues = finder.cues
    head = noun.head
    if noun.dep_ == "compound" and head.lower_ in cues.asylum_policy_heads | {"seeker"} or head.lemma_.lower() in cues.asylum_policy_heads and noun.dep_ == "compound":
        return None  # "asylum seekers", "asylum policy": a policy subject, not an event
    if noun.lower_ == "shelter" and not (at_mission(span.sent, cues) or _ambassadors_residence(span.sent)):
        return None  # "shelter" is asylum only at a foreign state's mission: not "gave shelter to the displaced"
    if noun.lower_ in {"refuge", "sanctuary", "shelter"} and noun.head.lemma_.lower() not in cues.asylum_action:
        missions = _missions(finder, noun)
        if noun.head.lemma_.lower() in {"take", "find"} and missions:
            return _refuge_in_mission(finder, span, rule, sent_index, noun, missions[0])
        states = _states_taken_refuge_in(finder, noun) if noun.head.lemma_.lower() in {"take", "find", "seek"} else []
        if states:
            return _refuge_in_state(finder, span, rule, sent_index, noun, states[0])
        return None  # "took refuge in a basement"
    if rule.get("needs") == "asylum_verb":
        # "applied for protection", "withdrawn Assange's protection"; not "environmental protection",
        # nor "sought police protection" at an airport
        if any(c.dep_ in {"compound", "amod"} and c.lower_ not in cues.protection_kinds for c in noun.children):
            return None
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ not in {"dobj", "pobj", "nsubjpass"} or verb.lemma_.lower() not in cues.asylum_action or verb.lemma_.lower() in {"end", "lift", "provide", "extend", "offer"}:
            return None
    mention = Mention("asylum", rule["id"], span.start, span.end, span.text, sent_index)
    governor, path = finder.governor(noun)
    if governor is not None and _a_general_remark(governor, cues):
        return None  # "I know how hard it is to obtain asylum in Belgium": no one's asylum
    status_verb = None
    action = None
    if rule.get("needs") == "admission_verb":
        # "the UAE has welcomed Ghani and his family on humanitarian grounds": a state taking
        # people in; not "released on humanitarian grounds"
        admits = governor is not None and path == "pobj:on" and governor.lemma_.lower() in cues.asylum_admission_verbs
        if not admits or not any(c.dep_ == "dobj" for c in governor.children):
            return None
        action, status_verb = "granted", governor
        mention.verbal = True
    elif governor is not None:
        glemma = governor.lemma_.lower()
        if glemma in {"turn"} and any(c.lower_ == "down" for c in governor.children):
            action = "refused"
        else:
            action = cues.asylum_action.get(glemma)
        if action is not None:
            status_verb = governor
            mention.verbal = True
            upper = governor.head
            if governor.dep_ == "xcomp" and cues.asylum_action.get(upper.lemma_.lower()) in {"refused", "revoked"}:
                # "refused to grant asylum": the refusal is the event, not a negated grant
                action, status_verb = cues.asylum_action[upper.lemma_.lower()], upper
    if action is None:
        for child in noun.children:
            if child.dep_ == "acl" and child.lemma_.lower() in cues.asylum_action:
                governor, path, status_verb = child, "acl", child
                action = cues.asylum_action[child.lemma_.lower()]
    if action is None:
        action = "granted" if any(c.lower_ in {"his", "her", "their"} or c.dep_ == "poss" for c in noun.children) else None
    request = _request_noun(noun)
    if request is not None and governor is not None:
        # "received no asylum request from Jo", "rejected his asylum application": the state
        # handles a request; granting or refusing it is the act, anything else is the request
        handled = cues.asylum_action.get(governor.lemma_.lower())
        action = handled if handled in {"granted", "refused"} and governor.lemma_.lower() not in cues.asylum_recipient_subject else "requested"
        mention.attributes["action"] = action
        filer = governor.lemma_.lower() in cues.asylum_recipient_subject  # "he filed an asylum claim"
        mention.parties += finder.parties_from([c for c in governor.children if c.dep_ == "nsubj"], "recipient" if filer else "grantor")
        mention.parties += finder.parties_from(finder.agents(governor), "grantor")
        mention.parties += finder.parties_from([c for c in request.children if c.dep_ == "poss"], "recipient")
        mention.parties += finder.parties_from(finder.prep_objects(request, {"from", "by", "of"}) + finder.prep_objects(governor, {"from"}), "recipient")
        # "a request for asylum from Edward Snowden": the parse hangs the filer on "asylum"
        mention.parties += [p for p in finder.parties_from(finder.prep_objects(noun, {"from"}), "recipient") if p.kind == "PERSON"]
        mention.debug["status_verb"] = governor.i if handled in {"granted", "refused"} else None
        return _finish(finder, mention, span, noun, governor)
    mention.attributes["action"] = action
    _roles(finder, mention, noun, governor, path)
    also = governor is not None and any(c.dep_ == "advmod" and c.lower_ == "also" for c in governor.children)
    if also and not any(p.role == "grantor" for p in mention.parties):
        mention.debug["grantor_as_before"] = True  # "who was also given asylum": by the grantor just told
    elif not any(p.role == "grantor" for p in mention.parties) and any(p.role == "recipient" for p in mention.parties) and not mention.debug.get("grantor_open"):
        mention.parties += _fallback_grantor(finder, span.sent, governor, speaker=action != "requested")
    mention.debug["status_verb"] = status_verb.i if status_verb is not None else None
    return _finish(finder, mention, span, noun, governor)


def _taken_in(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int) -> Mention | None:
    """"North Macedonia would take in up to 450 Afghans", "asked Ottawa to take in Ms al-Qunun" (the one
    asked, as the subject finder reads it), "offered
    to take in as many as 100,000 refugees", "to be taken in by France": a state taking people in gives
    them refuge. Only people taken in (named, or counted and called what refugees are called), by a
    state, a body or a person: not "took in the view", "took in $2 billion", "took in a show"."""
    verb = span.root
    if not any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children):
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    takers = finder.agents(verb) if passive else finder.subjects(verb)
    taken = finder.passive_subjects(verb) if passive else [c for c in verb.children if c.dep_ == "dobj"]
    people = lambda t: (t.i in finder.ent_of and finder.ent_of[t.i].label_ in {"PERSON", "NORP"}) or t.lemma_.lower() in finder.cues.taken_in_nouns
    if not taken or not all(people(t) for t in taken):
        return None  # (not "took him in": whom a pronoun stands for is too often misread to name a refugee)
    mention = Mention("asylum", rule["id"], span.start, span.end, span.text, sent_index)
    mention.verbal = True
    offered = any(a.lemma_.lower() in {"offer", "propose", "volunteer"} for a in verb.ancestors)
    mention.attributes["action"] = "offered" if offered else "granted"
    mention.parties += [p for p in finder.parties_from(takers, "grantor") if p.kind in {"GPE", "ORG", "PERSON", "TITLE", "PRON"}]
    recipients = [p for p in finder.parties_from(taken, "recipient") if p.kind not in {"GPE", "ORG"}]
    mention.parties += recipients or _described_person(finder, taken)
    mention.debug["status_verb"] = verb.i
    return _finish(finder, mention, span, verb, None)


def _a_general_remark(verb, cues) -> bool:
    """An infinitive said to be hard, easy or rare ("how hard it is to obtain asylum", "it is
    difficult to win asylum"): a remark on asylum in general, not an act."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.dep_ not in {"xcomp", "advcl", "ccomp"}:
        return False
    head = verb.head
    return head.lemma_.lower() in cues.generic_adjectives or any(
        c.dep_ == "acomp" and c.lemma_.lower() in cues.generic_adjectives for c in head.children)


def _missions(finder: ArgumentFinder, noun) -> list:
    """"took refuge in the Brazilian embassy", "in the Uruguayan ambassador's residence": the foreign
    mission where refuge was taken."""
    places = finder.prep_objects(noun.head, {"in", "at", "inside"}) + finder.prep_objects(noun, {"in", "at", "inside"})
    missions = finder.cues.embassy_nouns | {"residence"}
    return [p for p in places if p.lemma_.lower() in missions and _owner_words(p)]


def _owner_words(mission) -> list:
    """The words that say whose a mission is: "the Brazilian embassy", "Ecuador's embassy", and
    after "of": "the residence of Argentina's ambassador", "the embassy of Argentina" (not the
    city it stands in: "the ambassador in Caracas")."""
    words = [c for c in mission.children if c.dep_ in {"amod", "compound", "poss"}]
    # "the Mexican ambassador's residence": the ambassador's state
    words += [g for c in words if c.dep_ == "poss" for g in c.children if g.dep_ in {"amod", "compound", "poss"}]
    for prep in mission.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    words += [obj] + [c for c in obj.children if c.dep_ in {"amod", "compound", "poss"}]
    return words


def _states_named_on(finder: ArgumentFinder, noun) -> list[PartyRef]:
    """The states a place is said to be of: "the Brazilian embassy", "Ecuador's embassy" grant."""
    found = []
    for child in _owner_words(noun):
        if child.dep_ in {"amod", "compound", "poss", "pobj"}:
            party = finder.party(child, "grantor")
            if party is not None and party.kind in {"GPE", "NORP"}:
                found.append(party)
    return found


def _refuge_in_mission(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int, noun, mission) -> Mention:
    """"Cubas resigned and took refuge in the Brazilian embassy": he sought asylum from that state."""
    mention = Mention("asylum", rule["id"], span.start, span.end, span.text, sent_index, verbal=True)
    mention.attributes["action"] = "requested"
    mention.parties += finder.parties_from(finder.subjects(noun.head), "recipient")
    mention.parties += _states_named_on(finder, mission)[:1]
    mention.debug["status_verb"] = noun.head.i
    return _finish(finder, mention, span, noun, noun.head)


def _states_taken_refuge_in(finder: ArgumentFinder, noun) -> list:
    """"has taken refuge in neighbouring Lithuania": a state (not a city, a church or a basement)."""
    places = finder.prep_objects(noun.head, {"in"}) + finder.prep_objects(noun, {"in"})
    found = []
    for place in places:
        ent = finder.ent_of.get(place.i)
        entry = finder.gaz.lookup(ent.text) if ent is not None and ent.label_ == "GPE" else None
        if entry is not None and entry.category == "country":
            found.append(place)
    return found


def _refuge_in_state(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int, noun, state) -> Mention | None:
    """"Tsikhanouskaya has taken refuge in Lithuania": a person sheltered by that state."""
    recipients = [p for p in finder.parties_from(finder.subjects(noun.head), "recipient") if p.kind in {"PERSON", "PRON", "TITLE"}]
    if not recipients:
        return None  # "thousands took refuge in Chad": people fleeing, not one's asylum
    mention = Mention("asylum", rule["id"], span.start, span.end, span.text, sent_index, verbal=True)
    mention.attributes["action"] = "granted"
    mention.parties += recipients
    mention.parties += finder.parties_from([state], "grantor")
    mention.debug["status_verb"] = noun.head.i
    return _finish(finder, mention, span, noun, noun.head)


# what is done to a claim that is said, not filed ("dismissed the claim as baseless")
NOT_DECIDING = {"dismiss"}


def _request_told_before(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int) -> Mention | None:
    """"He claimed refugee status in 2000 ... Canada's Immigration and Refugee Board rejected the claim":
    the request an asylum sentence just told, granted or refused by whoever acts on it."""
    noun = span.root
    verb = noun.head
    action = finder.cues.asylum_action.get(verb.lemma_.lower())
    if noun.dep_ not in {"dobj", "nsubjpass"} or action not in {"granted", "refused"} or verb.lemma_.lower() in NOT_DECIDING | finder.cues.asylum_recipient_subject:
        return None  # (not "The BNP dismissed the claim as baseless": a claim said, not one filed)
    if any(c.dep_ in {"compound", "amod", "nmod"} for c in noun.children) or finder.prep_objects(noun, {"for", "of"}):
        return None  # "his asylum claim", "a request for asylum": told by their own rules; "his claim of persecution": no asylum
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if not (owner or any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children)):
        return None
    sent = span.sent
    back = _sentences_back(finder, sent, 3)
    earlier = [t for t in finder.doc.spans.get("event_triggers", []) if t.label_ == "asylum" and back <= t.start < sent.start
               and t.end > sent.start - 120 and t.kb_id_ != rule["id"]]
    if not earlier:
        return None
    mention = Mention("asylum", rule["id"], span.start, span.end, span.text, sent_index, verbal=True)
    mention.attributes["action"] = action
    mention.debug["status_verb"] = verb.i
    mention.parties += finder.parties_from(owner, "recipient") if owner else [PartyRef(noun.text, "PRON", "recipient", noun.i, noun.i + 1)]
    deciders = finder.agents(verb) if noun.dep_ == "nsubjpass" else finder.subjects(verb)
    mention.parties += finder.parties_from(deciders, "grantor")
    return _finish(finder, mention, span, noun, verb)


def _request_noun(noun):
    """"asylum request", "request for asylum": the noun naming the request, if any."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in REQUEST_NOUNS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in REQUEST_NOUNS and noun.head.head.pos_ != "VERB":
        # (not "appealed for asylum in any country": a verb asks, and says of whom)
        return noun.head.head
    return None


def _a_tally(finder: ArgumentFinder, mention: Mention, sent: Span) -> bool:
    """"Last year 351,915 people applied for asylum in Germany", "Japan granted refugee status to 44 people
    last year out of 10,375 applicants": people counted over a period are a statistic, not someone given
    or refused asylum."""
    recipients = [finder.doc[p.end - 1] for p in mention.parties if p.role == "recipient"]
    counted = bool(recipients) and all(t.lower_ in finder.cues.tally_nouns and any(c.dep_ == "nummod" for c in t.children) for t in recipients)
    # a year, a month or a run of them ("last year", "in the year to June", "in 2015"), not a day
    period = any(e.label_ == "DATE" and re.search(r"\byears?\b|\bmonths?\b|\b(?:19|20)\d\d\b", e.text, re.IGNORECASE)
                 and not re.search(r"\b\d{1,2}\b|day|night", e.text, re.IGNORECASE) for e in sent.ents)
    return counted and period


def _state_sought(finder: ArgumentFinder, noun, place) -> bool:
    """Whether the place found is a state named as the asylum's own ("asylum in the United States"):
    the state asked, which says where the asylum is to be, not where it was asked."""
    if not isinstance(place, Span) or not finder.is_state(place):
        return False
    root = place.root
    return root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.i == noun.i


def _finish(finder: ArgumentFinder, mention: Mention, span: Span, noun, governor) -> Mention | None:
    if _a_tally(finder, mention, span.sent):
        return None
    for i, party in enumerate(mention.parties):
        if party.role == "recipient" and party.kind == "GROUP" and party.text.lower() in {"them", "they"}:
            # "Four Uighur detainees arrived in Bermuda ... Bermuda had granted them asylum": the group told before
            group = _group_named_before(finder, finder.doc[party.start])
            if group is not None:
                mention.parties[i] = group
    heads = [noun] + ([governor] if governor is not None else [])
    place = finder.place_of(heads, preps=("in", "at", "inside"))
    if place is not None and governor is not None and _state_sought(finder, noun, place):
        # "walked into the American embassy in Tokyo and asked for asylum in the United States": the state
        # is the one asked; where it was asked, if the clause says, is the place
        asked_in = finder.place_of([governor], preps=("in", "at", "inside", "into"), skip=noun)
        if asked_in is not None and not finder.is_state(asked_in):
            place = asked_in
    if place is None:
        # "inside Ecuador's embassy in London": where the asylum was sought or held
        for token in span.sent:
            if token.lemma_.lower() in {"embassy", "consulate", "residence", "mission"}:
                place = finder.place_of([token], preps=("in",))
                if place is not None:
                    break
    finder.set_place(mention, place)
    grounds = _grounds(span.sent)
    if grounds:
        mention.attributes["grounds"] = grounds
    heads = [noun] + ([governor] if governor is not None else [])
    finder.date_mention(mention, heads, span.sent)
    _told_to_each(finder, mention)
    if governor is not None:
        mention.trigger_text = f"{governor.text} {span.text}" if governor.i < span.start else f"{span.text} {governor.text}"
        mention.trigger_start = min(governor.i, span.start)
        mention.trigger_end = max(governor.i + 1, span.end)
    return mention


def _sentences_back(finder: ArgumentFinder, sent: Span, count: int) -> int:
    """The first token of the sentence `count` sentences before `sent` (or of the text)."""
    start = sent.start
    for _ in range(count):
        if start > 0:
            start = finder.doc[start - 1].sent.start
    return start


def _group_named_before(finder: ArgumentFinder, pronoun) -> PartyRef | None:
    """The last group of people the story names by what they are ("Four Uighur detainees", "some 40
    Iraqi Kurds") as a clause's subject or object, in the pronoun's sentence or the two before it."""
    start = _sentences_back(finder, pronoun.sent, 2)
    for token in reversed(finder.doc[start: pronoun.i]):
        if token.tag_ not in {"NNS", "NNPS"} or token.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            continue
        if token.lower_ == "people":
            return None  # "three thousand people crowd into its embassy": no more said of who they are
        if any(c.dep_ == "nummod" for c in token.children):
            # "Four Uighur detainees", "Five members of Afghanistan's robotics team": people counted
            return PartyRef(finder.phrase(token, with_of=True), "NORPGROUP", "recipient", token.i, token.i + 1)
        found = finder.party(token, "recipient")
        if found is not None and found.kind == "NORP" and found.start == token.i:
            # "Some 40 Iraqi Kurds": a people counted, named as the story names the group
            return PartyRef(finder.phrase(token), "NORPGROUP", "recipient", token.i, token.i + 1, country_hint=found.country_hint)
        if found is not None and found.kind == "NORPGROUP":
            return found
    return None


def _roles(finder: ArgumentFinder, mention: Mention, noun, governor, path) -> None:
    asked = noun.lower_ == "protection" and governor is not None and governor.lemma_.lower() in finder.cues.asylum_recipient_subject
    for child in noun.children:
        if child.dep_ == "poss":
            # "withdrew Assange's protection" is his; "asked for his protection" is the protector's
            mention.parties += finder.parties_from([child], "grantor" if asked else "recipient")
        if child.dep_ == "compound" and child.i < noun.i and noun.dep_ == "dobj" and governor is not None \
                and governor.lemma_.lower() in {"grant", "give", "offer", "deny", "refuse"} \
                and (child.ent_type_ in {"NORP", "PERSON"} or child.lower_ in GROUP_NOUNS or child.lower_ in finder.cues.person_nouns):
            # "Peru granted six Cubans asylum", "granted the group asylum", "granted the fallen king refuge":
            # a double object the parser read as one noun phrase; the first object receives ("the group":
            # the one told before; "the fallen king": the king the story names)
            if child.lower_ in GROUP_NOUNS:
                group = _group_named_before(finder, child)
                mention.parties += [group] if group is not None else []
            elif child.lower_ in finder.cues.person_nouns and not child.ent_type_:
                if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):  # (not "granted a king asylum")
                    mention.parties.append(PartyRef(child.text, "TITLE", "recipient", child.i, child.i + 1, title=child.lower_))
            else:
                mention.parties += finder.parties_from([child], "recipient")
        if child.dep_ == "prep" and child.lower_ in {"for", "of"}:
            # "asylum for Assange", "revoked the asylum of Abu Qatada"
            mention.parties += finder.parties_from([c for c in child.children if c.dep_ == "pobj"], "recipient")
        if child.dep_ == "relcl" and child.lemma_.lower() in finder.cues.asylum_action:
            # "withdrew the asylum it had granted to Julian Assange", "revoked the asylum it had granted him"
            mention.parties += finder.parties_from(finder.prep_objects(child, {"to"}), "recipient")
            mention.parties += finder.parties_from([c for c in child.children if c.dep_ in {"dobj", "dative"}], "recipient")
        if child.dep_ == "relcl" and child.lemma_.lower() in {"shield", "protect", "shelter", "allow", "let", "keep", "save"}:
            # "revoked the asylum that had shielded him from arrest"
            mention.parties += finder.parties_from([c for c in child.children if c.dep_ == "dobj"], "recipient")
    if governor is None:
        return
    if not any(p.role == "recipient" for p in mention.parties):
        mention.parties += _recipient_after_to(finder, noun)
    glemma = governor.lemma_.lower()
    recipient_is_subject = glemma in finder.cues.asylum_recipient_subject
    subjects = finder.subjects(governor)
    passive = finder.passive_subjects(governor)
    agents = finder.agents(governor)
    to_objs = finder.prep_objects(governor, {"to"})
    datives = [c for c in governor.children if c.dep_ in {"dative", "iobj"} and c.lower_ != "to"]
    objects = [c for c in governor.children if c.dep_ == "dobj" and c.i != noun.i]
    if not passive and any(c.dep_ == "auxpass" for c in governor.children) and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in governor.children):
        # "had been allowed to enter and had not been granted asylum": an inherited passive subject receives
        passive, subjects = subjects, []
    if recipient_is_subject:
        mention.parties += finder.parties_from(subjects, "recipient")
        mention.parties += finder.parties_from(passive, "recipient")
        if not any(p.role == "recipient" for p in mention.parties):
            mention.parties += _described_person(finder, subjects)  # "an Iranian diplomat ... has applied for asylum"
        # "asked Italy for asylum", "petitioned Britain for asylum": the state asked
        for obj in objects:
            party = finder.party(obj, "grantor")
            if party is not None and party.kind in {"GPE", "ORG"}:
                mention.parties.append(party)
        # "sought asylum in Ecuador", "asylum from Russia": the state asked
        for obj in finder.prep_objects(governor, {"in", "from", "at"}) + finder.prep_objects(noun, {"in", "from", "at"}):
            if obj.lemma_.lower() in finder.cues.open_states and any(c.lower_ in {"any", "a", "another", "third", "some", "other"} for c in obj.children):
                mention.debug["grantor_open"] = True  # "asylum in any country willing to take them": no state is asked yet
                continue
            party = finder.party(obj, "grantor")
            if party is not None and party.kind in {"GPE", "ORG", "NORP", "PERSON"}:
                mention.parties.append(party)
            else:
                mention.parties += _states_named_on(finder, obj)
        return
    if passive and passive[0].i != noun.i:
        # "Assad was granted asylum by Russia"
        mention.parties += finder.parties_from(passive, "recipient")
    mention.parties += finder.parties_from(agents, "grantor")
    mention.parties += finder.parties_from(subjects, "grantor")
    # "visas to 42 asylum seekers from Papua": the group counted, not the place it comes from
    # (but "two other campaigners, Ray Wong and Alan Li": the people named)
    given = finder.parties_from(to_objs + datives + objects, "recipient")
    counted = _described_person(finder, [t for t in to_objs + datives + objects if t.tag_ == "NNS" and t.i not in finder.ent_of])
    mention.parties += given if any(p.kind == "PERSON" for p in given) or not counted else counted
    # "granted asylum to several of them, including Juan Ramón Quintana": the people named among them
    for recipient in to_objs + datives + objects:
        included = finder.parties_from(finder.prep_objects(recipient, {"including"}), "recipient")
        mention.parties += [p for p in included if p.kind == "PERSON"]
    if not agents and not subjects and passive:
        # "has been granted refugee status in New Zealand", "was granted a visa, allowing him to
        # remain in Australia": the state it was granted in
        inside = [t for t in governor.subtree if t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.i != noun.i]
        for obj in finder.prep_objects(governor, {"in", "by"}) + finder.prep_objects(noun, {"in"}) + inside:
            entry = finder.gaz.lookup(finder.ent_of[obj.i].text) if obj.i in finder.ent_of else None
            if entry is not None and entry.category == "country":
                mention.parties.append(finder.party(obj, "grantor"))
                break
    if not any(p.role == "recipient" for p in mention.parties):
        # "granted Battisti political refugee status": the person between the verb and the asylum
        for token in finder.doc[governor.i + 1: noun.i]:
            ent = finder.ent_of.get(token.i)
            if ent is not None and ent.label_ == "PERSON" and token.i == ent.root.i:
                mention.parties.append(finder.party(token, "recipient"))
                break
            if (ent is None or ent.label_ != "PERSON") and token.pos_ == "PROPN" and finder.known_person(token.text):
                # "give Snowden asylum": a name the model mislabels here but calls a person elsewhere
                mention.parties.append(PartyRef(token.text, "PERSON", "recipient", token.i, token.i + 1))
                break
    # "stripped Assange of his asylum"
    mention.parties += finder.parties_from(finder.prep_objects(governor, {"of"}), "recipient")
    if not any(p.role == "recipient" for p in mention.parties):
        # "granted refugee status to a Myanmar footballer"
        mention.parties += _described_person(finder, to_objs + datives + objects)


def _described_person(finder: ArgumentFinder, tokens) -> list[PartyRef]:
    """"a Myanmar footballer", "an Iranian diplomat who resigned": one person described by
    nationality, whom the story names (resolved to the person the story is about when the
    events are assembled)."""
    for token in tokens:
        if token.pos_ == "NOUN" and token.tag_ == "NN" and token.i not in finder.ent_of and any(
            c.dep_ in {"amod", "compound"} and finder.ent_of.get(c.i) is not None and finder.ent_of[c.i].label_ in {"NORP", "GPE"} for c in token.children
        ):
            return [PartyRef(finder.phrase(token), "NORP", "recipient", token.i, token.i + 1)]
        if token.tag_ == "NNS" and any(c.dep_ == "nummod" and c.like_num for c in token.children):
            # "visas to 42 asylum seekers from Papua": a group counted, named as the article counts it
            first = min(c.i for c in token.children if c.dep_ in {"nummod", "amod", "compound"} and c.i < token.i)
            end = token.i + 1
            origin = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "from" and c.i == token.i + 1), None)
            if origin is not None and any(o.i in finder.ent_of and finder.ent_of[o.i].label_ in {"GPE", "LOC", "NORP"} for o in origin.children):
                end = origin.right_edge.i + 1  # "42 asylum seekers from Papua": where they come from says who they are
            return [PartyRef(finder.doc[first: end].text, "NORPGROUP", "recipient", first, end)]
    return []


def _recipient_after_to(finder: ArgumentFinder, noun) -> list:
    """"offered asylum to dissident Chen Guangcheng", "given asylum to ousted Syrian leader
    Bashar al-Assad": the parser reads "to dissident" as an infinitive, but the person named
    right after "asylum to" is the one it goes to."""
    end = noun.i + 1
    while end < len(finder.doc) and finder.doc[end].is_quote:
        end += 1  # offer "humanitarian asylum" to Edward Snowden
    if end >= len(finder.doc) or finder.doc[end].lower_ != "to":
        return []
    for token in finder.doc[end + 1: min(end + 10, noun.sent.end)]:
        if token.is_punct and token.lower_ != "-" or (token.pos_ in {"VERB", "AUX"} and any(c.dep_ == "nsubj" for c in token.children)):
            break
        if token.lower_ == "of":
            break  # "to the wife and children of Pedro Castillo": not Castillo's asylum
        ent = finder.ent_of.get(token.i)
        if ent is None or token.i != ent.end - 1 or ent.root.dep_ == "poss" or (ent.end < len(finder.doc) and finder.doc[ent.end].tag_ == "POS"):
            continue  # "WikiLeaks founder", "Castillo's wife": named to describe the one it goes to
        party = finder.party(ent.root, "recipient")
        if party is not None and party.kind == "PERSON":
            return finder.parties_from([ent.root], "recipient")
    return []


def _grounds(sent: Span) -> str | None:
    for token in sent:
        if token.lemma_.lower() in {"ground", "reason"} and token.tag_ == "NNS":
            words = [c.text for c in token.lefts if c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "NOUN", "PROPN"}]
            if words:
                return " ".join(words).lower()
    return None


AUTHORITY_NOUNS = {"authority", "authorities", "guard", "guards", "police", "official", "officials", "court", "commission", "government", "ministry", "embassy", "consulate", "immigration"}
REQUEST_NOUNS = {"request", "application", "claim", "bid", "petition", "plea", "appeal"}
GROUP_NOUNS = {"group", "family", "couple", "pair"}  # "granted the group asylum": people told before
MISSION_NOUNS = {"embassy", "consulate", "residence", "mission", "legation", "government", "authorities"}


def _ambassadors_residence(sent) -> bool:
    """"the residence of the Italian ambassador", "the ambassador's residence": a mission too."""
    return any(t.lemma_.lower() == "residence" and any(
        o.lemma_.lower() == "ambassador" for c in t.children if c.dep_ in {"poss", "prep"} for o in [c, *c.children]) for t in sent)


def at_mission(sent, cues) -> bool:
    """An embassy is a foreign state's ground inside another: asylum asked there is asked of its state."""
    return any(t.lemma_.lower() in cues.embassy_nouns for t in sent)


def _fallback_grantor(finder: ArgumentFinder, sent: Span, governor, speaker: bool = True) -> list:
    """The state asked or granting when no clause names it.

    "asked for asylum at the Uruguayan ambassador's residence": the state
    whose mission it is; "Asylum was granted to Morales ..., Mexican Foreign
    Minister Marcelo Ebrard told reporters": whoever announces it.
    """
    # this sentence first, then the three before it ("walked into the residence and asked for asylum")
    sentences = [sent]
    previous = sent.start - 1
    while previous >= 0:  # nearest first, back to the top: "Ecuador's embassy" may be named paragraphs earlier
        sentences.append(finder.doc[previous].sent)
        previous = sentences[-1].start - 1
    for candidate in sentences:
        # in other sentences only a mission abroad: "the Peruvian government had been informed" asks nothing
        nouns = MISSION_NOUNS if candidate.start == sent.start else finder.cues.embassy_nouns
        for token in candidate:
            if candidate.start != sent.start and token.dep_ in {"nsubj", "nsubjpass"}:
                continue  # "Russia's embassy in Kabul claimed ...": an embassy that speaks is no refuge
            if token.lemma_.lower() in {"government", "authorities"} and any(a.dep_ in {"relcl", "appos"} for a in [token, *token.ancestors]):
                continue  # "gave asylum to Cédras, the general who led Haiti's military government": his, not the grantor
            holder = token.head.head if token.dep_ == "pobj" else None
            if candidate.start != sent.start and holder is not None and holder.pos_ in {"NOUN", "PROPN"} and holder.lemma_.lower() not in finder.cues.stay_nouns:
                continue  # "walked into", "seven months in" Ecuador's embassy; not "an officer at Vietnam's embassy"
            if token.lemma_.lower() in nouns:
                owners = {t.i for w in _owner_words(token) for t in w.subtree if t.i <= w.i}
                for t in token.subtree:
                    if (t.i < token.i or t.i in owners) and t.i in finder.ent_of and finder.ent_of[t.i].label_ in {"GPE", "NORP"}:
                        party = finder.party(t, "grantor")
                        if party is not None:
                            return [party]
    in_mission = at_mission(sent, finder.cues)
    if not speaker and not in_mission:
        # "detained by Kazakh border guards, he applied for asylum": the state whose officers hold him
        for token in sent:
            if token.lemma_.lower() in AUTHORITY_NOUNS:
                for child in [t for t in token.subtree if t.i < token.i]:
                    child_ent = finder.ent_of.get(child.i)
                    if child.dep_ in {"amod", "compound", "poss"} and child_ent is not None and child_ent.label_ in {"NORP", "GPE"}:
                        country = finder.gaz.country_of(child_ent.text)
                        if country:
                            return [PartyRef.of_state(country, "grantor", child_ent.start, child_ent.end)]
    if governor is not None and not speaker and not in_mission:
        # "personnel who fled to Greece ... requested asylum": the state they reached
        # (not "walked into the embassy in Knightsbridge": an embassy is its own state's ground)
        scope = list(governor.subtree) + (list(governor.head.subtree) if governor.dep_ == "conj" else [])
        for token in scope:
            if token.dep_ == "pobj" and token.head.lower_ in {"to", "in", "into"}:
                entry = finder.gaz.lookup(finder.ent_of[token.i].text) if token.i in finder.ent_of else None
                if entry is not None and entry.category in {"country", "capital"} and entry.country:
                    # "he was in Budapest and had requested asylum": the state of the capital
                    return [PartyRef.of_state(entry.country, "grantor", token.i, token.i + 1)]
    if governor is None or not speaker:
        return []  # whoever reports a request (his lawyer) is not the state asked
    # the announcing clause may sit above the grant or, parsed loosely, beside it
    statements = [t for t in governor.ancestors] + [c for c in governor.children if c.dep_ in {"parataxis", "ccomp", "advcl", "conj"} and c.i > governor.i]
    for token in statements:
        if token.lemma_.lower() in finder.cues.statement_verbs:
            speakers = [p for p in finder.parties_from(finder.subjects(token), "grantor") if p.kind in {"PERSON", "GPE", "ORG", "TITLE"}]
            if not speakers:
                # '"He has not been granted any asylum," the ministry said': the ministry named before
                speakers = [p for s in finder.subjects(token) if (p := _named_before(finder, s)) is not None]
            official = [p for p in speakers if p.kind != "PERSON" or (finder.gaz.lookup(p.text) is not None)]
            # an official speaks for a state: name the state where the gazetteer knows it
            return [
                PartyRef.of_state(p.country_hint, "grantor", p.start, p.end)
                if p.kind in {"PERSON", "TITLE", "ORG"} and p.country_hint else p
                for p in official
            ]
    return []


def _named_before(finder: ArgumentFinder, noun) -> PartyRef | None:
    """"the ministry" after "Singapore's foreign ministry": the state the same body was named with."""
    if noun.pos_ != "NOUN" or not any(c.lower_ == "the" for c in noun.children):
        return None
    for token in reversed(finder.doc[: noun.i]):
        if token.lemma_.lower() != noun.lemma_.lower():
            continue
        for child in token.children:
            ent = finder.ent_of.get(child.i)
            country = finder.gaz.country_of(ent.text) if ent is not None and ent.label_ in {"GPE", "NORP"} else None
            if child.dep_ in {"poss", "amod", "compound"} and country:
                return PartyRef.of_state(country, "grantor", child.i, child.i + 1)
    return None


def _told_to_each(finder: ArgumentFinder, mention: Mention) -> None:
    """"It gave refuge to Juan Peron in 1955, and to Anastasio Somoza in 1979": a preposition said
    again for each recipient tells one grant each (not "asylum to Magallanes and De Grazia", one act)."""
    preps = {}
    for party in mention.parties:
        if party.role != "recipient" or party.start < 0:
            continue
        root = finder.doc[party.start:party.end].root
        if root.dep_ == "appos":
            root = root.head  # "to the tycoon Boris Berezovsky": the name stands beside what the preposition takes
        if root.dep_ == "pobj" and root.head.lower_ == "to":
            preps.setdefault(root.head.i, []).append(party.start)
    if len(preps) < 2:
        return
    # the second "to" coordinated, however the parser hung it (or both on the verb), with a time told
    # between them ("to Berezovsky in 2003 and, the same year, to Zakayev"; not "to General Hussein Kamel,
    # Iraq's former minister, and to his brother", one act)
    first, last = min(preps), max(preps)
    timed = any(t.ent_type_ == "DATE" for t in finder.doc[first:last])
    if timed and (any(finder.doc[i].dep_ == "conj" for i in preps) or len({finder.doc[i].head.i for i in preps}) == 1):
        mention.debug["separate_parties"] = [start for starts in preps.values() for start in starts]


def offer_made(mention: Mention, sent: Span, cues: Cues) -> None:
    """"France is ready to grant asylum to Iraqi Christians": a state that says it is ready, willing or
    prepared to grant asylum has made an offer, and the offer happened; read as planned by the verb of
    readiness, it is asserted (a condition on it, "if he asks", still makes it hypothetical)."""
    if mention.modality != "planned" or mention.attributes.get("action") not in {"granted", "offered"} \
            or (mention.modality_cue or "").removeprefix("governor:") not in cues.readiness_words:
        return
    conditional = any(t.dep_ == "mark" and t.lower_ in cues.hypothetical_marks for t in sent)
    mention.modality, mention.attributes["action"] = "hypothetical" if conditional else "asserted", "offered"
