"""Agreement mentions: the parties to a deal, accord, treaty or memorandum, and its status."""
from __future__ import annotations

from spacy.tokens import Span, Token

from tasks.extract.arguments import MEDIATOR_VERBS, PARTY_PREPS, ArgumentFinder
from tasks.extract.mentions import Mention, PartyRef

# "agreed on a deal", "withdrew from the treaty", "abide by the accord"; not "under the pact, X will ..."
GOVERNING_PREPS = {"on", "to", "from", "of", "by", "into", "upon", "over", "with"}
ENDING_VERBS = {"end", "halt", "stop", "close", "conclude", "settle"}  # what a truce or a peace does to a war
CONFLICT_NOUNS = {"fighting", "war", "conflict", "hostility", "hostilities", "clash", "clashes", "violence", "dispute", "standoff", "confrontation"}
MEDIATOR_NOUNS = {"mediator", "guarantor", "witness", "broker", "facilitator", "observer", "sponsor"}  # "with Turkey as mediator"
PRESIDING_NOUNS = MEDIATOR_NOUNS | {"host", "chair", "co-chair", "moderator", "intermediary"}


def _plural(noun) -> bool:
    """Deals in the plural, also as the model tags Latin plurals ("memoranda": NN) and where the deal is
    named by what it is of ("memoranda of understanding": the trigger is "understanding")."""
    named = [noun] + ([noun.head.head] if noun.dep_ == "pobj" and noun.head.lower_ == "of" else [])
    return any(n.tag_ in {"NNS", "NNPS"} or n.lower_ in {"memoranda", "mous"} for n in named)


def _into_force(verb) -> bool:
    """"took effect", "took hold", "came into force", "has entered into force": a deal in force was made,
    and its sides are the deal's."""
    lemma = verb.lemma_.lower()
    if verb.tag_ != "VBD" and not any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had"} for c in verb.children):
        return False  # (not "takes effect at midnight", "would enter into force on Sunday": a deal made, to apply later)
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ in {"effect", "hold"} for c in verb.children)
    if lemma in {"come", "enter", "go"}:
        return any(c.dep_ == "prep" and c.lower_ == "into" and any(o.lower_ in {"force", "effect"} for o in c.children) for c in verb.children)
    return False


