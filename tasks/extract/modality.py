"""Modality from cues in the trigger's scope: negated, hypothetical, planned, reported, asserted.

The scope is the trigger, the verb that governs it, and the clauses above
them (xcomp, ccomp, advcl): "is expected to visit", "failed to reach a
deal", "reports suggest that the meeting ...". Cues are lemmas in
data/cues.json. The strongest cue wins, in the order of MODALITY_ORDER.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from tasks.extract.cues import Cues

def lemma_of(token: Token, cues: Cues) -> str:
    """The token's lemma, or a cue word it is an inflection of.

    The small model lemmatises some verbs wrongly ("hoped" -> "hop"); a cue
    lookup that trusted the lemma alone would miss "he hoped to convene a summit".
    """
    lemma = token.lemma_.lower()
    if lemma in cues.known_lemmas:
        return lemma
    lower = token.lower_
    for cut, add in (("", ""), ("d", ""), ("ed", ""), ("s", ""), ("es", ""), ("ing", ""), ("ing", "e"), ("ied", "y"), ("ies", "y")):
        if cut and not lower.endswith(cut):
            continue
        candidate = (lower[: -len(cut)] if cut else lower) + add
        if candidate in cues.known_lemmas:
            return candidate
    return lemma


MODALITY_ORDER = ["negated", "hypothetical", "planned", "reported", "asserted"]


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_source(token, cues) -> bool:
    """An unnamed source: "sources", "officials", "Israeli media" (whose lemma the model gives as "medium")."""
    return token.lemma_.lower() in cues.reported_sources or token.lower_ in cues.reported_sources


def _pluperfect(token: Token) -> bool:
    """"had been due to", "had been expected to": a plan told in the past perfect was overtaken."""
    if token.dep_ == "acomp":
        token = token.head  # "had been due": the auxiliaries hang on "been"
    children = list(token.children)
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in children) and (
        token.lower_ == "been" or any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "been" for c in children))


SETTING_PREPOSITIONS = {"at", "during", "after", "before", "since", "following", "ahead", "despite", "throughout"}


def _in_setting(path: list[Token]) -> bool:
    """Whether the trigger is only the setting of the verb above it: "what Modi and Xi did not do at
    their summit was discuss Kashmir", "did not sign anything during the talks". What did not
    happen happened at the event; the event itself did."""
    return any(t.dep_ == "prep" and t.lower_ in SETTING_PREPOSITIONS for t in path)


def _first_to(be: Token, cues: Cues) -> bool:
    """"Macron was among the first heads of state to travel to Abu Dhabi", "was the first president to
    visit": the infinitive says what the first one did, not what was to come (the parser may hang it on
    "was", as in "was to travel")."""
    described = [c for c in be.children if c.dep_ == "attr"]
    described += [o for c in be.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(a.dep_ == "amod" and (a.lower_ in {"first", "last", "only"} or a.ent_type_ == "ORDINAL")
               for d in described if d.lemma_.lower() in cues.person_nouns or d.lower_ in cues.person_nouns for a in d.children)


def scope_chain(start: Token) -> list[Token]:
    """The trigger and the heads above it, up to the root of its sentence."""
    chain = [start]
    token = start
    while token.head.i != token.i and len(chain) < 8:
        token = token.head
        chain.append(token)
    return chain


def first_noun_conjunct(token: Token) -> Token:
    """The first of the nouns a noun is coordinated with ("a state visit and talks": the visit)."""
    while token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"}:
        token = token.head
    return token


def find_modality(trigger: Token, governor: Token | None, sent: Span, cues: Cues, event_type: str, status_verb: Token | None = None) -> tuple[str, str | None]:
    modality, cue = _modality(trigger, governor, sent, cues, event_type, status_verb)
    first = first_noun_conjunct(trigger)
    if modality == "asserted" and cue is None and first.i != trigger.i and first.pos_ in {"NOUN", "PROPN"} and any(
            span.start <= first.i < span.end for span in trigger.doc.spans.get("event_triggers", [])):
        # "is due in Buenos Aires on March 23 for a state visit and talks with Macri": the second of two
        # coordinated events is as much to come, or called off, as the first, whose place in the sentence tells it
        # (not "agreed on charter flights and visits by tourists": what is agreed on is no event)
        return _modality(first, governor, sent, cues, event_type, None)
    return modality, cue


def _modality(trigger: Token, governor: Token | None, sent: Span, cues: Cues, event_type: str, status_verb: Token | None = None) -> tuple[str, str | None]:
    past = status_verb is not None and (status_verb.tag_ == "VBD" or status_verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in status_verb.children))
    if status_verb is not None and status_verb.dep_ == "relcl" and status_verb.head.i == trigger.i and past \
            and not any(c.dep_ in {"aux", "auxpass", "neg"} or (c.dep_ == "mark" and c.lower_ != "that") for c in status_verb.children):
        # "would not have been possible without the accords that the Emirates and Bahrain signed with
        # Israel": a relative clause in the past tells the deal as done, whatever the sentence says of it
        # (the tagger takes "the agreement the Emirates signed" for a participle: with its own subject, it is past)
        return "asserted", f"relcl:{status_verb.text}"
    found: dict[str, str] = {}
    chain = scope_chain(trigger)
    # "said he would pay a visit": a would under a verb of saying is the future of the past
    passed_statement = any(lemma_of(t, cues) in cues.statement_verbs for t in chain[1:])
    # "agreed that their special representatives should meet again soon": what was decided is planned
    passed_decision = any(lemma_of(t, cues) in cues.deciding_verbs for t in chain[1:])
    crossed = False  # past a clause boundary, the higher clause's auxiliaries are not ours
    # "the asylum granted to Haya de la Torre did not meet the conditions", "the agreement signed in 1994
    # would not end the dispute": the participle tells the act; what the sentence says of it is another matter
    own_participle = status_verb is not None and status_verb.dep_ == "acl" and status_verb.head.i == trigger.i and status_verb.tag_ == "VBN" \
        and not any(c.dep_ in {"aux", "auxpass", "neg"} for c in status_verb.children)
    for depth, token in enumerate(chain):
        below = chain[depth - 1] if depth > 0 else None
        if own_participle and depth >= 1:
            crossed = True
        purpose = below is not None and below.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
        if below is not None and below.dep_ in {"ccomp", "advcl", "relcl", "parataxis", "acl"} and not purpose:
            crossed = True  # "will travel to Washington to meet Trump": a purpose clause shares the plan
        if below is not None and below.dep_ == "conj" and (below.tag_ in {"VBD", "VBZ", "VBP"} or any(c.dep_ in {"aux", "mark"} for c in below.children)) \
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in below.children):
            # "would kill her ... a day after Canada granted her asylum", "that Washington would recognise ...,
            # and that Morocco had agreed to normalise relations": a clause with its own subject and tense (or
            # its own auxiliary) does not share the auxiliaries of the verb it hangs from ("only if it accepts
            # and signs" does)
            crossed = True
        lemma = lemma_of(token, cues)
        if below is not None and below.i == trigger.i and trigger.dep_ == "nsubj" and lemma in cues.effect_verbs:
            crossed = True  # "Xi's trip to Pyongyang would strengthen his hand": the trip's effect is to come, not the trip
        is_verbish = token.pos_ in {"VERB", "AUX", "ADJ"}
        is_status = status_verb is not None and token.i == status_verb.i
        for child in token.children:
            clower = child.lower_
            if crossed and child.dep_ in {"neg", "aux", "auxpass", "mark", "det", "amod"}:
                if not (child.dep_ == "det" and clower == "no" and lemma in cues.planned_governors):
                    continue  # "no plans for X to meet" still speaks of the meeting
            if child.dep_ == "neg" and not _in_setting(chain[:depth]):
                found.setdefault("negated", f"neg:{child.text}->{token.text}")
            if is_verbish and not crossed and (child.dep_ == "preconj" and clower == "neither" or child.dep_ == "cc" and clower == "nor") and not _in_setting(chain[:depth]):
                # "he had neither asked for asylum nor been granted any"
                found.setdefault("negated", f"{child.text}->{token.text}")
            if child.dep_ in {"aux", "auxpass"} and is_verbish and child.ent_type_ != "PERSON":  # "Journalist Can Dundar was given"
                if clower in cues.planned_aux or child.lemma_ in cues.planned_aux:
                    found.setdefault("planned", f"aux:{child.text}")
                elif clower in cues.hypothetical_aux:
                    if clower == "would" and passed_statement:
                        found.setdefault("planned", "aux:would(reported speech)")
                    elif clower in {"should", "would"} and passed_decision:
                        found.setdefault("planned", f"aux:{clower}(decided)")
                    else:
                        found.setdefault("hypothetical", f"aux:{child.text}")
            if child.dep_ == "mark" and clower in cues.hypothetical_marks:
                found.setdefault("hypothetical", f"mark:{child.text}")
            if child.dep_ in {"aux", "auxpass"} and clower in {"had", "should", "were"} and (child.i == child.sent.start or child.nbor(-1).is_punct) and any(
                    c.dep_ in {"nsubj", "nsubjpass"} and c.i > child.i for c in token.children):
                found.setdefault("hypothetical", f"inverted:{child.text}")  # "Had the deal been signed, ...": a condition
            if child.dep_ == "advmod" and clower in cues.reported_adverbs:
                found.setdefault("reported", f"adv:{child.text}")
            if child.dep_ == "prep" and clower == "according":
                objs = [t for t in child.subtree if t.dep_ == "pobj"]
                if any(_is_source(o, cues) for o in objs):
                    found.setdefault("reported", "according to " + " ".join(o.text for o in objs))
            if child.dep_ == "det" and clower == "no" and (depth == 0 or token.lemma_.lower() in cues.planned_governors | {"plan", "sign", "prospect", "chance", "intention"}):
                found.setdefault("negated", "det:no")  # "no deal", "no plans for the two to meet"
            if child.dep_ == "acl" and depth == 0 and clower in cues.planned_modifiers:
                found.setdefault("planned", f"acl:{child.text}")  # "a summit planned for Moscow in early September"
            if child.dep_ == "amod" and depth == 0:
                if clower in cues.planned_modifiers:
                    found.setdefault("planned", f"amod:{child.text}")
                if clower in cues.negated_modifiers:
                    found.setdefault("negated", f"amod:{child.text}")
        if depth == 0 or (not crossed and token.pos_ in {"VERB", "AUX"} and all(t.dep_ in {"dobj", "pobj", "prep", "compound"} for t in chain[:depth])):
            # "five days before Macron hosts the G7", "when Putin visits Turkey", and the trigger as its
            # object: "days before Khalilzad opens a seventh round of talks"
            if token.tag_ in {"VBZ", "VBP"} and token.dep_ == "advcl" and any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"before", "until", "till", "when", "once", "after"} for c in token.children):
                found.setdefault("planned", "mark:before+present")
        if depth == 0:
            continue
        if token.dep_ == "prep" and token.lower_ == "without":
            found.setdefault("negated", "prep:without")
        if depth == 1 and trigger.dep_ == "nsubj" and token.lemma_ == "be" and any(
                c.dep_ in {"advmod", "prt", "acomp"} and c.lower_ == "off" for c in token.children):
            found.setdefault("negated", "be off")  # "the summit between Putin and Biden ... is off": called off
        if is_status:
            continue
        if below is not None and below.dep_ == "ccomp" and below.i < token.i and lemma in cues.planned_governors and not any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.i < below.i for c in token.children
        ):
            # "signed a memorandum on a power grid, a project planners hope will ...": the parser made the
            # signing the object of a hope that comes after it; what one hopes is said after the hoping
            continue
        if token.pos_ in {"VERB", "ADJ", "AUX", "NOUN"}:
            # a governor reaches the trigger only through arguments: "cancelled the summit",
            # "failed to reach a deal"; not "failed to agree ... at their summit"
            path = chain[:depth]
            blocking = {"prep", "pobj", "pcomp", "advcl", "relcl", "acl", "npadvmod", "advmod", "appos"}
            # "sign up to an agreement", "plans for a summit": the object of an argument preposition
            through_argument_prep = path[0].dep_ == "pobj" and path[0].head.lower_ in {"for", "to", "on", "of", "from", "into"}
            rest = path[2:] if through_argument_prep else path[1:]
            # "abandoned his plan to seek asylum": an infinitive completing a noun is its argument
            blocks = [t for t in (rest if through_argument_prep else path) if not (t.dep_ == "acl" and _infinitive(t))
                      # "pulled out of the talks": the parser takes the particle for a preposition
                      and not (t.dep_ == "prep" and t.lower_ in {"out", "away"} and t.head.i == token.i)]
            direct = not any(t.dep_ in blocking for t in blocks)
            infinitive = any(t.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children) for t in path)
            called_off = lemma == "call" and any(c.lower_ == "off" for c in token.children)
            # "a meeting planned on the sidelines of the G7 fell through": it did not take place
            called_off = called_off or (lemma == "fall" and any(c.lower_ == "through" and c.dep_ in {"prt", "prep", "advmod"} for c in token.children))
            # "put off the trip": postponed; "the talks were pushed back to Friday": moved to a day still to come
            put_off = lemma in {"push", "put"} and any(c.dep_ in {"prt", "advmod"} and c.lower_ in {"back", "off"} for c in token.children)
            if put_off and any(c.dep_ == "prep" and c.lower_ in {"to", "until", "till"} for c in [*token.children, *(g for c in token.children if c.lower_ == "back" for g in c.children)]):
                found.setdefault("planned", f"governor:{lemma} back to")
                put_off = False
            called_off = called_off or put_off
            if direct and (called_off or (lemma in cues.negated_governors[event_type] and lemma != "call")):
                # "cancelled the summit", "failed to reach a deal"; not "called off the march under a deal"
                found.setdefault("negated", f"governor:{lemma}")
            be_to = lemma == "be" and not _first_to(token, cues) and (
                (path[-1].dep_ == "xcomp" and _infinitive(path[-1]))
                # "the treaty is to be signed", "the summit is due to open": the trigger is the subject
                # "had been due on Monday to become the first president to visit": the parser hangs the infinitive on "been"
                or (path[-1].dep_ == "advcl" and _infinitive(path[-1]) and any(c.dep_ == "acomp" and lemma_of(c, cues) in cues.planned_governors for c in token.children))
                # "Monzón and Castillo Armas are now to meet in San Salvador": an adverb between, and the parser
                # takes the infinitive for a clause of its own (not "is in Geneva to meet": where one is)
                or (path[-1].dep_ == "advcl" and _infinitive(path[-1]) and any(c.dep_ == "nsubj" for c in token.children)
                    and all(c.dep_ in {"nsubj", "advmod", "punct", "advcl", "cc", "conj"} for c in token.children)
                    and any(c.dep_ == "advmod" and c.i < path[-1].i for c in token.children))
                # "Xi is due in Moscow next week for talks": the parser hangs the purpose on "is", beside "due"
                or (through_argument_prep and path[0].head.lower_ == "for" and any(
                    c.dep_ == "acomp" and lemma_of(c, cues) in {"due", "set", "scheduled", "expected"} for c in token.children))
                or (path[-1].dep_ in {"nsubj", "nsubjpass"} and any(
                    (c.dep_ == "xcomp" and _infinitive(c)) or (c.dep_ == "acomp" and lemma_of(c, cues) in cues.planned_governors and any(x.dep_ == "xcomp" for x in c.children))
                    for c in token.children))
            )
            subjunctive = lemma in cues.proposal_governors and any(
                t.dep_ == "ccomp" and not any(c.dep_ in {"aux", "auxpass"} and not (c.dep_ == "auxpass" and c.lower_ == "be") for c in t.children)
                # "suggested that Russia and Japan sign": a bare verb, or a present one under a past proposal;
                # "urged that he be given asylum": a bare passive
                and (t.tag_ == "VB" or (t.tag_ == "VBP" and token.tag_ in {"VBD", "VBN"})
                     or (t.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in t.children)))
                for t in path
            )
            planned_before = "planned" in found
            if "negated" in found:
                pass
            elif subjunctive:
                found.setdefault("planned", f"governor:{lemma} (proposal)")  # "suggested that Russia and Japan sign a treaty"
            elif be_to and (direct or path[-1].pos_ in {"VERB", "AUX"}):
                found.setdefault("planned", "governor:be to")  # "Rahmon is to host Japarov", "the deal is to be signed"
            elif path[-1].dep_ in {"advcl", "xcomp"} and _infinitive(path[-1]) and any(
                    c.dep_ == "dobj" and lemma_of(c, cues) in cues.invitation_nouns for c in token.children):
                # "renewed his invitation to King Salman to visit Egypt": the parser hangs what is invited to on the verb
                found.setdefault("planned", "governor:invitation")
            elif lemma == "call" and not any(c.lower_ == "for" for t in [token, *path] for c in t.children):
                pass  # "Zaev called the deal historic" plans nothing; "called for talks" does
            elif lemma in cues.planned_governors and not (lemma == "agree" and event_type in {"agreement", "asylum"}):
                # (a state that "agreed to give him refuge" has decided the grant: it is granted)
                # only when the trigger sits in the governor's infinitive or object ("plans to visit", "invited X to",
                # "the accord calls for negotiations to begin")
                needs_infinitive = lemma in {"set", "look", "due", "bound", "poised", "likely", "slate"}
                through_xcomp = any(t.dep_ == "xcomp" for t in path)
                if lemma in {"due", "set", "slate"} and through_argument_prep and path[0].head.lower_ == "for":
                    through_xcomp = True  # "had been due in Beijing for two days of talks"
                if any(t.dep_ == "xcomp" and t.lemma_ == "be" for t in path) and path[0].dep_ == "attr":
                    through_xcomp = False  # "in what is likely to be their last meeting": a description, not a plan
                # "is set to visit", not "set up a commission"
                if (direct or infinitive) and (through_xcomp or not needs_infinitive):
                    found.setdefault("planned", f"governor:{lemma}")
            if not planned_before and "planned" in found and _pluperfect(token) and lemma != "prepare":
                # "had been due to visit": a plan overtaken (not "the visit had been prepared in secret": the
                # work done for what then took place)
                found.setdefault("negated", "pluperfect plan")
            if lemma in {"quote", "cite"} and any(c.dep_ == "dobj" and _is_source(c, cues) for c in token.children):
                found.setdefault("reported", f"{token.text} source")  # "quoted an unnamed government source as saying"
            if lemma in cues.statement_verbs or lemma in cues.reported_governors:
                subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
                if lemma in cues.reported_governors and (any(_is_source(s, cues) for s in subjects) or (lemma == "report" and subjects and subjects[0].pos_ != "PRON")):
                    # ("the news magazine Der Spiegel and the broadcaster ARD reported": what the media report)
                    found.setdefault("reported", f"{subjects[0].text} {token.text}")
                elif lemma in {"believe", "say", "report", "understand", "think", "rumour", "rumor", "allege"} and any(c.dep_ == "auxpass" for c in token.children):
                    found.setdefault("reported", f"passive:{token.text}")
    if _yes_no_question(sent):
        found.setdefault("hypothetical", "question")  # "Did he ask for asylum?": asked, not told
    if not found and trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and trigger.head.lower_ in {"before", "after"} and trigger.head.head.pos_ in {"VERB", "AUX"}:
        # "is scheduled to meet Trudeau on Monday, before meeting Biden": what comes after a plan is planned too
        outer, cue = find_modality(trigger.head.head, None, sent, cues, event_type)
        if outer == "planned":
            return outer, f"{cue} ({trigger.head.lower_})"
    for modality in MODALITY_ORDER:
        if modality in found:
            return modality, found[modality]
    return "asserted", None


QUESTION_AUX = {"did", "does", "do", "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "should", "might"}


def _yes_no_question(sent: Span) -> bool:
    """A question that asks whether something happened tells nothing of it ("Will Putin meet
    Zelensky?"). A wh-question presupposes it ("What did they sign in Prague?")."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return bool(words) and sent.text.rstrip().rstrip('"”’\'').endswith("?") and words[0].lower_ in QUESTION_AUX
