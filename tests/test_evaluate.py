"""Tests of the quality scorer with hand-built gold and system events.

No spaCy and no extractor: every number here is worked out by hand from the
matching rules in `tasks/evaluate.py`, so a change to those rules fails here.
"""
from __future__ import annotations

import json

import pytest

from tasks.evaluate import (
    evaluate,
    format_report,
    load_gold,
    name_matches,
    normalize_name,
    report_to_json,
    score,
)

PUTIN = ["Vladimir Putin", "Putin"]
SHARAA = ["Ahmed al-Sharaa", "al-Sharaa", "Sharaa"]
ERDOGAN = ["Recep Tayyip Erdoğan", "Erdoğan"]


def gold_event(event_type="meeting", parties=(SHARAA, PUTIN), location=("Moscow",),
               date="2025-10-15", modality="asserted"):
    return {"event_type": event_type, "participants": [list(p) for p in parties],
            "location": list(location) if location is not None else None,
            "event_date": date, "modality": modality}


def article(events, article_id="a1"):
    return {"id": article_id, "text": "Some text.", "published": "2025-10-15", "events": list(events)}


def sys_event(names=("Ahmed al-Sharaa", "Vladimir Putin"), event_type="meeting", location="Moscow",
              date="2025-10-15", modality="asserted", article_id="a1", event_id="e1", sentence=None):
    return {"event_id": event_id, "article_id": article_id, "event_type": event_type,
            "participants": [{"name": n, "role": "participant", "kind": "PERSON", "country": None} for n in names],
            "location": location, "event_date": date, "modality": modality,
            "attributes": {}, "sentence": sentence}


def counts(report, event_type=None):
    c = report.micro if event_type is None else report.by_type[event_type]
    return (c.tp, c.fp, c.fn)


# -- matching -----------------------------------------------------------------

def test_exact_match_scores_perfectly():
    report = score([article([gold_event()])], [sys_event()])
    assert counts(report) == (1, 0, 0)
    assert counts(report, "meeting") == (1, 0, 0)
    assert (report.micro.precision, report.micro.recall, report.micro.f1) == (1.0, 1.0, 1.0)
    for acc in report.attributes.values():
        assert (acc.correct, acc.total) == (1, 1)
    assert report.errors == []


def test_short_name_matches_alias_by_word_containment():
    gold = gold_event(parties=(["Ahmed al-Sharaa"], PUTIN))
    report = score([article([gold])], [sys_event(names=("Sharaa", "Putin"))])
    assert counts(report) == (1, 0, 0)
    assert report.participants.correct == 1


def test_name_rule_is_whole_words_and_either_direction():
    assert name_matches("Sharaa", ["Ahmed al-Sharaa"])
    assert name_matches("President Ahmed al-Sharaa", ["al-Sharaa"])  # system longer than alias
    assert name_matches("the Kremlin", ["Kremlin"])
    assert name_matches("Sharaa’s", ["Sharaa"])  # curly apostrophe splits words
    assert not name_matches("Shara", ["Ahmed al-Sharaa"])  # part of a word is not a word
    assert not name_matches("Russian", ["Russia"])
    assert not name_matches("", ["Russia"])
    assert not name_matches("Putin", [])
    # Only hyphens and apostrophes split words: other punctuation stays attached.
    assert not name_matches("Moscow, Russia", ["Moscow"])


def test_accents_and_case_do_not_matter():
    assert normalize_name("  Recep  Tayyip ERDOĞAN ") == "recep tayyip erdogan"
    assert normalize_name("al-Sharaa") == "al sharaa"
    gold = gold_event(parties=(ERDOGAN, PUTIN), location=("Ankara",))
    report = score([article([gold])], [sys_event(names=("Erdogan", "putin"), location="ANKARA")])
    assert counts(report) == (1, 0, 0)
    assert report.location.correct == 1


def test_reported_matches_asserted_but_modality_accuracy_is_exact():
    report = score([article([gold_event(modality="asserted")])], [sys_event(modality="reported")])
    assert counts(report) == (1, 0, 0)
    assert (report.modality.correct, report.modality.total) == (0, 1)


