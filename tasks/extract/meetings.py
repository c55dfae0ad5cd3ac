"""Meeting mentions: who met whom, as host or guest, where and when."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from tasks.extract.arguments import PARTY_PREPS, ArgumentFinder, came_away
from tasks.extract.mentions import Mention, PartyRef
from tasks.extract.modality import first_noun_conjunct

HOST_VERBS = {"host", "receive", "welcome", "greet"}
GUEST_VERBS = {"visit"}
SUMMIT_WORDS = {"summit"}
CALLING_VERBS = {"telephone", "phone", "call", "ring", "dial"}  # verbs whose purpose clause is done in the call
COUNTED_MEETINGS = {"meetings", "bilaterals", "conversations"}  # plurals of one meeting each (not "talks")
PHONE_WORDS = {"phone", "telephone", "video", "videoconference", "video-link", "telephonic"}
COMMUNICATION_VERBS = {"warn", "tell", "assure", "urge", "ask", "inform", "thank", "congratulate", "press", "invite", "promise", "reassure", "caution", "brief", "apologise", "apologize", "complain", "explain", "express", "convey", "pledge", "say"}
# what a gathering's own name ends in ("the 41st Extraordinary Assembly", "the Ordinary Session")
GATHERING_NAMES = {"assembly", "session"}
GATHERING_VERBS = {"bring", "gather", "involve", "include", "feature", "unite", "assemble", "draw"}
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}


def one_each(mention: Mention) -> list[Mention]:
    """The meetings one verb tells: "met Sharon in Jerusalem on Sunday and Abbas in Ramallah on
    Monday" is two, and "spoke separately with Tamim, with the Saudi crown prince and with Mohammed
    bin Zayed" a talk with each, not one talk of four."""
    gapped = mention.debug.get("gapped", ())
    if gapped:
        subjects = [p for p in mention.parties if p.start < mention.trigger_start]
        seconds = [
            replace(mention, parties=[*subjects, g["ref"]], location=g["place"], location_country=None, date_text=g["day"],
                    debug={**mention.debug, "date_candidates": [g["day"]] if g["day"] else []})
            for g in gapped
        ]
        return [mention, *seconds]
    again = mention.debug.get("again")
    if again:
        # the first meeting keeps what is said before "and again", the second what is said after
        candidates = [d for d in mention.debug.get("date_candidates") or [] if d != again["day"]]
        first = replace(mention, location=None if mention.location == again["place"] else mention.location,
                        date_text=candidates[0] if candidates else None, debug={**mention.debug, "date_candidates": candidates})
        second = replace(mention, location=again["place"], location_country=again["country"], date_text=again["day"],
                         debug={**mention.debug, "date_candidates": [again["day"]] if again["day"] else []})
        return [first, second]
    separate = set(mention.debug.get("separate_parties", ()))
    others = [p for p in mention.parties if p.start in separate]
    if len(others) < 2:
        return [mention]
    common = [p for p in mention.parties if p.start not in separate]
    pieces = [replace(mention, parties=[*common, other], debug=dict(mention.debug)) for other in others]
    if mention.event_type == "meeting" and not mention.debug.get("calls_apart"):
        # (calls told one by one are told again freely: "In the conversation with Pezeshkian, Putin ...")
        for piece in pieces:
            piece.debug["one_of_several"] = mention.trigger_start
    return pieces


def _met_there(finder: ArgumentFinder, head) -> bool:
    """"Santos and Londoño shook hands in Havana on Wednesday for the first time, as they announced a deal":
    a handshake told with its own place is the two meeting there, whatever they announced."""
    return any(o.i in finder.ent_of and finder.ent_of[o.i].label_ in {"GPE", "LOC", "FAC"} for o in finder.prep_objects(head, {"in", "at"}))


def _talking_about(finder: ArgumentFinder, head, lemma: str) -> bool:
    """"We are not talking about empty declarations", "we're talking about a real threat": the
    present progressive of "talk about" with no one talked with is what something is about, not talks."""
    if lemma not in {"talk", "speak"} or head.tag_ != "VBG" or not finder.prep_objects(head, {"about"}):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in {"am", "is", "are", "'re", "'m", "'s"} for c in head.children):
        return False
    # (not "Iran and the United States are talking about a prisoner exchange": two sides in talks)
    speaker = all(c.lower_ in {"we", "i", "you"} for c in head.children if c.dep_ == "nsubj")
    return speaker and not finder.prep_objects(head, {"with", "to"})


