"""How far two annotators agree: the ceiling the extraction targets are set against.

`benchmarks/second_annotation/` holds a second annotation of gold sets that
were already annotated once (AS, AT, AU of `tests/gold/blind13/`), made by an
annotator who read only the contract, `tests/gold/GUIDELINES.md` and the
article texts, never the first annotation or the extractor. Each second
annotation is scored against the first with the project's own scorer
(`tasks.evaluate.score`), the first one playing the gold, and the other way
round; with `--extractor` the extractor is scored against both.

Why: when the extractor scores 0.63 on unseen sets, the question is whether
the gold itself is that uncertain (two careful readers splitting on the
conventions) or the extractor is that far from a careful reader. If two
annotators agree at 0.95, the gap is the extractor's.

An annotation is turned into system events by taking each party's and the
place's first name, the most complete form the guidelines ask to list first:
that is what a good extractor would output, and the scorer then tests it
against the other annotation's alias lists like any system name.

Usage:
    python benchmarks/annotator_agreement.py [--extractor]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tasks.evaluate import Report, load_gold, score  # noqa: E402

SECOND = Path(__file__).resolve().parent / "second_annotation"
FIRST = REPO_ROOT / "tests" / "gold"
TYPES = ("meeting", "asylum", "agreement")


def as_system_events(articles: list[dict]) -> list[dict]:
    """An annotation's events in the shape the scorer takes from the extractor."""
    events = []
    for article in articles:
        for event in article.get("events") or []:
            names = [[party] if isinstance(party, str) else list(party) for party in event.get("participants") or []]
            location = event.get("location")
            if isinstance(location, list):
                location = location[0] if location else None
            events.append({
                "article_id": article["id"],
                "event_type": event["event_type"],
                "modality": event.get("modality"),
                "participants": [{"name": aliases[0] if aliases else ""} for aliases in names],
                "location": location,
                "event_date": event.get("event_date"),
            })
    return events


def first_annotation(second: Path) -> list[dict]:
    """The gold file of the same name under tests/gold, checked to hold the same texts."""
    matches = sorted(FIRST.rglob(second.name))
    if len(matches) != 1:
        raise SystemExit(f"{second.name}: expected one first annotation under {FIRST}, found {len(matches)}")
    first, again = load_gold(matches[0]), load_gold(second)
    if [(a["id"], a["text"]) for a in first] != [(a["id"], a["text"]) for a in again]:
        raise SystemExit(f"{second.name}: the second annotation is not of the same articles and texts")
    return first


def line(name: str, report: Report) -> str:
    micro = report.micro
    types = "  ".join(f"{t} {report.by_type[t].precision or 0:.3f}/{report.by_type[t].recall or 0:.3f}/{report.by_type[t].f1 or 0:.3f}" for t in TYPES)
    attributes = " ".join(f"{k} {v.accuracy or 0:.3f}" for k, v in report.attributes.items())
    return (f"{name:28} F1 {micro.f1 or 0:.3f} (P {micro.precision or 0:.3f} R {micro.recall or 0:.3f}; "
            f"tp {micro.tp} fp {micro.fp} fn {micro.fn})\n{'':28} P/R/F1 {types}\n{'':28} matched: {attributes}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extractor", action="store_true", help="also score the extractor against both annotations")
    args = parser.parse_args(argv)
    seconds = sorted(SECOND.glob("*.jsonl"))
    firsts, agains = [], []
    for second in seconds:
        first = first_annotation(second)
        again = load_gold(second)
        firsts += first
        agains += again
        print(line(f"{second.stem}: second vs first", score(first, as_system_events(again))))
    print(line("pooled: second vs first", score(firsts, as_system_events(agains))))
    print(line("pooled: first vs second", score(agains, as_system_events(firsts))))
    if args.extractor:
        from tasks.extract import extract_records
        from tasks.evaluate import to_record

        events = extract_records([to_record(a) for a in firsts])
        print(line("pooled: extractor vs first", score(firsts, events)))
        print(line("pooled: extractor vs second", score(agains, events)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