def ratified_by_legislature(finder: ArgumentFinder, noun) -> bool:
    """"Albania's parliament ratified the protocol with Italy on Thursday", "the Senate approved the
    treaty": a legislature's vote on an agreement. Its day is the vote's, not the agreement's."""
    governor, _ = finder.governor(noun)
    if governor is None or governor.lemma_.lower() not in finder.cues.ratifying_verbs:
        return False
    voters = finder.subjects(governor) + [o for c in governor.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return any(v.lemma_.lower() in finder.cues.legislature_nouns for v in voters)


def _party_objects(finder: ArgumentFinder, head: Token) -> list[Token]:
    """Who a deal is made with, by or between: not one named there in another part ("signed the accords at the
    White House, with Carter as witness", "with Cuba's President as host"), who presides over it."""
    def presides(token: Token) -> bool:
        return any(a.lemma_.lower() in PRESIDING_NOUNS for c in token.children if c.dep_ == "prep" and c.lower_ == "as" for a in c.children if a.dep_ == "pobj")

    # (the parser hangs the "as" on the one named, or beside the "with" on the verb)
    return [o for o in finder.prep_objects(head, PARTY_PREPS) if not presides(o) and not (o.head.lower_ == "with" and presides(head))]


def build_agreement(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int) -> Mention | None:
    noun = span.root
    cues = finder.cues
    if rule.get("needs") == "swap":
        return _swapped(finder, span, rule, sent_index)
    if rule.get("needs") == "released_for":
        return _released_for(finder, span, rule, sent_index)
    if rule.get("needs") == "named_deal":
        return _signed_by_name(finder, span, rule, sent_index)
    if noun.pos_ in {"VERB", "AUX"}:
        return _agreed_to(finder, span, rule, sent_index)
    lefts = [t.lower_ for t in noun.lefts]
    if any((left, noun.lower_) in cues.false_friends for left in lefts):
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and not any(c.dep_ == "det" for c in noun.children):
        return None  # "in agreement with": an opinion shared
    if any(c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
           and not (c.lemma_.lower() in cues.agreement_status and not any(o.dep_ == "dobj" for o in c.children))
           for c in noun.children) and noun.lower_ == "agreement":
        # "there is agreement that ...": an opinion (not "the agreement that the two ministers signed last
        # October", a relative clause the parser took for one)
        return None
    mention = Mention("agreement", rule["id"], span.start, span.end, span.text, sent_index)
    governor, path = finder.governor(noun)
    if noun.lower_ == "protocol" and not any(c.dep_ == "prep" for c in noun.children) and noun.text != "Protocol" and not (
            governor is not None and cues.agreement_status.get(governor.lemma_.lower()) == "signed"):
        return None  # diplomatic protocol; not "the Minsk Protocol", "the protocol was signed by ..."
    if governor is None:
        governor, path = _verb_of_a_package(noun, cues)
    signing = _verbless_signing(noun, cues) if governor is None or governor.lemma_.lower() not in cues.agreement_status else None
    verbless = signing is not None
    if verbless:
        governor, path = signing, "dobj"
    status = None
    status_verb = None
    mediator_subject = False
    if governor is not None:
        glemma = governor.lemma_.lower()
        particles = {c.lower_ for c in governor.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in {"out", "away"})}  # "pulling out of"
        if glemma in {"pull", "walk", "back", "tear"} and particles & {"out", "away", "up"}:
            status = "broken"
        elif glemma == "back" and "out" in particles:
            status = "broken"
        elif glemma == "put" and any(c.dep_ == "dobj" and c.lemma_.lower() in {"name", "signature"} for c in governor.children):
            status = "signed"  # "put their names to the memorandum"
        elif glemma == "shake" and any(c.dep_ == "dobj" and c.lemma_.lower() == "hand" for c in governor.children):
            status = "reached"  # "shook hands on a trade agreement"
        elif path == "nsubj" and _into_force(governor):
            status = "reached"  # "a ceasefire between Israel and Hezbollah took hold", "came into force on August 4"
        elif path == "nsubj" and (any(c.dep_ == "dobj" for c in governor.children) or glemma in cues.binding_verbs):
            status = None  # "the agreement did not end the dispute", "the accord commits India": the deal acting on something else
        else:
            status = cues.agreement_status.get(glemma)
        mediator_subject = glemma in MEDIATOR_VERBS
        if path and (path.endswith(":via:signing") or path.endswith(":via:exchange")):
            # "the two presidents oversaw the signing of 27 documents", "witnessed the exchange of seven
            # memoranda": their states sign
            status, mediator_subject = "signed", False
            # the signing is the act; the verb above it may still plan it ("the signing is scheduled for Saturday")
            mention.debug["act_below_status_verb"] = True
        if status is not None:
            status_verb = governor
            mention.verbal = True
    acl = [c for c in noun.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"] + _reduced_relative(finder, noun)
    acl += _signed_past_its_clause(finder, noun, acl)
    inside = [] if acl else _signed_inside_the_name(finder, noun)
    acl += inside
    made = False
    for verb in acl:
        acts_on_another = any(c.dep_ == "nsubj" and c.lower_ in {"that", "which"} for c in verb.children) and any(c.dep_ == "dobj" for c in verb.children)
        if acts_on_another and cues.agreement_status.get(verb.lemma_.lower()) in {"broken", "suspended"}:
            # "the accord that ended the war", "the statement that ended the 44-day war": the deal ended something
            # else, so it was made (it was not itself ended)
            made = True
        elif status is None and verb.lemma_.lower() in cues.agreement_status and not acts_on_another:
            status = cues.agreement_status[verb.lemma_.lower()]
            status_verb = verb
    if status is None and made:
        status = "reached"
    # (or when a clause tells it was: "suspended a peace declaration that was signed in the presence of
    # Trump", "violates the declaration Maduro and Ali agreed at Argyle")
    if rule.get("needs") == "signed" and status not in {"signed", "reached"} and not any(
            cues.agreement_status.get(v.lemma_.lower()) in {"signed", "reached"} for v in acl):
        return None  # a statement is an agreement only when the parties sign or adopt it
    if status is None and path == "dobj" and governor.lemma_.lower() in {"have", "own", "possess"} and governor.tag_ in {"VBZ", "VBP"}:
        return None  # "Japan has similar agreements with Australia": a standing relation, not an event
    done_by = rule.get("done_by") or {}
    if status is None and governor is not None and governor.lemma_.lower() in done_by.get(path, []):
        # "Russia and Ukraine carried out a prisoner exchange", "the exchange took place on Friday": an
        # exchange is honoured when it is made (not "committed to an exchange": one still to come)
        status, status_verb = done_by["status"], governor
    left_without = status is None and path == "pobj:without" and governor.lemma_.lower() in cues.leaving_verbs
    if left_without:
        # "the two leaders went home without an agreement", "left Brussels without a deal": no deal was
        # reached (the modality reads "without")
        status, status_verb = "reached", governor
    if status is None and path in {"pobj:under", "pobj:through"} and governor is not None and governor.tag_ in {"VBD", "VBN"} \
            and noun.tag_ == "NN" and finder.prep_objects(noun, {"between"}):
        # "priests were sent to Rome under an earlier agreement between Managua and the Vatican", "the programme
        # was created through an agreement between Brazil, Cuba and PAHO": what was done under a deal between
        # named sides tells that the deal was made (not "there is no treaty between", "a truce is due to take
        # effect", "under the agreement, North Korea will close": a deal's absence, or what it holds to come)
        status = "reached"
    mention.attributes["status"] = status
    _parties(finder, mention, noun, governor, path, acl, mediator_subject)
    if inside:
        # (not the words of the name the parser took for the participle's subject: "Good Neighbourliness")
        mention.parties = [p for p in mention.parties if not noun.i < p.start < inside[0].i]
    if left_without:
        mention.parties += finder.parties_from(finder.subjects(governor), "party")
    if verbless:
        # (its subjects, to the parser a clause's head and its possessor, are read in order)
        mention.parties = _signers_before(finder, governor) or mention.parties
    sides = _signed_for(finder, status_verb) if status == "signed" and status_verb is not None else []
    if sides:
        mention.parties = sides
    if not mention.parties and status in {"signed", "reached"} and status_verb is not None and not mediator_subject and status_verb.lemma_.lower() not in MEDIATOR_VERBS:
        mention.parties += _signers_before(finder, status_verb)
    if len([p for p in mention.parties if p.kind in {"PERSON", "GPE", "ORG"}]) < 2 and status in {"signed", "reached"}:
        # "Forty-four African countries signed ... Rwanda, Niger, Kenya and Ghana were among the signatories"
        mention.parties += finder.listed_among(noun, {"signatory", "signer", "party", "signatories"})
    if len([p for p in mention.parties if p.kind in {"PERSON", "GPE", "ORG"}]) < 2 and status in {"signed", "reached"}:
        # "India signed a $5.43 billion contract to buy five S-400 systems from Russia": the seller
        mention.parties += _trading_partner(finder, noun, status_verb)
    topic = _topic(finder, noun)
    if topic:
        mention.attributes["topic"] = topic
    if len(mention.parties) < 2 and path == "pobj:under" and governor is not None:
        # "relations between London and Buenos Aires were restored under an accord signed in Madrid": the
        # sides of what the deal restored
        sides = [o for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"} for o in finder.prep_objects(c, {"between"})]
        mention.parties += [p for p in finder.parties_from(sides, "party") if all(p.start != q.start for q in mention.parties)]
    if _plural(noun):
        # "signed bilateral security agreements with Estonia and Lithuania", "similar partnerships with India and
        # Georgia": deals in the plural, with several counterparts, are one agreement with each
        counterparts = finder.prep_objects(noun, {"with"}) or (finder.prep_objects(governor, {"with"}) if governor is not None and path == "dobj" else [])
        apart = {p.start for p in finder.parties_from(counterparts, "party")}
        mention.debug["separate_parties"] = [p.start for p in mention.parties if p.start in apart]
    heads = [noun] + ([governor] if governor is not None else []) + acl
    # where it was signed, not where it applies ("a truce in the Gaza Strip") nor where it was announced
    signing = [v for v in [status_verb, *acl] if v is not None and v.lemma_.lower() not in cues.statement_verbs]
    # on the noun itself only "at": "an agreement at a UN post in Naqoura", not "a truce in Gaza"
    place = (finder.place_of(signing, preps=("in", "at"), skip=noun) if signing else None) or finder.place_of([noun], preps=("at",))
    if place is None and status in {"signed", "reached"}:
        # "signed a reconciliation agreement in Cairo": a capital is where deals are made,
        # unlike "a truce in Gaza", where it applies
        inside = finder.place_of([noun], preps=("in",))
        entry = finder.gaz.lookup(inside.text) if inside is not None else None
        if entry is not None and entry.category == "capital":
            place = inside
    finder.set_place(mention, place)
    finder.date_mention(mention, heads, span.sent)
    mention.debug["status_verb"] = status_verb.i if status_verb is not None else None
    if status_verb is not None:
        start, end = min(status_verb.i, span.start), max(status_verb.i + 1, span.end)
        mention.trigger_text = f"{status_verb.text} {span.text}" if status_verb.i < span.start else f"{span.text} {status_verb.text}"
        mention.trigger_start, mention.trigger_end = start, end
    return mention


def _verb_of_a_package(noun, cues):
    """"signed off on a package of arrangements", "agreed on a set of measures": the deals are held by
    what the verb's preposition takes, and a verb that acts on deals (signs, agrees, breaks) acts on
    them (not "spoke of exchanges, of a new framework", nor "as part of the deal, Israel will ...")."""
    prep = noun.head
    holder = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or holder.dep_ != "pobj" or holder.head.dep_ != "prep" or holder.head.head.pos_ != "VERB":
        return None, None
    verb = holder.head.head
    if verb.lemma_.lower() not in cues.agreement_status or holder.lemma_.lower() in {"part", "term", "terms", "basis", "framework", "spirit", "letter"}:
        return None, None  # ("as part of the deal", "under the terms of the truce": what the deal holds, not deals held)
    return verb, f"pobj:{holder.head.lower_}:via:{holder.lemma_}"


def _deal_words(finder: ArgumentFinder) -> set[int]:
    """The tokens of the article's agreement triggers ("treaty", "memorandum", "Joint Declaration")."""
    return {t.i for span in finder.doc.spans.get("event_triggers", []) if span.label_ == "agreement" for t in span}


def _signed_inside_the_name(finder: ArgumentFinder, noun) -> list:
    """"The Agreement on Non-Aggression and Good Neighbourliness signed on Friday by P.W. Botha and Samora
    Machel is ...": the parser takes the deal's long name apart and hangs the participle of signing under
    its "on"; the participle, with the signers as its agents, is the deal's clause all the same (unless it
    hangs on a deal word of its own: "a memorandum of understanding signed by" is the understanding's)."""
    deal_words = _deal_words(finder)
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        for token in prep.subtree:
            if token.lemma_.lower() == "sign" and token.tag_ == "VBN" and token.dep_ in {"pcomp", "acl", "relcl"} \
                    and any(c.dep_ == "agent" for c in token.children) and token.head.i not in deal_words:
                return [token]
    return []


def _verbless_signing(noun, cues):
    """"The Chilean President, Sebastián Piñera, and his Peruvian counterpart, Ollanta Humala, signed
    on Friday in Tacna a memorandum": with its object told late, the small model finds no verb in the
    sentence, takes "signed" for a clause on the last subject and the deal for an apposition to it.
    The verb of signing is then the sentence's, and the deal its object."""
    if noun.dep_ != "appos" or noun.sent.root.pos_ in {"VERB", "AUX"}:
        return None
    return next((c for c in noun.head.children if c.dep_ == "acl" and c.i < noun.i and c.lemma_.lower() in cues.agreement_status), None)


def _signed_for(finder: ArgumentFinder, verb) -> list:
    """"Louis Joxe for France and Krim Belkacem for the Provisional Government of the Algerian Republic
    signed the Evian Accords", "signed ... by William Rogers for the United States, Nguyen Duy Trinh for the
    Democratic Republic of Vietnam, ...": whom each signer signed for are the deal's sides. A "for" counts
    right after a person's name (the parser hangs it anywhere in a long list) or on the verb itself
    ("signed for Bamako by the Minister"); two sides at least."""
    sides: list = []
    for token in verb.sent:
        if token.lower_ != "for" or token.dep_ != "prep" or token.i == verb.sent.start:
            continue
        before = finder.ent_of.get(token.i - 1)
        if token.head.i != verb.i and (before is None or before.label_ != "PERSON"):
            continue
        for obj in (c for c in token.children if c.dep_ == "pobj"):
            party = finder.party(obj, "party")
            if party is not None and party.kind in {"GPE", "ORG", "NORP"} and all(party.start != p.start for p in sides):
                sides.append(party)
    return sides if len(sides) >= 2 else []


def _signers_before(finder: ArgumentFinder, verb) -> list:
    """"The Argentine President, Cristina Fernández de Kirchner, and her Uruguayan counterpart,
    José Mujica, signed on Wednesday at Olivos an agreement": a signing whose object comes late
    often breaks the small model's parse, so that no subject hangs on the verb. The sides are then
    read in order: the names (or offices named in apposition) before an active verb of signing,
    outside any phrase opened by a preposition ("after talks with Putin", "in Rio")."""
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or verb.tag_ not in {"VBD", "VBN"}:
        return []
    sent = verb.sent
    found: list = []
    seen: set[int] = set()
    # (within its own clause, when the verb is a relative one: "Episode five takes us to Warsaw, where on
    # 7 December Brandt and ... put their names to the treaty" is not signed by the episode)
    i = verb.left_edge.i if verb.dep_ == "relcl" else sent.start
    while i < verb.i:
        token = finder.doc[i]
        if token.dep_ == "prep" or (token.tag_ == "IN" and token.lower_ != "of") or token.dep_ == "mark" or token.lower_ in {"who", "which", "that"}:
            i = max(i, token.right_edge.i if token.right_edge.i < verb.i else i) + 1
            continue
        ent = finder.ent_of.get(token.i)
        start, end = (ent.start, ent.end) if ent is not None else (token.i, token.i + 1)
        filed = end < verb.i and finder.doc[end].text in {"-", "–", "—", ":"}  # "Rio de Janeiro – Mercosur and ...": where it was filed
        if not filed and not seen & set(range(start, end)) and (ent is None or ent.label_ in {"PERSON", "GPE", "ORG"}):
            party = finder.party(token, "party")
            if party is not None and party.kind in {"PERSON", "GPE", "ORG"} and not seen & set(range(party.start, party.end)):
                found.append(party)
                seen.update(range(party.start, party.end))
        seen.update(range(start, end))
        i = end
    return found if len(found) >= 2 else []


def _reduced_relative(finder: ArgumentFinder, noun) -> list:
    """"under the deal Russia and Ukraine reached in Istanbul", "the truce Washington and Beijing
    struck in Geneva": a relative clause without "that", which the parser takes for a clause of its
    own or for a second subject. The words right after the noun are the subject of a verb of making
    a deal that has no object of its own."""
    if noun.i + 1 >= len(noun.doc) or noun.right_edge.i != noun.i:
        return []
    first = noun.doc[noun.i + 1]
    verb = next((a for a in first.ancestors if a.pos_ == "VERB"), None)  # the clause the words after the noun open
    if verb is None or verb.i < noun.i or verb.lemma_.lower() not in finder.cues.agreement_status or any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [verb] if any(c.dep_ == "nsubj" and c.left_edge.i == first.i for c in verb.children) else []


def _signed_past_its_clause(finder: ArgumentFinder, noun, acl) -> list:
    """"the November 10 statement that ended the 44-day war, signed by Aliyev, Pashinyan and Putin": a
    participle of signing set off by a comma after the deal's own relative clause, which the parser
    hangs on the last noun of that clause (the war was not signed)."""
    found = []
    for clause in (c for c in acl if c.dep_ == "relcl"):
        for verb in clause.subtree:
            if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in finder.cues.agreement_status \
                    and finder.doc[verb.i - 1].text == "," and finder.agents(verb) \
                    and not any(t.start <= verb.head.i < t.end for t in finder.doc.spans.get("event_triggers", [])):
                found.append(verb)
    return found


def _parties(finder: ArgumentFinder, mention: Mention, noun, governor, path, acl, mediator_subject: bool) -> None:
    own = finder.ent_of.get(noun.i)
    pair, taken = finder.hyphened_people(noun, "party")
    mention.parties += pair
    for child in noun.children:
        if child.i in taken:
            continue
        if own is not None and own.start <= child.i < own.end:
            continue  # "the Indus Waters Treaty": its name is not a party
        if noun.pos_ == "PROPN" and child.dep_ == "compound" and child.pos_ == "PROPN" and child.i == noun.i - 1:
            continue  # "the Panmunjom Declaration", "the Minsk Agreement": a name, the place it was signed
        place = finder.gaz.lookup(finder.ent_of[child.i].text) if child.i in finder.ent_of else None
        hyphenated = any(t.text in {"-", "–", "/"} for t in finder.doc[max(child.i - 1, 0): child.i + 2])
        if child.dep_ in {"compound", "amod"} and place is not None and place.category in {"capital", "place"} and not hyphenated:
            continue  # "the 2015 Algiers peace accord", "the Oslo Accords": named after where it was signed
        if child.dep_ == "poss":
            mention.parties += finder.parties_from([child], "party")
        elif child.dep_ in {"compound", "amod", "nmod"}:
            party = finder.party(child, "party")
            if party is not None and party.kind == "ORG" and finder.gaz.lookup(party.text) is None:
                continue  # "the Falepili Union treaty": a name the treaty goes by, not a party to it
            if party is not None and party.kind in {"PERSON", "GPE", "ORG", "NORP"}:
                mention.parties.append(party)
                mention.parties += finder.hyphened_sides(child, "party")
    mention.parties += finder.parties_from(_party_objects(finder, noun), "party")
    if path == "nsubj" and governor is not None and governor.lemma_.lower() in finder.cues.binding_verbs:
        # "The Tashkent Declaration commits India and Pakistan to withdraw their forces": whom a deal binds are its
        # sides (the parser may make them the subject of the infinitive)
        bound = [c for c in governor.children if c.dep_ == "dobj"] or [
            s for c in governor.children if c.dep_ in {"ccomp", "xcomp"} for s in c.children if s.dep_ == "nsubj"]
        mention.parties += finder.parties_from(bound, "party")
    for verb in acl:
        if verb.lemma_.lower() in ENDING_VERBS:
            # "the truce that ended eight days of fighting between Israel and Hamas": the sides of what it ends
            fought = [t for o in verb.children if o.dep_ == "dobj" for t in o.subtree if t.lemma_.lower() in CONFLICT_NOUNS]
            mention.parties += finder.parties_from([p for t in fought for p in finder.prep_objects(t, {"between"})], "party")
        if verb.lemma_.lower() in MEDIATOR_VERBS:
            # "which Moscow and Ankara brokered between the government and the rebels": the sides, not the brokers
            mention.parties += finder.parties_from(finder.prep_objects(verb, {"between"}), "party")
            continue
        as_mediators = any(o.lemma_.lower() in MEDIATOR_NOUNS for o in finder.prep_objects(verb, {"as"}))
        if not as_mediators:  # not "reached in Istanbul with Turkey and the UN as mediators"
            mention.parties += finder.parties_from(_party_objects(finder, verb), "party")
        if verb.lemma_.lower() not in finder.cues.statement_verbs | finder.cues.commenting_verbs:
            mention.parties += finder.parties_from(finder.agents(verb), "party")  # not "announced by the UN chief"
        if verb.lemma_.lower() in finder.cues.agreement_status:
            # "the deal he signed with opposition leaders": who signed it
            mention.parties += finder.parties_from([c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in {"which", "that", "who"}], "party")
        # "the grain deal that allowed Ukraine to export": the state the deal is about
        clauses = [verb, *(c for c in verb.children if c.dep_ in {"ccomp", "xcomp"})]
        for arg in [a for clause in clauses for a in clause.children]:
            if arg.dep_ not in {"dobj", "nsubj", "dative"}:
                continue
            if arg.dep_ == "nsubj" and arg.head.i == verb.i and verb.lemma_.lower() in finder.cues.commenting_verbs | finder.cues.statement_verbs:
                # "a document that Tbilisi and its Western partners denounced": who speaks of the deal, not
                # what it is about (as "under which Israel will sell Jordan water" is)
                continue
            if arg.dep_ == "dobj" and arg.lemma_.lower() in finder.cues.relation_nouns:
                # "agreements establishing full diplomatic relations with the UAE and Bahrain"
                mention.parties += finder.parties_from(_party_objects(finder, arg), "party")
            # "allowed Ukraine to export", "allowed U.S. troops to operate"
            for candidate in [arg, *(c for c in arg.children if c.dep_ in {"compound", "amod", "poss"})]:
                if any(c.lower_ == "former" and c.i < candidate.i for c in arg.children):
                    continue  # "the former Yugoslav republic will rename itself": once part of a state, not that state
                entry = finder.gaz.lookup(finder.ent_of[candidate.i].text) if candidate.i in finder.ent_of else None
                if entry is not None and entry.category in {"country", "capital", "demonym"} and entry.country:
                    mention.parties.append(PartyRef.of_state(entry.country, "party", candidate.i, candidate.i + 1))
                    break
    if governor is None:
        return
    # "suspended its participation in the deal": a noun in between still makes its subject a party
    governs = path in {"dobj", "attr"} or (path is not None and path.startswith("pobj:") and (path.split(":")[1] in GOVERNING_PREPS or ":via:" in path))
    if path is not None and ":via:" in path:
        # "suspended its participation in the Indus Waters Treaty with Pakistan": "with" hung on the noun between
        via = noun.head.head
        mention.parties += finder.parties_from(_party_objects(finder, via), "party")
    if governs:
        if not mediator_subject:
            mention.parties += finder.parties_from(finder.subjects(governor), "party")
            # "brokered the deal together with the UN": co-mediators, not parties
            mention.parties += finder.parties_from(_party_objects(finder, governor), "party")
    elif path == "nsubjpass":
        mention.parties += finder.parties_from(_party_objects(finder, governor), "party")
        if governor.lemma_.lower() not in MEDIATOR_VERBS:
            mention.parties += finder.parties_from(finder.agents(governor), "party")
        if not mention.parties and not finder.agents(governor) and governor.lemma_.lower() in finder.cues.agreement_status:
            # "three MoUs were exchanged in the presence of the two Prime Ministers": their states sign
            presence = [o for o in finder.prep_objects(governor, {"in"}) if o.lemma_.lower() == "presence"]
            mention.parties += finder.parties_from([o for p in presence for o in finder.prep_objects(p, {"of"})], "party")
    elif path == "nsubj":
        mention.parties += finder.parties_from(_party_objects(finder, governor), "party")


def _topic(finder: ArgumentFinder, noun) -> str | None:
    words = []
    for child in noun.lefts:
        # (not "the joint declaration", "a six-point agreement": how it was made, not what about)
        if child.dep_ in {"amod", "compound"} and child.pos_ in {"ADJ", "NOUN"} and child.lower_ not in finder.cues.topic_stopwords:
            if child.i in finder.ent_of:
                continue
            words.append(child.lower_)
    if not words:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"on", "over", "about"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                        words.append(pobj.lower_)
    return " ".join(words) or None


def _trading_partner(finder: ArgumentFinder, noun, status_verb) -> list[PartyRef]:
    """The other side a deal's purpose names: "to buy ... from Russia", "to supply gas to China"."""
    purposes = [c for h in (noun, status_verb) if h is not None for c in h.children
                if c.dep_ in {"advcl", "acl", "xcomp", "relcl"} and c.lemma_.lower() in finder.cues.trade_verbs
                and (c.dep_ == "relcl" or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    found = []
    for verb in purposes:
        found += [p for p in finder.parties_from(finder.prep_objects(verb, {finder.cues.trade_verbs[verb.lemma_.lower()]}), "party") if p.kind in {"GPE", "ORG"}]
    return found


def _swapped(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int) -> Mention | None:
    """"Russia and the United States exchanged prisoners in Abu Dhabi", "Moscow and Washington
    exchanged Bout for Griner": a swap carried out is a deal honoured, its sides the ones who swapped.
    Only told as done (not "agreed to exchange prisoners", whose deal is the agreeing), and only of
    captives or of a person for a person (not "exchanged views", "traded insults")."""
    verb = span.root
    if verb.tag_ not in {"VBD", "VBN"} or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    captives = any(o.lemma_.lower() in rule["captives"] for o in objects)
    person_for_person = any(o.ent_type_ == "PERSON" or o.lower_ in {"him", "her", "them"} for o in objects) and any(
        o.ent_type_ == "PERSON" for o in finder.prep_objects(verb, {"for"}))
    if not (captives or person_for_person):
        return None
    sides = [p for p in finder.parties_from(finder.subjects(verb), "party") if p.kind in {"GPE", "ORG", "PERSON"}]
    if len(sides) < 2:
        return None  # "the Kremlin exchanged him for Corvalán": the other side is not told here
    return _swap_honoured(finder, span, rule, sent_index, sides)


def _swap_honoured(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int, sides: list[PartyRef]) -> Mention:
    """A swap carried out, as a deal honoured by its sides, where and when the verb tells."""
    verb = span.root
    mention = Mention("agreement", rule["id"], span.start, span.end, span.text, sent_index, verbal=True)
    mention.parties += sides
    mention.attributes["status"] = "honoured"
    mention.debug["status_verb"] = verb.i
    finder.set_place(mention, finder.place_of([verb], preps=("in", "at")))
    finder.date_mention(mention, [verb], span.sent)
    return mention


def _released_for(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int) -> Mention | None:
    """"The United States released Alex Saab in exchange for ten Americans held in Venezuela", "four men
    released by Moscow in exchange for ten Russian agents arrested in the United States": a release told as
    done, in exchange for people another state held, is a swap, a deal honoured by the one who released
    and the state that held the others. Only where both are named (not "released in exchange for a pledge")."""
    verb = span.root
    if verb.tag_ not in {"VBD", "VBN"}:
        return None
    others = [x for o in finder.prep_objects(verb, {"in"}) if o.lower_ in {"exchange", "return"} for x in finder.prep_objects(o, {"for"})]
    if not others:
        return None
    passive = verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children))
    releasers = [p for p in finder.parties_from(finder.agents(verb) if passive else finder.subjects(verb), "party") if p.kind in {"GPE", "ORG"}]
    held_where = []
    for other in others:
        for clause in (c for c in other.children if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in finder.cues.holding_verbs):
            held_where += finder.prep_objects(clause, {"in", "by"})
    holders = [p for p in finder.parties_from(held_where, "party") if p.kind in {"GPE", "ORG"}]
    if not releasers or not holders or {p.text for p in holders} <= {p.text for p in releasers}:
        return None
    return _swap_honoured(finder, span, rule, sent_index, releasers + holders)


def _signed_by_name(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int) -> Mention | None:
    """"New START was signed by Barack Obama and Dmitry Medvedev in Prague", "signed the Holy Alliance",
    "we signed the USMCA with Canada and Mexico": a deal called only by its name, with no deal noun for the
    noun rules to find. Only a proper name that is not a person's, a place's or a people's (not "signed
    the order", "signed for the Forces of Freedom and Change"); its signers are who signed. A name put to
    a text (rule "signature_to") signs it whatever the text is called: "put their names to the first
    permanent maritime boundary". A text that holds a deal noun is that noun rule's."""
    verb = span.root
    if rule.get("signature_to"):
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in {"name", "signature"} for c in verb.children):
            return None
        named = [o for o in finder.prep_objects(verb, {"to"}) if o.pos_ in {"NOUN", "PROPN"}]
    else:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}] + ([verb.head] if verb.dep_ == "acl" else [])
        named = [o for o in objects if o.pos_ == "PROPN" and o.ent_type_ not in {"PERSON", "GPE", "NORP"}]
    deal_words = _deal_words(finder)
    entry = _entry_signed_by(finder, verb)
    if not entry and not [o for o in named if not any(t.i in deal_words for t in o.subtree)] and not _the_deal_told_before(finder, verb, deal_words):
        return None
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or verb.dep_ == "acl" or entry
    mention = Mention("agreement", rule["id"], span.start, span.end, span.text, sent_index, verbal=True)
    if passive:
        mention.parties += finder.parties_from(finder.agents(verb), "party")
    else:
        mention.parties += finder.parties_from(finder.subjects(verb), "party")
    # (not "with Chuck Schumer at his side", "with Starmer looking on": one who stood by)
    by_side = any(o.lemma_.lower() == "side" for o in finder.prep_objects(verb, {"at", "by"}))
    mention.parties += finder.parties_from([o for o in _party_objects(finder, verb) if not by_side and not any(
        c.dep_ in {"acl", "prep"} and c.lower_ not in {"of", "and"} for c in o.children)], "party")
    mention.attributes["status"] = "signed"
    mention.attributes["topic"] = None
    mention.debug["status_verb"] = verb.i
    finder.date_mention(mention, [verb], span.sent)
    finder.set_place(mention, finder.place_of([verb], preps=("in", "at")))
    return mention


