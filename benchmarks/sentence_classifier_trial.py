"""How much a trained sentence classifier adds to the rules on gold text it was not trained on.

    python benchmarks/sentence_classifier_trial.py [--held-out tests/gold/blind14] [--train tests/gold ...]

The trial behind the README's "A trained component, tried": spaCy's
`textcat_multilabel` (bag of words and word pairs) over every sentence, names
masked by their kind, is trained on the gold sets given (by default every
folder and file under tests/gold except the held-out one and the newest,
never-read batch); a sentence is labelled with an event type and whether it
happened when a gold event of that type has min(2, its parties) of its
parties named in it. On the held-out set, where the classifier says a sentence
tells an event of a type and no event of the rules' covers that sentence or
two of its names, the sentence's named parties make one more event. The script
prints the rules' micro F1 on the held-out set and the F1 with those events
added, at several thresholds. It is a measurement, not a part of the pipeline.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tasks.evaluate import load_gold, modality_class, name_matches, score, to_record  # noqa: E402
from tasks.extract import extract_records  # noqa: E402
from tasks.extract.cues import load_cues  # noqa: E402
from tasks.extract.dateline import split_dateline  # noqa: E402
from tasks.extract.gazetteer import load_gazetteer  # noqa: E402
from tasks.extract.names import NameLinker  # noqa: E402
from tasks.extract.pipeline import _docs, _placed, load_pipeline  # noqa: E402

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"
NEWEST = "blind15"  # the batch no one has read: never trained on, never scored here
MASKS = {"PERSON": "Xperson", "GPE": "Xstate", "NORP": "Xstate", "ORG": "Xbody"}
LABELS = [f"{t}_{c}" for t in ("meeting", "asylum", "agreement") for c in ("happened", "not_happened")]


def sentences(articles: list[dict]) -> list[dict]:
    """Every sentence of the articles as the extractor parses it: masked text, names, gold labels."""
    nlp, gazetteer, cues = load_pipeline(), load_gazetteer(), load_cues()
    records = [to_record(a) for a in articles]
    datelines = [_placed(split_dateline(r.get("text") or ""), gazetteer, cues) for r in records]
    rows = []
    for article, doc in zip(articles, nlp.pipe(_docs(nlp, records, datelines), batch_size=32, disable=["newsevents_mentions"])):
        linker = NameLinker(doc, gazetteer, cues)
        for sent in doc.sents:
            parts, at, names = [], sent.start_char, []
            for ent in sent.ents:
                if ent.label_ not in MASKS:
                    continue
                parts += [doc.text[at:ent.start_char], MASKS[ent.label_]]
                at = ent.end_char
                name = linker.clean(ent.text)
                if name and linker.is_person(name):
                    name = linker.canonical_person(name, ent.start)
                if name:
                    names.append(name)
            parts.append(doc.text[at:sent.end_char])
            labels = set()
            for event in article["events"]:
                parties = event.get("participants") or []
                if parties and sum(any(name_matches(n, aliases) for n in names) for aliases in parties) >= min(2, len(parties)):
                    labels.add(f"{event['event_type']}_{modality_class(event['modality']).replace(' ', '_')}")
            rows.append({"article_id": article["id"], "text": "".join(parts).strip(), "sentence": sent.text.strip(),
                         "names": list(dict.fromkeys(names)), "labels": labels})
    return rows


def train(rows: list[dict], epochs: int = 8, seed: int = 0):
    fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2, "no_output_layer": False, "length": 262144}})
    for label in LABELS:
        textcat.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(r["text"]), {"cats": {l: float(l in r["labels"]) for l in LABELS}}) for r in rows]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def with_classifier(events: list[dict], rows: list[dict], cats: list[dict], threshold: float) -> list[dict]:
    extra: list[dict] = []
    for row, scored in zip(rows, cats):
        if len(row["names"]) < 2:
            continue
        for label, p in scored.items():
            if p < threshold:
                continue
            event_type, happened = label.split("_", 1)
            covered = any(e["event_type"] == event_type and e["article_id"] == row["article_id"] and (
                e["sentence"].strip() == row["sentence"] or sum(any(name_matches(n, [q["name"]]) for n in row["names"]) for q in e["participants"]) >= 2)
                for e in events + extra)
            if not covered:
                extra.append({"article_id": row["article_id"], "event_type": event_type, "participants": [{"name": n} for n in row["names"]],
                              "modality": "asserted" if happened == "happened" else "planned", "location": None, "event_date": None,
                              "sentence": row["sentence"]})
    return events + extra


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", default=str(GOLD / "blind14"))
    parser.add_argument("--train", nargs="*", help="gold files or folders (default: all of tests/gold but the held-out and the newest batch)")
    args = parser.parse_args()
    held_out = Path(args.held_out).resolve()
    train_paths = [Path(p) for p in args.train] if args.train else sorted(
        p for p in [*GOLD.glob("*.jsonl"), *(d for d in GOLD.iterdir() if d.is_dir())] if p.resolve() != held_out and p.name != NEWEST)
    train_rows = sentences(load_gold(train_paths))
    test_articles = load_gold(held_out)
    test_rows = sentences(test_articles)
    print(f"trained on {len(train_rows)} sentences of {len(train_paths)} gold files and folders; held out: {held_out.name} ({len(test_rows)} sentences)")
    classifier = train(train_rows)
    cats = [doc.cats for doc in classifier.pipe(r["text"] for r in test_rows)]
    events = extract_records([to_record(a) for a in test_articles])

    def line(tag: str, evs: list[dict]) -> None:
        report = score(test_articles, evs)
        m = report.micro
        print(f"{tag:22} F1 {m.f1:.3f}  P {m.precision:.3f}  R {m.recall:.3f}  tp {m.tp}  fp {m.fp}  fn {m.fn}  | "
              + "  ".join(f"{t} {report.by_type[t].f1 or 0:.3f}" for t in ("meeting", "asylum", "agreement")))

    line("rules", events)
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        line(f"+ classifier >= {threshold}", with_classifier(events, test_rows, cats, threshold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