def test_planned_does_not_match_asserted():
    report = score([article([gold_event(modality="asserted")])], [sys_event(modality="planned")])
    assert counts(report) == (0, 1, 1)
    assert report.micro.precision == 0.0 and report.micro.recall == 0.0
    fn = next(e for e in report.errors if e["kind"] == "false_negative")
    assert fn["reason"].startswith("modality class differs")


def test_not_happened_modalities_match_each_other():
    report = score([article([gold_event(modality="negated")])], [sys_event(modality="hypothetical")])
    assert counts(report) == (1, 0, 0)
    assert report.modality.correct == 0


def test_missing_system_modality_matches_nothing():
    report = score([article([gold_event()])], [sys_event(modality=None)])
    assert counts(report) == (0, 1, 1)


def test_type_and_article_must_agree():
    events = [sys_event(event_type="agreement", event_id="e1"), sys_event(article_id="other", event_id="e2")]
    report = score([article([gold_event()])], events)
    assert counts(report) == (0, 2, 1)
    assert counts(report, "meeting") == (0, 1, 1)
    assert counts(report, "agreement") == (0, 1, 0)
    reasons = {e["event_id"]: e["reason"] for e in report.errors if e["kind"] == "false_positive"}
    assert reasons == {"e1": None, "e2": "article not in the gold set"}


def test_duplicate_system_events_cost_precision():
    events = [sys_event(event_id="e1"), sys_event(event_id="e2"), sys_event(event_id="e3")]
    report = score([article([gold_event()])], events)
    assert counts(report) == (1, 2, 0)
    assert report.micro.precision == pytest.approx(1 / 3)
    assert report.micro.recall == 1.0
    assert report.micro.f1 == pytest.approx(0.5)
    assert [e["event_id"] for e in report.errors] == ["e2", "e3"]


# -- the min(2, n) party rule -------------------------------------------------

def test_three_party_gold_needs_two_matched():
    gold = gold_event(parties=(["Erdogan"], ["Putin"], ["Rouhani"]))
    assert counts(score([article([gold])], [sys_event(names=("Erdogan", "Rouhani"))])) == (1, 0, 0)
    assert counts(score([article([gold])], [sys_event(names=("Erdogan", "Macron"))])) == (0, 1, 1)


def test_one_party_gold_needs_one_matched():
    gold = gold_event(event_type="asylum", parties=(["Edward Snowden", "Snowden"],), location=None, date=None)
    sys = sys_event(event_type="asylum", names=("Snowden",), location=None, date=None)
    assert counts(score([article([gold])], [sys])) == (1, 0, 0)
    sys_wrong = sys_event(event_type="asylum", names=("Assange",), location=None, date=None)
    assert counts(score([article([gold])], [sys_wrong])) == (0, 1, 1)


def test_zero_party_gold_needs_none():
    gold = gold_event(parties=())
    report = score([article([gold])], [sys_event(names=("Anyone", "Else"))])
    assert counts(report) == (1, 0, 0)
    assert report.participants.correct == 0  # two extras that match no gold party


def test_one_system_name_cannot_fill_two_parties():
    # "Putin" and "Vladimir Putin" both name the same party; the other party stays unmatched.
    report = score([article([gold_event()])], [sys_event(names=("Putin", "Vladimir Putin"))])
    assert counts(report) == (0, 1, 1)
    assert "1 of 2" in next(e for e in report.errors if e["kind"] == "false_negative")["reason"]


def test_party_matching_is_maximal_not_first_come():
    # "Russia" could fill either party; a first-come pass gives it to the first
    # party and leaves the second empty. Maximal matching finds both.
    gold = gold_event(event_type="agreement", parties=(["Vladimir Putin", "Putin", "Russia"], ["Russia", "Moscow"]),
                      location=None, date=None)
    sys = sys_event(event_type="agreement", names=("Russia", "Putin"), location=None, date=None)
    report = score([article([gold])], [sys])
    assert counts(report) == (1, 0, 0)
    assert report.participants.correct == 1


# -- one-to-one assignment ----------------------------------------------------

def test_one_system_event_matches_one_gold_event():
    golds = [gold_event(parties=(["Erdogan"], ["Putin"])), gold_event(parties=(["Erdogan"], ["Putin"]))]
    report = score([article(golds)], [sys_event(names=("Erdogan", "Putin"))])
    assert counts(report) == (1, 0, 1)


