"""The cue tables of data/cues.json and data/titles.json, loaded once."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


class Cues:
    def __init__(self, cues: dict, titles: dict):
        self.raw = cues
        self.planned_aux = set(cues["planned_aux"])
        self.hypothetical_aux = set(cues["hypothetical_aux"])
        # "Xi's trip would strengthen his hand": what an event will do is said of an event that happened
        self.effect_verbs = set(cues["effect_verbs"])
        self.hypothetical_marks = set(cues["hypothetical_marks"])
        self.planned_governors = set(cues["planned_governors"])
        self.planned_modifiers = set(cues["planned_modifiers"])
        self.negated_governors = {
            kind: set(cues[f"negated_governors_{kind}"]) for kind in ("meeting", "agreement", "asylum")
        }
        self.exhortation_governors = set(cues["exhortation_governors"])
        self.contest_nouns = set(cues.get("contest_nouns", []))
        # "meet the conditions of the IMF", "failed to meet the deadline": what is met is a requirement, not a person
        self.requirement_nouns = set(cues.get("requirement_nouns", []))
        # "received the Charlemagne Prize in Aachen": what is received is an honour, not a guest
        self.award_nouns = set(cues.get("award_nouns", []))
        self.proposal_governors = set(cues.get("proposal_governors", []))
        self.dating_verbs = set(cues["dating_verbs"])
        self.on_places = set(cues["on_places"])
        self.gathering_nouns = set(cues["gathering_nouns"])
        self.attendee_nouns = set(cues["attendee_nouns"])
        self.briefing_words = set(cues["briefing_words"])
        self.taken_in_nouns = set(cues["taken_in_nouns"])
        self.holding_verbs = set(cues["holding_verbs"])
        self.subnational_units = set(cues["subnational_units"])
        self.arrival_verbs = set(cues["arrival_verbs"])
        self.audience_verbs = set(cues["audience_verbs"])
        self.audience_kinds = set(cues["audience_kinds"])
        self.readiness_words = set(cues["readiness_words"])
        self.contact_verbs = set(cues["contact_verbs"])
        self.ratifying_verbs = set(cues["ratifying_verbs"])
        self.setting_nouns = set(cues["setting_nouns"])
        self.topic_stopwords = set(cues["topic_stopwords"])
        self.joint_call_words = set(cues["joint_call_words"])
        self.claim_labels = set(cues["claim_labels"])
        self.verdict_labels = set(cues["verdict_labels"])
        self.false_ratings = set(cues["false_ratings"])
        self.true_ratings = set(cues["true_ratings"])
        # "351,915 people applied for asylum in Germany last year": people counted over a period, a statistic
        self.tally_nouns = set(cues["tally_nouns"])
        self.dateline_labels = set(cues["dateline_labels"])
        self.chair_verbs = set(cues["chair_verbs"])
        self.agreed_nouns = set(cues["agreed_nouns"])
        self.document_heads = set(cues.get("document_heads", []))
        self.not_parties = set(cues["not_parties"])
        self.speaker_roles = set(cues.get("speaker_roles", []))
        self.building_nouns = set(cues["building_nouns"])
        self.city_building_nouns = set(cues["city_building_nouns"])
        self.grounds_nouns = set(cues.get("grounds_nouns", []))
        self.relation_nouns = set(cues["relation_nouns"])
        self.placing_verbs = set(cues["placing_verbs"])
        self.embassy_nouns = set(cues["embassy_nouns"])
        self.commenting_verbs = set(cues["commenting_verbs"])
        self.commitment_nouns = set(cues["commitment_nouns"])
        self.protection_kinds = set(cues["protection_kinds"])
        self.future_markers = set(cues["future_markers"])
        self.following_verbs = set(cues["following_verbs"])
        self.process_spans = set(cues["process_spans"])
        self.invitation_nouns = set(cues["invitation_nouns"])
        self.accepting_verbs = set(cues["accepting_verbs"])
        self.negated_words = set(cues["negated_words"])
        self.negated_modifiers = set(cues["negated_modifiers"])
        self.reported_adverbs = set(cues["reported_adverbs"])
        self.reported_sources = set(cues["reported_sources"])
        self.reported_governors = set(cues["reported_governors"])
        self.statement_verbs = set(cues["statement_verbs"])
        self.agreement_status: dict[str, str] = cues["agreement_status"]
        self.asylum_action: dict[str, str] = cues["asylum_action"]
        self.asylum_recipient_subject = set(cues["asylum_recipient_subject"])
        self.asylum_admission_verbs = set(cues["asylum_admission_verbs"])
        self.asylum_policy_heads = set(cues["asylum_policy_heads"])
        self.generic_adjectives = set(cues.get("generic_adjectives", []))
        self.planning_verbs = set(cues.get("planning_verbs", []))
        self.trade_verbs: dict[str, str] = dict(cues.get("trade_verbs", {}))
        self.leaving_verbs = set(cues["leaving_verbs"])
        self.binding_verbs = set(cues["binding_verbs"])
        self.not_agreement_acts = set(cues["not_agreement_acts"])
        self.vessel_nouns = set(cues["vessel_nouns"])
        self.deciding_verbs = set(cues.get("deciding_verbs", []))
        self.journey_verbs = set(cues.get("journey_verbs", []))
        self.frame_nouns = set(cues.get("frame_nouns", []))
        self.stay_nouns = set(cues.get("stay_nouns", []))
        self.open_states = set(cues.get("open_states", []))
        self.false_friends = {tuple(pair) for pair in cues["agreement_false_friends"]}
        self.known_lemmas = (
            self.planned_governors | self.statement_verbs | self.reported_governors | self.exhortation_governors
            | set().union(*self.negated_governors.values()) | set(self.agreement_status) | set(self.asylum_action)
        )
        self.titles = sorted({t.lower() for t in titles["titles"]}, key=len, reverse=True)
        self.person_nouns = set(titles["person_nouns"])
        self.institution_nouns = set(titles["institution_nouns"])
        self.group_anaphors = set(titles["group_anaphors"])
        self.legislature_nouns = set(titles["legislature_nouns"])
        self.collective_actors = set(titles.get("collective_actors", []))
        self.counterparty_groups = set(titles.get("counterparty_groups", []))
        self.armed_modifiers = set(titles.get("armed_modifiers", []))
        self.collective_people = set(titles.get("collective_people", []))
        self.generic_sides = set(titles.get("generic_sides", []))
        self.kin_nouns = set(titles.get("kin_nouns", []))
        self.org_head_words = set(titles["org_head_words"])
        self.body_heads_over_places = set(titles.get("body_heads_over_places", []))
        self.distinct_titles = set(titles["distinct_titles"])
        self.honorifics = dict(titles.get("honorifics", {}))
        self.name_joiners = set(titles.get("name_joiners", []))
        self.rank_abbreviations = dict(titles.get("rank_abbreviations", {}))
        # an office or a kinship that, in apposition, says a name is a person's ("X, the wife of ...");
        # not "the council", "the team", which organisations are too
        self.person_appositives = (self.person_nouns | self.kin_nouns) - self.org_head_words - self.collective_people - {"opposition", "head", "chief"}


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    return Cues(
        json.loads((DATA / "cues.json").read_text(encoding="utf-8")),
        json.loads((DATA / "titles.json").read_text(encoding="utf-8")),
    )