def build_meeting(finder: ArgumentFinder, span: Span, rule: dict, sent_index: int) -> Mention | None:
    head = span.root
    needs = rule.get("needs")
    mention = Mention("meeting", rule["id"], span.start, span.end, span.text, sent_index, attributes={"format": rule.get("format")})
    lemma = head.lemma_.lower()
    heads = [head]
    if _not_a_phone_call(finder, head, rule, lemma):
        return None
    if _a_process(head, finder.cues):
        return None  # "after two years of negotiations": a process, no one meeting
    if _talking_about(finder, head, lemma):
        return None
    if head.dep_ == "appos" and finder.is_meeting_word(head.head):
        return None  # "expected to hold talks on the sidelines – the most closely watched meeting of the weekend": the talks, told again
    if rule["id"] == "conference-noun" and head.i > 0 and head.doc[head.i - 1].lower_ in finder.cues.briefing_words:
        return None  # a press or news conference is a briefing (a phone or video one is the call-phone rule's)
    if rule["id"] == "call-noun" and head.lower_.startswith("conversation") and not any(t.lower_ in PHONE_WORDS | {"phone", "called", "call"} for t in span.sent):
        mention.attributes["format"] = "talks"  # "continued their conversation over dinner": face to face
        mention.debug["format_guessed"] = True
    if needs == "state_destination":
        return _journey_to_see(finder, mention, head) or _journey(finder, mention, head, span)
    if needs == "invited_to_place":
        return _invitation(finder, mention, head, span)
    visitor, clause = _visitor_described(head) if lemma == "visit" else (None, None)
    if visitor is not None:
        # "Putin hosted visiting Indian Prime Minister Modi", "exchanged views with visiting Kenyan President
        # Ruto": the one described as visiting is the guest, the clause's subject receives him
        mention.verbal = True
        mention.parties += finder.parties_from([visitor], "guest")
        if clause is not None:
            # ("the visiting Chinese premier held talks": he is the subject too, and no host of his own)
            mention.parties += [p for p in finder.parties_from(finder.subjects(clause), "host") if not p.start <= visitor.i < p.end]
            heads.append(clause)
    elif head.pos_ in {"VERB", "AUX"} or rule.get("verbal"):  # ("If Putin and Zelensky meet": tagged a noun)
        mention.verbal = True
        _verbal_parties(finder, mention, head, lemma)
        if lemma in HOST_VERBS | {"meet"} and not any(c.dep_ == "dobj" for c in head.children):
            mention.parties += finder.parties_from(_late_object(finder, head) or _object_taken_for_modified(head), "guest" if lemma in HOST_VERBS else "participant")
        mention.parties += finder.parties_from(_with_by_medium(finder, head))
        # "sat across the table from Reagan": the rule names the prepositions of the other side
        mention.parties += finder.parties_from(finder.prep_objects(head, set(rule.get("object_preps", []))))
        if lemma in HOST_VERBS and _hosted_at_a_summit(head):
            # "Xi hosted more than 20 leaders, among them Putin, Erdogan and Modi, at the SCO summit": the
            # summit itself, in which two of them may hold talks of their own
            mention.attributes["format"] = "summit"
        if lemma == "call":
            _called_on(finder, mention, head)
        if lemma in {"speak", "talk", "confer"} and any(c.lower_ in PHONE_WORDS for c in head.subtree):
            mention.attributes["format"] = "call"
        elif lemma in {"speak", "talk", "confer"}:
            mention.attributes["format"] = "talks"
            mention.debug["format_guessed"] = True  # no medium told: talks, unless told elsewhere as a call
    else:
        governor, path = finder.governor(head)
        _nominal_parties(finder, mention, head, governor, path)
        # "Joint press conference by Chancellor Scholz and President Erdogan": who gives it, where the rule says so
        mention.parties += finder.parties_from(finder.prep_objects(head, set(rule.get("object_preps", []))))
        if lemma in finder.cues.gathering_nouns and len({p.text for p in mention.parties if p.kind != "GROUP"}) < 2:
            # "at an emergency summit of ECOWAS": with fewer than two named, the bloc whose summit it is
            mention.parties += [p for p in finder.parties_from(finder.prep_objects(head, {"of"})) if p.kind == "ORG"]
        if governor is not None and governor.lemma_.lower() not in finder.cues.commenting_verbs:
            heads.append(governor)  # not "In Moscow, Medvedev mocked the trip": where it is spoken of
        if head.tag_ == "NNS" and (any(c.dep_ == "amod" and c.lower_ == "separate" for c in head.children) or head.lower_ in COUNTED_MEETINGS):
            # "Putin's separate meetings with the Egyptian and Ethiopian leaders": a meeting with each
            # (so are "back-to-back meetings with Ryan and McConnell", "bilaterals with A and B": not "talks")
            # (and "separate meetings in the Oval Office with A and with B": "with" hung on the place, or on the verb)
            # ("held a string of bilateral meetings: with Modi, with Xi and with Ramaphosa": the verb of the count)
            counted = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "dobj"
            hosts = [head, *finder.prep_objects(head, {"in", "at"})] + ([governor] if governor is not None and (head.dep_ == "dobj" or counted) else [])
            apart = {p.start for p in finder.parties_from([o for h in hosts for o in finder.prep_objects(h, {"with"})])}
            mention.debug["separate_parties"] = [p.start for p in mention.parties if p.start in apart]
    if not mention.verbal and lemma in {"session", "sessions", "plenary"} and any(
            (c.dep_ == "poss" and c.lemma_.lower() in SUMMIT_WORDS) or (c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in SUMMIT_WORDS for o in c.children))
            for c in head.children):
        # "Putin opened the summit's main session with Xi, Modi and Ramaphosa": a sitting of the summit is the
        # summit, in which two of those there may hold talks of their own
        mention.attributes["format"] = "summit"
    # "Obama's first Summit of the Americas": the gathering's own name is no party to it
    mention.parties = [p for p in mention.parties if not (p.start <= head.i < p.end and p.kind == "ORG")]
    # "The 41st Extraordinary Assembly was hosted by Guelleh": a gathering named as such is where they met, not who
    mention.parties = [p for p in mention.parties if not (p.kind == "ORG" and finder.doc[p.end - 1].lemma_.lower() in finder.cues.gathering_nouns | GATHERING_NAMES)]
    if lemma in finder.cues.gathering_nouns and any(c.dep_ == "poss" and c.lemma_.lower() in {"leader", "minister", "member"} for c in head.children):
        # "the Asia-Pacific Economic Cooperation (APEC) leaders' meeting": the body whose leaders meet, not a side
        mention.parties = [p for p in mention.parties if not (p.kind == "ORG" and head.left_edge.i <= p.start < head.i)]
    if not mention.verbal and head.dep_ == "pobj" and head.head.lower_ == "including" and head.head.head.lemma_.lower() in finder.cues.contest_nouns:
        return None  # "three pool matches, including England's meeting with France": a fixture, not talks
    if lemma == "receive" and any(c.dep_ == "dobj" and c.lemma_.lower() in finder.cues.award_nouns for c in head.children):
        return None  # "received the Presidential Medal of Freedom in 1989": an honour received
    if lemma == "meet" and any(c.dep_ == "dobj" and c.lemma_.lower() in finder.cues.requirement_nouns for c in head.children):
        return None  # "could neither balance its budget nor meet the conditions of the IMF": a requirement met
    if mention.verbal and any(o.lemma_.lower() in finder.cues.contest_nouns for o in finder.prep_objects(head, {"in", "at"})):
        return None  # "the three are expected to meet in the Olympic final", "met in court": a contest, not talks
    if lemma in {"welcome", "receive"} and finder.prep_objects(head, {"into"}):
        return None  # "welcomed Ghani and his family into the country": taken in, not met
    subtree = {t.i for t in head.subtree}
    if lemma in HOST_VERBS and any(t.label_ == "asylum" and t.start in subtree for t in finder.doc.spans.get("event_triggers", [])):
        return None  # "welcomed Ghani and his family on humanitarian grounds": taken in as a refugee
    if lemma in HOST_VERBS and not any((p.kind in {"PERSON", "GPE", "ORG", "TITLE", "PRON"} or p.kind == "GROUP" and p.text.lower() == "them") and p.role == "guest" for p in mention.parties):
        return None  # "Turkey hosts 3.5 million Syrian refugees": a host of people, not of a meeting
    if rule.get("not_with") and any(t.label_ == rule["not_with"] and span.sent.start <= t.start < span.sent.end for t in finder.doc.spans.get("event_triggers", [])) \
            and not _met_there(finder, head):
        return None  # "signed the accord, then shook hands and embraced": a handshake that seals a deal is its ceremony
    if needs == "person_joined" and not _joins_someone(finder, head):
        return None  # "joined NATO", "joined the talks", "joined Biden in condemning the attack": no meeting
    if needs == "person_met" and not _sees_someone(finder, head):
        return None  # "saw Putin as a threat", "has seen prices rise", "was seen by": seeing, not a meeting
    if needs in {"person_object", "party_object", "person_met"} and len(mention.parties) < 2:
        return None  # "hosted a dinner", "called for calm": no second party, no meeting
    addressed = finder.prep_objects(head, {"to"})
    if needs == "with_party" and addressed and not finder.prep_objects(head, {"with"}) and all(
        p.kind in {"NORPGROUP", "GROUP"} for p in finder.parties_from(addressed)
    ):
        return None  # "speaking to American servicemen at the Keflavik base": an audience, not a counterpart
    if needs == "with_party" and not finder.prep_objects(head, {"with", "to"}) and not _with_by_medium(finder, head):
        # "Macron and Putin talked late into the night": two who talk are in talks (two who speak may give speeches)
        again = any(c.lower_ in {"again", "regularly", "directly"} for c in head.children) or lemma in {"talk", "confer"}
        if not ((mention.attributes["format"] == "call" or again) and (len(mention.parties) >= 2 or any(p.kind == "GROUP" for p in mention.parties))):
            return None  # "spoke to reporters" is no meeting; "X and Y spoke by phone", "the two will speak again" are
        # "in which the two men did not speak a single word about marijuana (but talked about trade)": what was left
        # unsaid or said instead, not whether they met (the parser may hang the topic on "a word")
        said = [head] + [c for c in head.children if c.dep_ == "dobj"]
        denied = head.head if head.dep_ == "conj" else head
        if any(c.dep_ == "neg" for c in denied.children) and any(c.dep_ == "prep" and c.lower_ in {"about", "of", "on"} for w in said for c in w.children):
            return None
    if needs == "with_party" and _the_interview(finder, head, mention):
        return None  # "Kari Vuorela ... talked to Helena Sarkio. / HS: ... / KV: ...": the talk the transcript is
    if needs == "with_person":
        companions = _time_spent_with(finder, head)
        if not companions:
            return None  # "spent the weekend with his family"
        mention.parties += [p for p in companions if all(q.start != p.start for q in mention.parties)]
    if needs == "audience_granted" and not (_an_audience_granted(finder, head) and len(mention.parties) >= 2):
        return None  # "told the audience", "a television audience": listeners, not an audience granted
    if needs == "two_parties" and len(mention.parties) < 2:
        return None
    if needs == "by_phone":
        # "discussed the crisis with Putin by telephone": the parser hangs "with" on what was discussed
        mention.parties += finder.parties_from([w for o in head.children if o.dep_ == "dobj" for w in finder.prep_objects(o, {"with"})])
        if not any(c.dep_ == "prep" and c.lower_ in {"by", "over", "via"} and any(o.lower_ in PHONE_WORDS for o in c.children) for c in head.children):
            needs = "with_person_met"  # "discussed the refugees with Oskar Fischer in New York": talks, not a call
            mention.attributes["format"] = "talks"
        elif len(mention.parties) < 2:
            return None
    if needs == "with_person_met":
        # "discussed the refugees with Oskar Fischer in New York": talks with whom something was discussed
        # (the parser hangs "with" on the verb or on what was discussed)
        partners = finder.prep_objects(head, {"with"}) + [w for o in head.children if o.dep_ == "dobj" for w in finder.prep_objects(o, {"with"})]
        met = [p for p in finder.parties_from(partners) if p.kind in {"PERSON", "TITLE", "PRON"}]
        new = [p for p in met if all(q.start != p.start for q in mention.parties)]
        if not met or len(mention.parties) + len(new) < 2:
            return None  # "discussed the matter with reporters", "discussed the crisis": no one met
        mention.parties += new
    if "enclosing_verb" in mention.debug:
        heads.append(finder.doc[mention.debug["enclosing_verb"]])
    place = finder.place_of(heads)
    if mention.location is None:
        finder.set_place(mention, place)
    _imply_host(mention, place)
    finder.date_mention(mention, heads, span.sent)
    mention.attributes["topics"] = _topics(finder, heads)
    if _purpose_of_a_call(head):
        mention.attributes["format"] = "call"
    _calls_one_to_one(finder, mention, head)
    return mention