def test_assignment_prefers_more_matched_parties():
    # In gold order, gold 0 would take e1 (it qualifies), leaving e2 for the
    # three-party gold 1 and both participant sets wrong. Best first pairs
    # e1 (3 parties) with gold 1 and e2 with gold 0.
    golds = [gold_event(parties=(["Erdogan"], ["Putin"])),
             gold_event(parties=(["Erdogan"], ["Putin"], ["Rouhani"]))]
    events = [sys_event(names=("Erdogan", "Putin", "Rouhani"), event_id="e1"),
              sys_event(names=("Erdogan", "Putin"), event_id="e2")]
    report = score([article(golds)], events)
    assert counts(report) == (2, 0, 0)
    assert (report.participants.correct, report.participants.total) == (2, 2)
    assert {(m["gold_index"], m["event_id"]) for m in report.matches} == {(0, "e2"), (1, "e1")}


def test_assignment_breaks_party_ties_by_attributes():
    golds = [gold_event(location=("Moscow",), date="2025-10-15"),
             gold_event(location=("Ankara",), date="2025-10-16")]
    events = [sys_event(location="Ankara", date="2025-10-16", event_id="e1"),
              sys_event(location="Moscow", date="2025-10-15", event_id="e2")]
    report = score([article(golds)], events)
    assert counts(report) == (2, 0, 0)
    assert (report.location.correct, report.date.correct) == (2, 2)
    assert {(m["gold_index"], m["event_id"]) for m in report.matches} == {(0, "e2"), (1, "e1")}


def test_full_ties_go_by_order():
    golds = [gold_event(), gold_event()]
    events = [sys_event(event_id="e1"), sys_event(event_id="e2")]
    report = score([article(golds)], events)
    assert [(m["gold_index"], m["event_id"]) for m in report.matches] == [(0, "e1"), (1, "e2")]


# -- attribute accuracies -----------------------------------------------------

def test_attribute_accuracies_over_matched_events():
    golds = [
        # all right; extra "Putin" names a gold party so it is not an extra
        gold_event(parties=(SHARAA, PUTIN), location=("Moscow",), date="2025-10-15", modality="asserted"),
        # location: gold null, system says a place -> wrong; date wrong; modality exact
        gold_event(parties=(ERDOGAN, PUTIN), location=None, date="2025-10-16", modality="planned"),
        # location by the name rule; date null == null; modality wrong; extra Lavrov -> participants wrong
        gold_event(event_type="agreement", parties=(["Syria", "Damascus"], ["Russia", "Moscow"]),
                   location=("Moscow",), date=None, modality="asserted"),
        # missing a third party -> participants wrong; gold place, system null -> wrong
        gold_event(event_type="meeting", parties=(["Macron"], ["Scholz"], ["Meloni"]),
                   location=("Rome",), date="2025-10-17", modality="asserted"),
    ]
    events = [
        sys_event(names=("Ahmed al-Sharaa", "Vladimir Putin", "Putin"), event_id="e1"),
        sys_event(names=("Erdogan", "Putin"), location="Ankara", date="2025-10-20", modality="planned", event_id="e2"),
        sys_event(event_type="agreement", names=("Damascus", "Moscow", "Sergei Lavrov"), location="central Moscow",
                  date=None, modality="reported", event_id="e3"),
        sys_event(names=("Macron", "Meloni"), location=None, date="2025-10-17", event_id="e4"),
    ]
    report = score([article(golds)], events)
    assert counts(report) == (4, 0, 0)
    assert (report.participants.correct, report.participants.total) == (2, 4)
    assert (report.location.correct, report.location.total) == (2, 4)
    assert (report.date.correct, report.date.total) == (3, 4)
    assert (report.modality.correct, report.modality.total) == (3, 4)
    assert report.participants.accuracy == 0.5


# -- negatives, errors, output ------------------------------------------------