def _the_deal_told_before(finder: ArgumentFinder, verb, deal_words: set[int]) -> bool:
    """"The ASEAN Declaration ... is the founding document of ASEAN. It was signed in Bangkok on 8 August 1967
    by the foreign ministers of ...": "it", signed, is the deal the sentence before is about, when that
    sentence's subject or what it is said to be is a deal."""
    if not any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children) or verb.sent.start == 0:
        return False
    before = finder.doc[verb.sent.start - 1].sent
    return any(t.i in deal_words and t.dep_ in {"nsubj", "nsubjpass", "attr", "appos"} for t in before)


def _entry_signed_by(finder: ArgumentFinder, verb) -> bool:
    """A reference entry's line that opens on the signing: "• Signed in the Great Hall of the People on
    19 December 1984 by Margaret Thatcher and Zhao Ziyang", under a heading that names the deal ("The Joint
    Declaration"). The participle is the sentence and its agents are the signers."""
    if verb.dep_ != "ROOT" or verb.tag_ != "VBN" or verb.lemma_.lower() != "sign" or any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return False
    if any(not (t.is_punct or t.text in {"•", "*", "-", "–"}) for t in finder.doc[verb.sent.start: verb.i]):
        return False
    return bool(finder.agents(verb))


def _agreed_to(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int) -> Mention | None:
    """"India and Pakistan agreed to stop all military action": a deal reached without the word "deal".

    Only an infinitive of action ("to restore relations", "to exchange
    prisoners") counts; "agreed that ..." is an opinion, "agreed to meet" a
    plan, and an agreement noun below ("agreed to extend the truce") is its
    own trigger.
    """
    verb = span.root
    acts = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if not acts:
        # "agreed in Beijing in March 2023 to restore ties": the infinitive, far from its verb, parsed as a clause of purpose
        acts = [c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if not acts:
        # "agreed on Saturday to an immediate halt to all firing", "agreed on a plan": a deal by what it settles
        acts = [o for o in finder.prep_objects(verb, {"to", "on", "upon"}) if o.pos_ == "NOUN" and o.lemma_.lower() in finder.cues.agreed_nouns]
    if acts and acts[0].lemma_.lower() in {"work", "cooperate"}:
        # "agreed to work together to remove the obstacles": the act is what they work together to do
        purpose = [c for c in acts[0].children if c.dep_ in {"advcl", "xcomp"} and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        acts = purpose or acts
    if not acts or acts[0].lemma_.lower() in finder.cues.not_agreement_acts:
        return None
    act = acts[0]
    # (a swap told as a verb is the agreeing's own act: "agreed to exchange prisoners")
    triggers = {t.i for t in finder.doc.spans.get("event_triggers", []) if t.kb_id_ != "prisoners-swapped" for t in t if t.i != verb.i}
    # "agreed to extend the truce" is the truce's; not "agreed to set up a mechanism to monitor a ceasefire"
    if any(t.i in triggers and (t.i == act.i or t.head.i == act.i or (t.head.head.i == act.i and t.head.lemma_.lower() in finder.cues.agreement_status)) for t in act.subtree):
        return None
    mention = Mention("agreement", rule["id"], span.start, span.end, span.text, sent_index, verbal=True)
    mention.parties += finder.parties_from(finder.subjects(verb), "party")
    mention.parties += finder.parties_from(_party_objects(finder, verb), "party")
    objects = [c for c in act.children if c.dep_ == "dobj"]
    if len({p.text for p in mention.parties}) == 1:
        # "Bahrain agreed to establish ties with Israel": the other side, told with the act agreed
        mention.parties += finder.parties_from([o for t in [act, *objects] for o in finder.prep_objects(t, {"with"})], "party")
    mention.attributes["status"] = "reached"
    mention.attributes["topic"] = " ".join([act.lemma_, *(o.text for o in objects[:1])])
    mention.trigger_text = f"{verb.text} to {act.text}"
    finder.date_mention(mention, [verb, act], span.sent)
    place = finder.place_of([verb], preps=("in", "at"), skip=act)  # where they agreed, not where the act applies ("a ceasefire in eastern Ukraine")
    finder.set_place(mention, place)
    mention.debug["status_verb"] = verb.i
    return mention