def _the_interview(finder: ArgumentFinder, head, mention: Mention) -> bool:
    """An interview opens by saying who spoke to whom, then gives the conversation as turns
    labelled with the two people's initials: the talk told before the first turn, with someone
    who speaks a turn, is the interview the article is, not talks it reports."""
    if not finder.turns or head.idx >= finder.turns[0][0]:
        return False
    speakers = {name for _, name in finder.turns if name}
    return any(p.text in speakers for p in mention.parties)


def _hosted_at_a_summit(verb) -> bool:
    """"hosted X at the summit", "for the first three-way summit": the parser may hang the "at" on the
    last guest listed, so any "at" or "for" a summit under the verb counts, short of another verb."""
    for prep in (t for t in verb.subtree if t.dep_ == "prep" and t.lower_ in {"at", "for"}):
        if not any(o.dep_ == "pobj" and o.lemma_.lower() in SUMMIT_WORDS for o in prep.children):
            continue
        up = prep.head
        while up.i != verb.i and up.pos_ not in {"VERB", "AUX"}:
            up = up.head
        if up.i == verb.i:
            return True
    return False


def _purpose_clause(verb) -> bool:
    """"flew to Honiara to ask Sogavare", "telephoned Erdogan to brief him": an infinitive of purpose
    under a verb, with no subject of its own (it is said of the verb's)."""
    return (verb.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children))


def _purpose_of_a_call(head) -> bool:
    """"Putin telephoned Erdogan and King Salman to brief them on the visit", "Aliyev phoned Putin to
    congratulate him": what a call was made to do is done in the call, so it is told over the phone."""
    return _purpose_clause(head) and head.head.lemma_.lower() in CALLING_VERBS


def _calls_one_to_one(finder: ArgumentFinder, mention: Mention, head) -> None:
    """"Putin telephoned Erdogan and King Salman", "held telephone conversations with Pezeshkian and
    Netanyahu": a telephone call joins two; one caller and several called is a call with each. Not a
    call told as joint ("a three-way call among Trump, Netanyahu and Mohammed bin Zayed", "a joint call
    with Macron, Merkel and Draghi"), and not by video, where several leaders sit in one conference."""
    if mention.attributes.get("format") != "call" or mention.debug.get("separate_parties"):
        return
    words = set(re.findall(r"[\w-]+", head.sent.text.lower()))  # "three-way" is three tokens
    if words & finder.cues.joint_call_words:
        return
    callers = [p for p in mention.parties if p.start < mention.trigger_start]
    called = [p for p in mention.parties if p.start >= mention.trigger_end]
    if len({p.text for p in callers}) == 1 and len({p.text for p in called}) >= 2 and len(callers) + len(called) == len(mention.parties) \
            and all(p.kind in {"PERSON", "TITLE", "GPE"} for p in callers + called):
        mention.debug["separate_parties"] = [p.start for p in called]
        mention.debug["calls_apart"] = True


def _late_object(finder: ArgumentFinder, verb) -> list:
    """"Ghazouani received on Monday in Nouakchott the Malian Transition President, Colonel Assimi
    Goïta": an object told after the day and the place, as French and Spanish order it, which the
    small model hangs on the place as an apposition. With no comma between, it is no apposition."""
    found = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for appos in (c for c in pobj.children if c.dep_ == "appos" and c.i > pobj.i):
                if not any(t.text == "," for t in finder.doc[pobj.i + 1: appos.left_edge.i]):
                    found.append(appos)
    return found


def _object_taken_for_modified(verb) -> list:
    """"President Donald J. Trump hosted President Ilham Aliyev of ...": the small model may read the
    verb as an adjective of the title after it ("hosted President"), and the object as the sentence's
    root. A verb with a subject of its own is no adjective: the name its title belongs to is its object."""
    if verb.dep_ != "amod" or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return []
    name = verb.head
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    return [name] if name.pos_ == "PROPN" else []


def _an_audience_granted(finder: ArgumentFinder, noun) -> bool:
    """"An audience with Pope Francis", "was received in audience", "his third private audience",
    "was granted an audience by the King": a pope or a monarch receiving someone, which is a meeting.
    Not the listeners of a speech ("told the audience", "before an audience of 250 officials")."""
    governor, _path = finder.governor(noun)
    return (bool(finder.prep_objects(noun, {"with"}))
            or noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.lemma_.lower() == "receive"
            or any(c.dep_ == "poss" or c.dep_ == "amod" and c.lower_ in finder.cues.audience_kinds for c in noun.children)
            or governor is not None and governor.lemma_.lower() in finder.cues.audience_verbs and noun.dep_ in {"dobj", "nsubjpass"})