def test_negative_article_turns_events_into_false_positives():
    gold = [article([], article_id="neg"), article([gold_event()], article_id="pos")]
    events = [sys_event(article_id="neg", event_id="n1", sentence="They agreed that talks matter."),
              sys_event(article_id="neg", event_type="agreement", event_id="n2"),
              sys_event(article_id="pos", event_id="p1")]
    report = score(gold, events)
    assert counts(report) == (1, 2, 0)
    assert counts(report, "meeting") == (1, 1, 0)
    assert counts(report, "agreement") == (0, 1, 0)
    assert report.by_type["agreement"].precision == 0.0
    assert report.by_type["agreement"].recall is None
    assert report.by_type["agreement"].f1 == 0.0
    assert report.by_type["asylum"].f1 is None
    fp = next(e for e in report.errors if e["event_id"] == "n1")
    assert fp["kind"] == "false_positive" and fp["article_id"] == "neg"
    assert fp["sentence"] == "They agreed that talks matter."
    assert fp["participants"] == ["Ahmed al-Sharaa", "Vladimir Putin"]


def test_missed_gold_event_is_reported_with_reason():
    report = score([article([gold_event(event_type="asylum", parties=(["Assad"], ["Putin"]))])], [])
    assert counts(report) == (0, 0, 1)
    assert report.micro.precision is None and report.micro.recall == 0.0
    assert report.errors == [{
        "kind": "false_negative", "article_id": "a1", "event_type": "asylum", "gold_index": 0,
        "participants": [["Assad"], ["Putin"]], "modality": "asserted", "location": ["Moscow"],
        "event_date": "2025-10-15", "sentence": None, "note": None,
        "reason": "no system event of this type in the article"}]


def test_off_contract_type_gets_its_own_row_and_counts_in_micro():
    report = score([article([gold_event()])], [sys_event(), sys_event(event_type="protest", event_id="e2")])
    assert counts(report) == (1, 1, 0)
    assert counts(report, "protest") == (0, 1, 0)
    assert "protest" in format_report(report)


def test_format_and_json():
    report = score([article([gold_event()])], [sys_event(), sys_event(event_id="e2")])
    text = format_report(report)
    lines = text.splitlines()
    micro = next(line for line in lines if line.startswith("micro"))
    assert micro.split() == ["micro", "0.500", "1.000", "0.667", "1", "1", "0"]
    assert any(line.split()[:2] == ["asylum", "-"] for line in lines)
    assert "(1/1)" in text
    data = json.loads(json.dumps(report_to_json(report)))
    assert data["micro"]["tp"] == 1 and data["micro"]["fp"] == 1
    assert data["by_type"]["asylum"]["precision"] is None
    assert data["attributes"]["location"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert len(data["errors"]) == 1


# -- loading and end to end ---------------------------------------------------

def test_load_gold_reads_jsonl_folders_and_seed(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    lines = [json.dumps(article([gold_event()], article_id="g-1")),
             "",
             json.dumps({"text": "No id here.", "url": "https://x.test/2", "events": []})]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "GUIDELINES.md").write_text("# not gold\n", encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Putin met Sharaa.", encoding="utf-8")
    (tmp_path / "seed.gold.json").write_text(json.dumps(
        {"article": "story.txt", "published": "2025-10-15", "events": [gold_event()]}), encoding="utf-8")

    gold = load_gold([folder, tmp_path / "seed.gold.json"])
    assert [a["id"] for a in gold] == ["g-1", "https://x.test/2", "story"]
    assert gold[2]["text"] == "Putin met Sharaa." and gold[2]["published"] == "2025-10-15"
    assert len(load_gold(folder / "a.jsonl")) == 2


def test_load_gold_rejects_bad_types(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(article([gold_event(event_type="meetings")])) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="event_type"):
        load_gold(path)


def test_evaluate_runs_extract_on_records_without_gold(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({**article([gold_event()]), "title": "T", "cases": ["x"]}) + "\n", encoding="utf-8")
    seen = []

    def fake_extract(records):
        seen.extend(records)
        return iter([sys_event(), sys_event(event_id="e2", event_type="asylum")])

    report = evaluate(path, extract=fake_extract)
    assert seen == [{"id": "a1", "title": "T", "published": "2025-10-15", "text": "Some text."}]
    assert counts(report) == (1, 1, 0)