def _joins_someone(finder: ArgumentFinder, verb) -> bool:
    """"Modi, Kishida and Albanese joined Biden at Archmere Academy": people who join a named person
    somewhere meet him. Not a body or a state joined ("joined NATO"), nor someone joined in doing
    something ("joined Biden in condemning the attack")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    people = [o for o in objects if o.ent_type_ == "PERSON" or o.lower_ in {"him", "her", "them"}]
    subjects = [s for s in finder.subjects(verb) if s.ent_type_ == "PERSON" or s.lower_ in {"he", "she", "they"}]
    doing = any(p.lower_ in {"in", "on"} and any(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in p.children) for p in verb.children if p.dep_ == "prep")
    return bool(people) and bool(subjects) and not doing and not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)


def _sees_someone(finder: ArgumentFinder, verb) -> bool:
    """"Scholz plans to see Zelensky in Kyiv", "Blinken sees Kagame", "the Hungarian prime minister had
    seen Zelensky": a named person seen by a named person (or one the article names by office) is met.
    Not a person seen as something, doing something, or by someone."""
    children = list(verb.children)
    if any(c.dep_ in {"xcomp", "ccomp", "oprd", "acomp", "auxpass", "nsubjpass"} or (c.dep_ == "prep" and c.lower_ == "as") for c in children):
        return False
    objects = [c for c in children if c.dep_ == "dobj"]
    subjects = finder.subjects(verb)
    named = lambda t: (ent := finder.ent_of.get(t.i)) is not None and ent.label_ == "PERSON"
    # (not "the first European leader to see Trump": a title the seeing describes names no one)
    titled = lambda t: verb.dep_ not in {"acl", "relcl"} and getattr(finder.party(t), "kind", None) == "TITLE"
    # (a clause that only describes the one seen is no bar: "saw Medvedev, after which both men said ...",
    # "flew to Florida to see Donald Trump, who ..."; one that tells what he was seen doing is)
    described = lambda c: c.dep_ == "relcl" and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","
    # "saw the GDR foreign minister, Oskar Fischer", "to see his Pakistani counterpart Nawaz Sharif": an office
    # with the name beside it; "Summers saw the president in Jakarta": an office one person holds; "Margaret
    # Thatcher refused to see him": a person told before, when the one who sees is named
    # (an office of a state told with it: not "the president", whom the story may name for another state)
    stated = lambda o: any(c.dep_ in {"amod", "compound", "nmod", "poss"} and c.ent_type_ in {"GPE", "NORP"} for c in o.children)
    seen = lambda o: named(o) or any(c.dep_ == "appos" and named(c) for c in o.children) or (titled(o) and stated(o))
    named_subject = any(named(s) or titled(s) for s in subjects)
    return bool(objects) and all((seen(o) or (o.lower_ in {"him", "her"} and named_subject)) and not any(
        c.dep_ in {"acl", "relcl"} and not described(c) for c in o.children) for o in objects) and any(
        named(s) or s.pos_ == "PRON" or titled(s) for s in subjects)


def _with_by_medium(finder: ArgumentFinder, verb) -> list:
    """"had spoken by phone with Castro": the parser hangs "with" on the phone."""
    media = [o for o in finder.prep_objects(verb, {"by", "over", "on", "via"}) if o.lower_ in PHONE_WORDS | {"videolink"}]
    return [w for m in media for w in finder.prep_objects(m, {"with"})]


def _visitor_described(verb):
    """The person "visiting" describes ("the visiting Indian prime minister"; "with visiting Kenyan
    President Ruto" and "hosted visiting Prime Minister Modi", which the parser reads as clauses of
    their own) and the clause that receives him, or (None, None)."""
    if verb.tag_ != "VBG":
        return None, None
    if verb.dep_ == "amod" and verb.head.pos_ in {"NOUN", "PROPN"}:
        visitor = verb.head
    elif verb.dep_ in {"pcomp", "xcomp"}:
        visitor = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
    else:
        return None, None
    if visitor is None:
        return None, None
    token = visitor if verb.dep_ == "amod" else verb
    for _ in range(4):
        if token.head.i == token.i:
            return visitor, None
        token = token.head
        if token.pos_ in {"VERB", "AUX"} and token.i != verb.i:
            return visitor, token
    return visitor, None


def _not_a_phone_call(finder: ArgumentFinder, head, rule: dict, lemma: str) -> bool:
    """"Call" that asks for something or names someone, rather than a talk on the phone."""
    if rule["id"] == "call-noun" and head.lower_.startswith("call") and any(c.dep_ == "prep" and c.lower_ == "for" for c in head.children):
        return True  # "resisted calls for a complete break with Beijing": demands
    if lemma != "call" or head.pos_ != "VERB":
        return False
    if finder.prep_objects(head, {"for"}) or any(g.dep_ == "mark" and g.lower_ == "for" for c in head.children for g in c.children):
        return True  # "calling for emerging economies to have a bigger voice": a demand
    if any(c.dep_ == "prep" and c.lower_ == "for" and not list(c.children) for c in head.children):
        return True  # "the truce had been called for by Putin and Erdogan": demanded by them, not a call between them
    if any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children):
        return True  # "Reliance and Aramco have called off a deal": cancelled
    if finder.prep_objects(head, {"on", "upon"}) and any(
            c.dep_ in {"advcl", "xcomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in head.children):
        return True  # "called on Canada's minister, Ahmed Hussen, to process the applications": urged him
    if head.dep_ == "acl" and head.tag_ == "VBN" and not any(c.dep_ == "agent" for c in head.children):
        return True  # "two young pandas, called Bao Li and Qing Bao": named
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if objects and _names_its_antecedent(finder, head):
        return True  # "the islands Japan calls the Senkakus", "the plane, which the press had taken to calling the Kissinger Express"
    if _phoned_as_named(finder, head):
        return False
    described = any(a.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in a.children) for o in objects for a in o.children)
    # "called Britain one of Ukraine's most determined allies": the parser hangs the description on the object
    described = described or any(a.lower_ == "one" and any(g.dep_ == "prep" and g.lower_ == "of" for g in a.children) for o in objects for a in o.children)
    # "which Vietnam calls Tu Chinh", "called the deal historic", "called Obama a 'son of a whore'": naming
    return len(objects) >= 2 or described or any(o.lower_ in {"which", "what"} for o in objects) or any(c.dep_ in {"oprd", "xcomp", "ccomp", "acomp"} for c in head.children)


TIME_NOUNS = {"day", "night", "morning", "afternoon", "evening", "week", "time", "moment", "hour", "minute", "year", "month", "weekend"}


def _names_its_antecedent(finder: ArgumentFinder, verb) -> bool:
    """A "call" with an object, in a clause that describes a thing ("the islands Japan calls the Senkakus"):
    the thing is what the object names. Not one that tells a time ("the day Biden called Putin") or a
    person ("the leader Biden called on Tuesday")."""
    clause = verb
    while clause.dep_ in {"pcomp", "xcomp", "prep"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ not in {"who", "which", "that"} for c in clause.children):
        return False  # (not "the president, who called Putin": the one described is the caller)
    antecedent = clause.head
    return (antecedent.pos_ in {"NOUN", "PROPN"} and antecedent.lemma_.lower() not in TIME_NOUNS
            and getattr(finder.ent_of.get(antecedent.i), "label_", None) not in {"PERSON", "GPE", "ORG", "NORP"})


def _phoned_as_named(finder: ArgumentFinder, verb) -> list:
    """"Macron called Putin on Wednesday": the parser reads the one phoned as what he is called (an
    object predicate). "Called him a liar" has its object; a person alone after the verb is phoned."""
    if verb.lemma_.lower() not in {"call", "phone", "telephone"} or any(c.dep_ == "dobj" for c in verb.children):
        return []
    complements = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "ccomp", "acomp"}]
    if len(complements) == 1 and complements[0].dep_ == "oprd" and getattr(finder.ent_of.get(complements[0].i), "label_", None) == "PERSON":
        return complements
    return []


def _called_on(finder: ArgumentFinder, mention: Mention, verb) -> None:
    """"Calling on Trump at Trump Tower": a visit paid to him, not a phone call."""
    hosts = [p for p in finder.parties_from(finder.prep_objects(verb, {"on"})) if p.kind in {"PERSON", "TITLE"}]
    if not hosts:
        return
    mention.attributes["format"] = "visit"
    for party in mention.parties:
        party.role = "guest"
    mention.parties += [replace(p, role="host") for p in hosts]


def _time_spent_with(finder: ArgumentFinder, verb) -> list[PartyRef]:
    """"Spent several hours in the Kremlin with Medvedev": the people named with "with", on the verb
    or, where the parser hangs it there, on the place or the time."""
    inner = [o for c in verb.children if c.dep_ in {"dobj", "prep"} for o in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])]
    withs = finder.prep_objects(verb, {"with"}) + [w for o in inner for w in finder.prep_objects(o, {"with"})]
    return [p for p in finder.parties_from(withs) if p.kind in {"PERSON", "TITLE"}]


def _journey_to_see(finder: ArgumentFinder, mention: Mention, verb) -> Mention | None:
    """"Seselja flew to Honiara to ask Mr Sogavare not to sign", "travelled to Kyiv to stand with
    Zelensky", "flew to Florida to see Trump": a journey made to see, ask, urge or brief someone is a
    meeting with them, whoever the purpose clause's verb leaves its subject to. Not one made to take or
    arrest someone, nor "went on to ask" (which only goes on talking)."""
    if any(c.dep_ in {"prt", "advmod"} and c.lower_ == "on" for c in verb.children) and not finder.prep_objects(verb, {"to"}):
        return None
    guests = [p for p in finder.parties_from(finder.subjects(verb), "guest") if p.kind in {"PERSON", "TITLE", "PRON"}]
    if not guests:
        return None
    for clause in verb.children:
        if not _purpose_clause(clause) or clause.lemma_.lower() not in finder.cues.contact_verbs:
            continue
        seen = [c for c in clause.children if c.dep_ in {"dobj", "dative"}] + finder.prep_objects(clause, {"with", "beside", "alongside"})
        met = [p for p in finder.parties_from(seen, "host") if p.kind in {"PERSON", "TITLE", "PRON"}]
        if not met:
            continue
        mention.verbal = True
        mention.parties += guests + met
        finder.set_place(mention, finder.place_of([verb]))
        finder.date_mention(mention, [verb], verb.sent)
        mention.attributes["topics"] = []
        return mention
    return None


def _journey(finder: ArgumentFinder, mention: Mention, verb, span: Span) -> Mention | None:
    """"Blinken will travel to Papua New Guinea in his place": a visit to come, to a state that is
    the implied host. Only when no other meeting word in the sentence tells the visit's purpose
    ("flew to Moscow for talks with Putin" is the talks)."""
    others = [t for t in finder.doc.spans.get("event_triggers", []) if t.start != span.start and span.sent.start <= t.start < span.sent.end
              and not _partyless_purpose(finder, t, verb)]
    due = verb.lower_ == "due"  # "Trump is due in Riyadh next week": where one is due, one is to visit
    if others or (verb.tag_ != "VB" and not due):
        return None  # a trip told as done ("flew on to Cambodia") says nothing of a meeting; one to come is a planned visit
    destinations = [o for o in finder.prep_objects(verb, {"in", "at"} if due else {"to"}) if o.i in finder.ent_of]
    entry = finder.gaz.lookup(finder.ent_of[destinations[0].i].text) if destinations else None
    if entry is None or entry.category not in {"country", "capital"} or not entry.country:
        return None
    guests = [p for p in finder.parties_from(finder.subjects(verb), "guest") if p.kind in {"PERSON", "TITLE", "PRON", "ORG"}]
    if not guests:
        return None
    mention.verbal = True
    place = finder.ent_of[destinations[0].i]
    mention.parties += guests
    mention.parties.append(PartyRef.of_state(entry.country, "host", place.start, place.end, implied=True))
    mention.location, mention.location_country = place.text, entry.country
    finder.date_mention(mention, [verb], span.sent)
    mention.attributes["topics"] = []
    return mention


def _a_process(noun, cues) -> bool:
    """Talks measured in months or years ("ending nine months of negotiations", "two decades of
    on-off negotiations") are a process of many meetings, none of them told; days or weeks of
    talks ("two days of talks", "three weeks of talks at Dayton") are one conference."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    measure = noun.head.head
    for _ in range(3):
        if measure.lemma_.lower() in cues.process_spans:
            return True
        # "a quarter of a century of negotiations": the measure may itself be counted
        if measure.dep_ != "pobj" or measure.head.lower_ != "of" or measure.i == measure.head.head.i:
            break
        measure = measure.head.head
    return False


def _partyless_purpose(finder: ArgumentFinder, trigger: Span, verb) -> bool:
    """"is expected to travel to Ankara for the next round of talks", "due to fly on to Vietnam for a
    state visit": a meeting noun under the journey that names no one of its own is its purpose."""
    noun = trigger.root
    if noun.pos_ not in {"NOUN", "PROPN"} or verb.i not in {a.i for a in noun.ancestors}:
        return False
    return not any(c.dep_ in {"poss", "compound", "amod", "prep"} and (c.i in finder.ent_of or c.lower_ in {"with", "between"}) for c in noun.children)


def _invitation(finder: ArgumentFinder, mention: Mention, verb, span: Span) -> Mention | None:
    """"Bush invited Putin to his ranch in Crawford": a visit to come, the one who invites its host.
    ("invited Raisi to visit Riyadh" is the visit's own trigger; "invited to the talks", the talks'.)"""
    places = [o for o in finder.prep_objects(verb, {"to"}) if o.lemma_.lower() not in finder.cues.gathering_nouns]
    # not "making him the first leader to be received there": a comment on the invitation, not its purpose
    clause = {t.i for t in verb.subtree} - {t.i for c in verb.children if c.dep_ in {"conj", "advcl"} for t in c.subtree}
    others = [t for t in finder.doc.spans.get("event_triggers", []) if t.start != span.start and t.start in clause and t.label_ == "meeting"]
    if not places or others or any(c.dep_ == "xcomp" for c in verb.children):
        return None  # "invited him to Copenhagen for a state visit": the visit is told by its own word
    hosts = [p for p in finder.parties_from(finder.subjects(verb), "host") if p.kind in {"PERSON", "TITLE", "GPE", "PRON"}]
    guests = [p for p in finder.parties_from([c for c in verb.children if c.dep_ == "dobj"], "guest") if p.kind in {"PERSON", "TITLE", "PRON"}]
    if not hosts or not guests:
        return None
    mention.verbal = True
    mention.parties += hosts + guests
    place = finder.place_of([verb, *places], preps=("in", "to"))
    finder.set_place(mention, place)
    finder.date_mention(mention, [verb], span.sent)
    mention.attributes["topics"] = []
    return mention


def _imply_host(mention: Mention, place) -> None:
    """A visitor to a state's territory, with no host named, meets that state ("visited Russia")."""
    if mention.attributes.get("format") != "visit" or place is None or not mention.location_country:
        return
    named = [p for p in mention.parties if not p.implied]
    if len(named) == 1 and not any(p.implied for p in mention.parties) and named[0].role in {"guest", "participant"}:
        named[0].role = "guest"
        mention.parties.append(PartyRef.of_state(mention.location_country, "host", place.start, place.end, implied=True))


def _verbal_parties(finder: ArgumentFinder, mention: Mention, verb, lemma: str) -> None:
    subject_role = "host" if lemma in HOST_VERBS else "guest" if lemma in GUEST_VERBS else "participant"
    object_role = "guest" if lemma in HOST_VERBS else "host" if lemma in GUEST_VERBS else "participant"
    if not finder.shares_passive_subject(verb):
        # "was in Muscat and was received by the sultan": the shared subject is the one received
        mention.parties += finder.parties_from(finder.subjects(verb), subject_role)
    passive = finder.passive_subjects(verb)
    if passive:
        # "was received by Putin": the passive subject is the guest, the agent the host
        mention.parties += finder.parties_from(passive, object_role)
        mention.parties += finder.parties_from(finder.agents(verb), subject_role)
    before = len(mention.parties)
    _verbal_objects(finder, mention, verb, lemma, object_role)
    _invited_by(finder, mention, verb)
    if any(c.dep_ == "advmod" and c.lower_ == "separately" and not any(k.lower_ in {"jointly", "together"} for k in c.conjuncts) for c in verb.children):
        # "Trump spoke separately with Tamim, with the Saudi crown prince and with ...": one talk each;
        # "Sargsyan and Aliyev also met separately with Mogherini": each of them with her
        subjects, objects = mention.parties[:before], mention.parties[before:]
        apart = subjects if len(objects) == 1 and len(subjects) >= 2 else objects
        mention.debug["separate_parties"] = [p.start for p in apart]
    _gapped(finder, mention, verb)
    _again(finder, mention, verb)


def _again(finder: ArgumentFinder, mention: Mention, verb) -> None:
    """"met Stephen Bosworth in New York at the end of July and again in Geneva in October", "met Abbas
    in Ramallah in August and again on Tuesday, at Gantz's home": the same people met a second time,
    at the place and on the day said after "and again". Kept on the mention; the first meeting keeps
    only what comes before."""
    for again in (t for t in verb.subtree if t.lower_ == "again" and t.i > verb.i and t.dep_ in {"conj", "advmod"}):
        if again.i == 0 or finder.doc[again.i - 1].lower_ != "and":
            continue  # "met again on Tuesday": one meeting, told as a repeat
        if again.head.i != verb.i and not (again.head.dep_ == "prep" and again.head.head.i == verb.i):
            continue
        after = [t for t in verb.subtree if t.i > again.i]
        place = next((finder.ent_of[t.i] for t in after if t.dep_ == "pobj" and t.head.lower_ in {"in", "at"} and t.i in finder.ent_of
                      and finder.ent_of[t.i].label_ in {"GPE", "LOC", "FAC"}), None)
        day = next((finder.ent_of[t.i] for t in after if t.dep_ == "pobj" and t.head.lower_ in {"on", "in"} and t.ent_type_ == "DATE" and t.i in finder.ent_of), None)
        if place is None and day is None:
            continue
        mention.debug["again"] = {
            "place": place.text if place is not None else None,
            "country": finder.gaz.country_of(place.text) if place is not None else None,
            "day": f"{finder.doc[day.start - 1].text} {day.text}" if day is not None and day.start > 0 else None,
        }
        return


def _gapped(finder: ArgumentFinder, mention: Mention, verb) -> None:
    """"Rice met Sharon in Jerusalem on Sunday and Abbas in Ramallah on Monday": a second meeting
    whose verb is left out; the parser hangs "Abbas" on "Sunday". Kept on the mention as the other
    person, and the place and day that follow the name."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "on", "at"}]
    for prep in preps:
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            for other in (c for c in obj.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"):
                later = [p for p in preps if p.i > other.i]
                place = next((o for p in later if p.lower_ in {"in", "at"} for o in p.children if o.dep_ == "pobj" and o.i in finder.ent_of), None)
                day = next((o for p in later if p.lower_ == "on" for o in p.children if o.dep_ == "pobj" and o.ent_type_ == "DATE"), None)
                if place is None and day is None:
                    continue
                refs = [p for p in finder.parties_from([other], mention.parties[-1].role if mention.parties else "participant") if p.kind == "PERSON"]
                if refs:
                    mention.debug.setdefault("gapped", []).append({
                        "ref": refs[0],
                        "place": finder.ent_of[place.i].text if place is not None else None,
                        "day": f"on {finder.ent_of[day.i].text}" if day is not None else None,
                    })


def _verbal_objects(finder: ArgumentFinder, mention: Mention, verb, lemma: str, object_role: str) -> None:
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}] or _phoned_as_named(finder, verb)
    for obj in objects:
        ent = finder.ent_of.get(obj.i)
        if lemma in GUEST_VERBS and ent is not None and ent.label_ in {"GPE", "LOC", "FAC"} and finder.gaz.lookup(ent.text) is None or (
            lemma in GUEST_VERBS and ent is not None and finder.gaz.lookup(ent.text) is not None and finder.gaz.lookup(ent.text).category in {"country", "capital", "place", "institution"}
        ):
            # "visited Moscow", "to visit the White House": a place, whose state is the implied host
            mention.location = ent.text
            entry = finder.gaz.lookup(ent.text)
            mention.location_country = entry.country if entry else None
            if entry and entry.country:
                mention.parties.append(PartyRef.of_state(entry.country, "host", ent.start, ent.end, implied=True))
            continue
        mention.parties += finder.parties_from([obj], object_role)
    mention.parties += finder.parties_from(finder.prep_objects(verb, PARTY_PREPS | {"to"} if lemma in {"speak", "talk"} else PARTY_PREPS), object_role)


def _invited_by(finder: ArgumentFinder, mention: Mention, verb) -> None:
    """"King Salman has invited Raisi to visit Riyadh": the one who invites hosts."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "invite":
        mention.parties += finder.parties_from([c for c in verb.head.children if c.dep_ == "nsubj"], "host")
    if verb.dep_ in {"advcl", "acl"} and verb.head.lemma_.lower() == "invitation" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "an invitation from President Bush for Abbas to visit the White House": who invites hosts
        # (not "handed Trump an invitation from King Charles when the two met": a clause of its own)
        mention.parties += finder.parties_from(finder.prep_objects(verb.head, {"from"}) + [c for c in verb.head.children if c.dep_ == "poss"], "host")


def _nominal_parties(finder: ArgumentFinder, mention: Mention, noun, governor, path) -> None:
    is_visit = noun.lemma_.lower() in {"visit", "trip"}
    pair, taken = finder.hyphened_people(noun)
    mention.parties += pair
    for child in noun.children:
        if child.i in taken:
            continue
        if child.dep_ == "poss":
            mention.parties += finder.parties_from([child], "guest" if is_visit else "participant")
        elif child.dep_ in {"compound", "amod", "nmod"}:
            place = finder.gaz.lookup(finder.ent_of[child.i].text) if child.i in finder.ent_of else None
            hyphenated = any(t.text in {"-", "–", "/"} for t in finder.doc[max(child.i - 1, 0): child.i + 2])
            if child.dep_ == "compound" and place is not None and place.category in {"capital", "place"} and not hyphenated:
                continue  # "the Jerusalem summit", "the Helsinki summit": named after a city
            party = finder.party(child)
            if party is not None and party.kind == "ORG" and child.dep_ == "compound" and noun.lemma_.lower() in finder.cues.gathering_nouns:
                continue  # "the BRICS summit", "the EU's Eastern Partnership summit": the gathering's name, not a side
            if party is not None and party.kind in {"PERSON", "GPE", "ORG", "NORP"}:
                mention.parties.append(party)
                mention.parties += finder.hyphened_sides(child)
    mention.parties += finder.parties_from(finder.prep_objects(noun, PARTY_PREPS))
    # "talks in Banjul on Friday with Condé": the parser hangs "with" on a word in between
    for inner in noun.subtree:
        if inner.i != noun.i and inner.dep_ in {"pobj", "npadvmod"} and inner.head.dep_ == "prep" and inner.head.head.i == noun.i:
            mention.parties += finder.parties_from(finder.prep_objects(inner, {"with", "between"}))
    # "a summit that was to have brought together Biden, King Abdullah II and Sisi",
    # "a video conference chaired by Abdulaziz bin Salman and Alexander Novak"
    for clause in [*noun.children, *_participles_on_its_objects(finder, noun)]:
        if clause.dep_ not in {"relcl", "acl"}:
            continue
        verbs = [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
        # "hosted by Macron and attended by Merkel": the second participle, too
        verbs += [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB" and finder.agents(c)]
        for verb in verbs:
            vlemma = verb.lemma_.lower()
            if vlemma in GATHERING_VERBS:
                mention.parties += finder.parties_from([c for c in verb.children if c.dep_ == "dobj"])
            elif vlemma in finder.cues.chair_verbs and any(c.dep_ == "auxpass" for c in verb.children) | (verb.dep_ in {"acl", "conj"}):
                mention.parties += finder.parties_from(finder.agents(verb), "host" if vlemma in {"host"} else "participant")
            elif vlemma in finder.cues.placing_verbs and clause.dep_ == "relcl" and mention.attributes.get("format") == "call":
                # "a phone call that General Abdullah placed to his counterpart, General Ghai"
                subjects = [c for c in verb.children if c.dep_ == "nsubj"]
                # ("that" can take the name down with it: the person hangs inside the relative pronoun)
                named = [t for s in subjects if s.tag_ == "WDT" for t in s.subtree if t.ent_type_ == "PERSON" and t.dep_ in {"appos", "nsubj"}]
                mention.parties += finder.parties_from([s for s in subjects if s.tag_ != "WDT"] + named)
                mention.parties += finder.parties_from(finder.prep_objects(verb, {"to", "with"}))
    if not finder.prep_objects(noun, PARTY_PREPS) and noun.dep_ in {"dobj", "pobj"}:
        # "followed hours of talks in Banjul on Friday with Condé": "with" hung on the verb above
        verb = noun.head if noun.dep_ == "dobj" else (noun.head.head.head if noun.head.head.dep_ == "dobj" else None)
        if verb is not None and verb.pos_ == "VERB" and not any(t.start <= verb.i < t.end for t in finder.doc.spans.get("event_triggers", [])):
            mention.parties += finder.parties_from([o for o in finder.prep_objects(verb, {"with", "between"}) if o.i > noun.i])
    if (noun.lemma_.lower() in finder.cues.gathering_nouns or mention.attributes.get("format") == "summit") and len([p for p in mention.parties if p.kind not in {"PRON", "GROUP"}]) < 2:
        mention.parties += _attendees(finder, noun)
    if is_visit:
        mention.parties += finder.parties_from(finder.prep_objects(noun, {"by", "from", "of"}), "guest")
        for obj in finder.prep_objects(noun, {"to"}):
            ent = finder.ent_of.get(obj.i)
            entry = finder.gaz.lookup(ent.text) if ent is not None else None
            if ent is not None and (ent.label_ in {"GPE", "LOC", "FAC"} or (entry and entry.category in {"country", "capital", "place", "institution"})):
                mention.location = ent.text
                mention.location_country = entry.country if entry else None
                if entry and entry.country:
                    mention.parties.append(PartyRef.of_state(entry.country, "host", ent.start, ent.end, implied=True))
            else:
                mention.parties += finder.parties_from([obj], "host")
    with_only = [p for p in mention.parties if p.kind not in {"PRON", "GROUP"}]
    if mention.attributes.get("format") == "call" and len(with_only) == 1 and finder.prep_objects(noun, {"with"}) and not (governor is not None and finder.parties_from(finder.subjects(governor))):
        # "The decision followed a telephone conversation with Obama": the one the story is about called him
        mention.parties.append(PartyRef("", "SALIENT", "participant", noun.i, noun.i + 1))
    if governor is None:
        # "flew to Moscow for three hours of talks with Putin": no verb governs the talks
        # directly, the clause they hang from through prepositions says who went
        verb = _enclosing_verb(noun, finder.cues)
        named = [p for p in mention.parties if p.kind not in {"PRON", "GROUP", "SALIENT"} and not p.implied] if verb is None else []
        if len(named) == 1 and named[0].kind == "PERSON" and any(named[0].start <= o.i < named[0].end for o in finder.prep_objects(noun, {"with", "to"})) \
                and _verbless(noun) and noun.lemma_.lower() not in finder.cues.gathering_nouns and not noun.sent.text.rstrip().endswith("?"):
            # "- Monday 8 July, Beijing: talks with President Xi Jinping", "Thursday, Florida: a visit to Donald
            # Trump": an itinerary's item names only the one met; the one who went is the one the story is about
            mention.parties.append(PartyRef("", "SALIENT", "guest" if is_visit else "participant", noun.i, noun.i + 1))
        attach = next((t for t in noun.ancestors if t.head.i == verb.i), None) if verb is not None else None
        if attach is not None and attach.lower_ == "for" and not mention.parties:
            # "Tsipras crossed the border with Zaev for lunch": who went, and with whom
            mention.parties += finder.parties_from(_companions(finder, verb))
        guest_named = is_visit and any(p.role == "guest" and not p.implied for p in mention.parties)
        if attach is not None and not guest_named and (attach.lower_ in {"for", "after", "during", "in", "at"} or noun.head.lower_ in {"at", "during"}):
            # (not "Egypt and Saudi Arabia signed a deal during a visit to Cairo by King Salman": his visit)
            # "flew to Moscow for talks with Putin": the one who went; "Kim and Kim put their names to
            # the document after a day of talks", "Sharon and Abbas declared a halt at a summit": both
            subjects = finder.parties_from(finder.subjects(verb))
            subjects += _addressed_after_their(finder, mention, noun, verb, subjects)
            if any(p.kind not in {"PRON", "GROUP"} for p in mention.parties) or len(subjects) >= 2 or any(p.kind == "GROUP" for p in subjects):
                mention.parties += subjects
                mention.debug["enclosing_verb"] = verb.i  # "flew to Moscow for talks": the talks were there
        return
    glemma = governor.lemma_.lower()
    # "Abe invited Xi to make a state visit to Japan", "Modi had invited Xi to a similar summit in
    # India next year": the one who invites hosts the one invited
    # ("invited Khurelsukh to attend a summit of the BRICS group in Kazan": the one who invites hosts it too)
    if (is_visit or glemma in {"attend", "join"}) and governor.dep_ == "xcomp" and governor.head.lemma_.lower() == "invite":
        invite = governor.head
    else:
        invite = governor if path == "pobj:to" and glemma == "invite" else None
    if invite is not None:
        mention.parties += finder.parties_from(finder.subjects(invite), "host")
        mention.parties += finder.parties_from([c for c in invite.children if c.dep_ == "dobj"], "guest")
    if path and path.startswith("pobj:") and path.split(":")[1] in {"in", "during", "over"} and glemma in COMMUNICATION_VERBS:
        # "Xi warned Biden in a phone call": whom he told is the other party
        mention.parties += finder.parties_from([c for c in governor.children if c.dep_ in {"dobj", "dative"}])
        # "Putin apologised to Aliyev in a phone call"
        mention.parties += finder.parties_from(finder.prep_objects(governor, {"to"}))
    if path in {"dobj", "attr"} or (path and path.startswith("pobj:") and path.split(":")[1] in {"in", "at", "during", "on"}):
        role = "host" if glemma in {"host", "receive", "welcome", "organise", "organize"} and mention.attributes.get("format") != "call" else "guest" if glemma in {"pay", "make"} and is_visit else "participant"
        setting = path is not None and path.startswith("pobj:")  # "announced the deal during a video call with Putin": he was on it
        if setting and is_visit and any(p.role == "guest" and not p.implied for p in mention.parties):
            pass  # "Egypt and Saudi Arabia signed a deal during a visit to Cairo by King Salman": his visit
        elif setting or glemma not in finder.cues.commenting_verbs | {"cancel", "postpone", "deny", "plan", "propose", "seek", "want"} or glemma in {"host"}:
            mention.parties += finder.parties_from(finder.subjects(governor), role)
            if setting:
                # "the terms were hammered out by Putin and Tymoshenko in talks in Moscow", "at talks with
                # Modi, Putin was told": who did it there, or had it done to him
                mention.parties += finder.parties_from(finder.agents(governor), role)
                mention.parties += [p for p in finder.parties_from(finder.passive_subjects(governor), role) if p.kind == "PERSON"]
        elif glemma in {"cancel", "postpone", "plan", "propose", "seek", "want"}:
            mention.parties += finder.parties_from(finder.subjects(governor), role)
        mention.parties += finder.parties_from(finder.prep_objects(governor, PARTY_PREPS))
        if mention.attributes.get("format") == "call" and glemma in {"receive", "get", "take", "answer"}:
            # "received a phone call on Tuesday from Biden": who called
            mention.parties += finder.parties_from(finder.prep_objects(governor, {"from"}) + finder.prep_objects(noun, {"from"}), "participant")
        # "opened the summit in the presence of Modi, Hasina and Sirisena": those present take part
        presence = [o for o in finder.prep_objects(governor, {"in"}) if o.lower_ == "presence"]
        mention.parties += finder.parties_from([x for o in presence for x in finder.prep_objects(o, {"of"})])
        # "held the summit on Friday, joining the prime ministers of Japan, India and Australia"
        for clause in governor.children:
            # (not "..., as Xi met Putin in Moscow": a clause with a subject of its own is another meeting)
            if clause.dep_ in {"advcl", "conj"} and clause.lemma_.lower() in {"join", "accompany", "meet", "welcome", "receive"} | GATHERING_VERBS and not any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
                mention.parties += finder.parties_from([c for c in clause.children if c.dep_ == "dobj"])
            # "hosted a conference on Sudan in Berlin attended by Blinken and Colonna": the parser hangs the
            # participle that tells who else was there on the verb, not on the gathering
            if path == "dobj" and clause.dep_ == "advcl" and clause.tag_ == "VBN" and clause.lemma_.lower() in finder.cues.chair_verbs and not any(
                    c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in clause.children):
                mention.parties += finder.parties_from(finder.agents(clause))
    elif path is None or path.startswith("pobj:"):
        # "Kuleba said after 90 minutes of talks with Lavrov": the clause's subject took part;
        # "after talks in Seoul, Kishida and Yun told a news conference": so did both subjects
        verb = _enclosing_verb(noun, finder.cues)
        if verb is not None and path == "pobj:for" and not mention.parties:
            # "Tsipras crossed the border with Zaev for lunch": with whom he went
            mention.parties += finder.parties_from(_companions(finder, verb))
        if verb is not None:
            subjects = finder.parties_from(finder.subjects(verb))
            subjects += _addressed_after_their(finder, mention, noun, verb, subjects)
            if not subjects and path == "pobj:for":
                # "Nehammer is expected in Kyiv on Saturday for talks with Zelensky": the one expected goes
                subjects = finder.parties_from(finder.passive_subjects(verb))
            # ... and "before the two leaders sat down for an hour of talks": so did they
            # (not "Ivanov flew in, dispatched by Putin after two telephone conversations between the Russian
            # president and Saakashvili": talks "between" two people, told as what came before or after, name
            # both their sides; but "Borrell, who mediated 12 hours of talks between Kurti and Vucic" was there)
            told_apart = path in {"pobj:after", "pobj:before", "pobj:following", "pobj:since"}
            between = finder.parties_from(finder.prep_objects(noun, {"between", "among", "amongst"})) if told_apart else []
            sides_named = len(between) >= 2 and any(p.kind in {"PERSON", "TITLE"} for p in between)
            if not sides_named and (any(p.kind not in {"PRON", "GROUP"} for p in mention.parties) or len(subjects) >= 2 or any(p.kind == "GROUP" for p in subjects)):
                mention.parties += subjects
    elif path in {"nsubj", "nsubjpass"}:
        mention.parties += finder.parties_from(finder.prep_objects(governor, PARTY_PREPS))
        if path == "nsubj" and glemma in GATHERING_VERBS:
            # "the meeting brought together General X and Y"
            mention.parties += finder.parties_from([c for c in governor.children if c.dep_ == "dobj"])
        if path == "nsubjpass":
            mention.parties += finder.parties_from(finder.agents(governor))
            # "The summit was hosted by Nyusi and attended by Ramaphosa, Masisi and Mnangagwa": the
            # passive verbs that share the subject say who else was there
            for clause in governor.children:
                if clause.dep_ == "conj" and clause.tag_ in {"VBN", "VBD"} and clause.lemma_.lower() in finder.cues.chair_verbs and not any(
                        c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
                    mention.parties += finder.parties_from(finder.agents(clause))
            if glemma in finder.cues.chair_verbs and any(c.lower_ == "also" for c in governor.children):
                # "The meeting ... was also attended by Foreign Minister Fidan and Kalin": more people at
                # a meeting already told, not a meeting of theirs
                mention.debug["also_attended"] = True


def _addressed_after_their(finder: ArgumentFinder, mention: Mention, noun, verb, subjects) -> list[PartyRef]:
    """"After their talks, Rama told his Serbian counterpart Aleksandar Vucic ...", "after their meeting,
    Putin thanked Erdogan": talks of "their" own, told by one of them to another, are those two's."""
    theirs = any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children)
    if not theirs or len(subjects) != 1 or any(p.kind not in {"PRON", "GROUP"} for p in mention.parties):
        return []
    told = [c for c in verb.children if c.dep_ in {"dobj", "dative"}] + finder.prep_objects(verb, {"to"})
    return [p for p in finder.parties_from(told) if p.kind in {"PERSON", "TITLE"}]


def _participles_on_its_objects(finder: ArgumentFinder, noun) -> list:
    """"a summit in Paris hosted by Macron", "a summit of Sudan's neighbours attended by Abiy and Kiir":
    the parser hangs the participle on the place or the body the gathering is told with; who hosts
    or attends by it does so at the gathering."""
    if noun.lemma_.lower() not in finder.cues.gathering_nouns:
        return []
    objects = [o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "at"} for o in prep.children if o.dep_ == "pobj"]
    return [c for o in objects for c in o.children if c.dep_ == "acl" and finder.agents(c)]


def _attendees(finder: ArgumentFinder, noun) -> list[PartyRef]:
    """Who was at a summit, told in the sentences after it: "Sisi, King Abdullah II and Abbas were
    among the leaders around the table", "Putin and Xi attended the summit"."""
    found = finder.listed_among(noun, finder.cues.attendee_nouns)
    sents = list(finder.doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= noun.i < s.end)
    for sent in sents[here: here + 3]:
        for token in sent:
            if token.lemma_ == "be" and any(o.lemma_.lower() == "attendance" for o in finder.prep_objects(token, {"in"})) and sent.start > noun.i:
                # "In attendance were President Embaló of Guinea-Bissau, President Tinubu of Nigeria and ..."
                found += [p for p in finder.parties_from(finder.subjects(token)) if p.kind in {"PERSON", "GPE", "ORG"}]
            if token.pos_ != "VERB":
                continue
            lemma = token.lemma_.lower()
            if lemma == "include" and sent.start > noun.i and any(t.lemma_.lower() in finder.cues.attendee_nouns and t.pos_ == "NOUN" for t in sent if t.i < token.i):
                # "Leaders present included Senegal's Macky Sall, Côte d'Ivoire's Alassane Ouattara and ..."
                found += [p for p in finder.parties_from([c for c in token.children if c.dep_ == "dobj"]) if p.kind in {"PERSON", "GPE", "ORG"}]
                continue
            objects = [c for c in token.children if c.dep_ in {"dobj", "dative"}]
            gathering = any(c.lemma_.lower() in finder.cues.gathering_nouns for c in objects)
            # "Putin and Xi attended the summit"; after it, "Kagame attended in person, while Tshisekedi
            # joined by video link"; "Tinubu told the summit that ..."
            if lemma in {"attend", "join"} and (gathering or (not objects and sent.start > noun.i)) or lemma in COMMUNICATION_VERBS and gathering:
                found += [p for p in finder.parties_from(finder.subjects(token)) if p.kind in {"PERSON", "GPE", "ORG"}]
            if lemma == "join" and sent.start > noun.i and any(c.dep_ == "auxpass" for c in token.children):
                # "Host Lula, who called the gathering, was joined by Colombia's Petro, Peru's Boluarte and ...": the
                # host and those who joined him
                found += [p for p in finder.parties_from(finder.passive_subjects(token) + finder.agents(token)) if p.kind in {"PERSON", "GPE", "ORG"}]
    return found


def _companions(finder: ArgumentFinder, verb):
    """"crossed the border with Zaev for lunch": "with" on the verb or on its object."""
    return finder.prep_objects(verb, {"with"}) + [o for c in verb.children if c.dep_ == "dobj" for o in finder.prep_objects(c, {"with"})]


def _verbless(noun) -> bool:
    """A noun with no verb above it, in a sentence with no verb at its root: a heading or a list's item."""
    return noun.sent.root.pos_ not in {"VERB", "AUX"} and all(a.pos_ not in {"VERB", "AUX"} for a in noun.ancestors)


def _enclosing_verb(noun, cues):
    """The verb a noun hangs from through prepositions only ("said after 90 minutes of talks"); the second
    of two coordinated nouns hangs where the first does ("is due in Buenos Aires for a state visit and talks
    with Macri")."""
    token, framed = first_noun_conjunct(noun), False
    for step in range(6):
        # "declared a halt to violence at a summit": through the verb's object too
        through_object = token.i != noun.i and token.dep_ in {"dobj", "xcomp"} and token.pos_ == "NOUN"
        if token.dep_ not in {"pobj", "prep"} and not through_object and not came_away(token) or token.head.i == token.i:
            return None
        framed = framed or token.lemma_.lower() in cues.frame_nouns
        if step >= 4 and not framed:
            return None  # farther only through "at the end of almost a week of talks"
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return None


def _topics(finder: ArgumentFinder, heads) -> list[str]:
    topics = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS or (child.dep_ == "prep" and child.lemma_ in {"regard", "concern"}):
                for pobj in child.children:
                    # "on the sidelines", "on Tuesday evening", "on his first visit", "over lunch": when and
                    # where, not what about
                    setting = pobj.ent_type_ in {"DATE", "TIME"} or (child.lower_ in {"on", "over"} and (
                        pobj.lemma_.lower() in finder.cues.setting_nouns or pobj.lower_ in finder.cues.setting_nouns))
                    if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and not setting:
                        topics.append(_phrase(pobj))
            if child.dep_ in {"advcl", "xcomp", "conj"} and child.lemma_ in {"discuss", "address", "focus"}:
                for obj in child.children:
                    if obj.dep_ == "dobj" and obj.pos_ == "NOUN":
                        topics.append(_phrase(obj))
    return list(dict.fromkeys(t for t in topics if t))


def _phrase(token) -> str:
    words = [c for c in token.lefts if c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "NOUN"}]
    return " ".join([*(w.text for w in words), token.text]).lower()
