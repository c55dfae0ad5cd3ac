"""Sentence-level check of the extractor against external event-coding test sets.

Reads `petrarch_validation_subset.jsonl` and `plover_gsr_subset.jsonl` (see
`../shared/external/README.md`), runs every sentence through
`tasks.extract.extract_records` as a one-sentence article, and asks one
question per sentence and type: did the extractor emit an event of this type?
That is compared with the records' `our_types` labels.

Why sentence level and not the gold scorer: these sets label sentences with
codes (CAMEO, WEIS, PLOVER), not with our participants, dates and modality,
so only "type present or not" can be compared fairly.

Decisions this script makes on purpose:

* PETRARCH CAMEO records are scored with any modality: PETRARCH itself codes
  "will meet" and "scheduled to attend a summit" as meetings, and under our
  contract those are events too (modality planned).
* PETRARCH WEIS records (`unit_test_only`) use a test dictionary and made-up
  actors; only how many got any event is printed, never a score.
* PLOVER AGREE records are hard negatives ("will visit", "would meet"). An
  event emitted for one counts as a false positive only when its modality is
  asserted or reported; planned, hypothetical or negated events are what our
  contract asks for there, so they are counted apart and not as errors.

Usage:
    python benchmarks/external_check.py [--data-dir DIR] [--json] [--verbose]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "external"
PETRARCH_FILE = "petrarch_validation_subset.jsonl"
PLOVER_FILE = "plover_gsr_subset.jsonl"
TYPES = ("MEETING", "AGREEMENT", "ASYLUM")
HAPPENED = frozenset({"asserted", "reported"})

Extract = Callable[[Iterable[dict]], Iterable[dict]]


# -- input ---------------------------------------------------------------------

def load_jsonl(path: Path) -> list[dict]:
    """Records of one file; blank lines skipped."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def published_from(date: str | None) -> str | None:
    """YYYYMMDD -> ISO date; anything else (e.g. the malformed "121108") -> None.

    A wrong anchor would only mis-resolve relative dates, but a guessed one
    would hide that the source was malformed, so it is dropped.
    """
    if not date or len(date) != 8 or not date.isdigit():
        return None
    try:
        return datetime.strptime(date, "%Y%m%d").date().isoformat()
    except ValueError:
        return None


def to_article(record: dict) -> dict:
    """A one-sentence article in the contract's input shape."""
    article = {"id": record["id"], "text": record["sentence"]}
    published = published_from(record.get("date"))
    if published:
        article["published"] = published
    return article


def run_extractor(records: list[dict], extract: Extract) -> dict[str, list[dict]]:
    """Events per record id, from one extractor call over all the records."""
    by_id: dict[str, list[dict]] = {record["id"]: [] for record in records}
    for event in extract([to_article(record) for record in records]):
        by_id.setdefault(str(event.get("article_id")), []).append(event)
    return by_id


# -- scoring -------------------------------------------------------------------

def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def new_counts() -> dict:
    return {"n": 0, "positives": 0, "tp": 0, "fp": 0, "fn": 0, "tn": 0}


def finish(counts: dict) -> dict:
    """Add P/R/F1 (None where undefined) to raw counts."""
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {**counts, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
            "f1": _ratio(2 * tp, 2 * tp + fp + fn)}


def emitted_types(events: list[dict], happened_only: bool = False) -> set[str]:
    """Upper-case types of the events, optionally only those said to have happened."""
    return {str(e.get("event_type", "")).upper() for e in events
            if not happened_only or e.get("modality") in HAPPENED}


def describe(events: list[dict]) -> list[str]:
    """Short "type/modality" tags for error listings."""
    return [f"{e.get('event_type')}/{e.get('modality')}" for e in events]


def score_sentences(records: list[dict], events: dict[str, list[dict]],
                    happened_only: Callable[[dict], bool] = lambda r: False) -> tuple[dict, list[dict]]:
    """Per type confusion counts of "emits this type" against `our_types`.

    `happened_only(record)` says, per record, whether only asserted/reported
    events count as a detection (the PLOVER hard-negative rule).
    """
    by_type = {t: new_counts() for t in TYPES}
    mistakes = []
    for record in records:
        gold = set(record.get("our_types") or [])
        found = emitted_types(events[record["id"]], happened_only(record))
        for event_type in TYPES:
            counts = by_type[event_type]
            counts["n"] += 1
            counts["positives"] += event_type in gold
            outcome = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}[
                (event_type in gold, event_type in found)]
            counts[outcome] += 1
            if outcome in ("fp", "fn"):
                mistakes.append({"id": record["id"], "type": event_type, "error": outcome.upper(),
                                 "sentence": record["sentence"], "emitted": describe(events[record["id"]])})
    micro = new_counts()
    for counts in by_type.values():
        for key in micro:
            micro[key] += counts[key]
    return {**{t: finish(c) for t, c in by_type.items()}, "micro": finish(micro)}, mistakes


def any_event_summary(records: list[dict], events: dict[str, list[dict]]) -> dict:
    """How many records got any event, and of which types (no labels to score)."""
    with_event = [r for r in records if events[r["id"]]]
    return {"records": len(records), "with_any_event": len(with_event),
            "by_type": {t: sum(t in emitted_types(events[r["id"]]) for r in records) for t in TYPES}}


def is_hard_negative(record: dict) -> bool:
    """PLOVER AGREE records: intent to cooperate, which we may emit as planned."""
    return bool(record.get("hard_negative")) or record.get("plover_event") == "AGREE"


def hard_negative_summary(records: list[dict], events: dict[str, list[dict]]) -> dict:
    """Split AGREE records by what we emitted: happened (error), not happened (fine), nothing."""
    summary = {"records": 0, "happened_event": 0, "not_happened_only": 0, "no_event": 0,
               "happened_boundary_cases": 0, "error_ids": [], "consistent_ids": []}
    for record in filter(is_hard_negative, records):
        found = events[record["id"]]
        summary["records"] += 1
        if any(e.get("modality") in HAPPENED for e in found):
            summary["happened_event"] += 1
            summary["happened_boundary_cases"] += bool(record.get("boundary_case"))
            summary["error_ids"].append(record["id"])
        elif found:
            summary["not_happened_only"] += 1
            summary["consistent_ids"].append(record["id"])
        else:
            summary["no_event"] += 1
    return summary


# -- the two datasets -------------------------------------------------------------

def check_petrarch(records: list[dict], extract: Extract) -> dict:
    """CAMEO records scored by type; WEIS unit tests only counted."""
    events = run_extractor(records, extract)
    cameo = [r for r in records if r.get("code_scheme") == "CAMEO"]
    weis = [r for r in records if r.get("label") == "unit_test_only"]
    scores, mistakes = score_sentences(cameo, events)
    return {"cameo": {"records": len(cameo), "scores": scores, "mistakes": mistakes},
            "weis_unit_tests": any_event_summary(weis, events)}


def check_plover(records: list[dict], extract: Extract) -> dict:
    """Scored by type, with not-happened events on AGREE records not counted as FP."""
    events = run_extractor(records, extract)
    scores, mistakes = score_sentences(records, events, happened_only=is_hard_negative)
    return {"records": len(records), "scores": scores, "mistakes": mistakes,
            "hard_negatives": hard_negative_summary(records, events)}


def run_checks(data_dir: Path, extract: Extract) -> dict:
    """Both datasets, as one JSON-ready summary."""
    return {"data_dir": str(data_dir),
            "petrarch": check_petrarch(load_jsonl(data_dir / PETRARCH_FILE), extract),
            "plover": check_plover(load_jsonl(data_dir / PLOVER_FILE), extract)}


# -- output ----------------------------------------------------------------------

def _fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def score_rows(dataset: str, scores: dict) -> list[str]:
    """One table row per type plus micro."""
    rows = []
    for name in (*TYPES, "micro"):
        c = scores[name]
        rows.append(f"{dataset:<16} {name:<10} {c['positives']:>4} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} "
                    f"{_fmt(c['precision'])} {_fmt(c['recall'])} {_fmt(c['f1'])}")
    return rows


def format_summary(summary: dict, verbose: bool = False) -> str:
    """Compact table and the two notes that keep the numbers honest."""
    petrarch, plover = summary["petrarch"], summary["plover"]
    weis, hard = petrarch["weis_unit_tests"], plover["hard_negatives"]
    lines = [f"data: {summary['data_dir']}",
             f"sentence level: does the extractor emit an event of the type? "
             f"(PETRARCH CAMEO n={petrarch['cameo']['records']}, PLOVER n={plover['records']})",
             "",
             f"{'dataset':<16} {'type':<10} {'pos':>4} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>5} {'R':>5} {'F1':>5}"]
    lines += score_rows("petrarch-cameo", petrarch["cameo"]["scores"])
    lines += score_rows("plover", plover["scores"])
    lines += ["",
              f"petrarch WEIS unit tests (not scored: WEIS codes, made-up actors): "
              f"{weis['with_any_event']}/{weis['records']} got an event "
              f"({', '.join(f'{t.lower()} {n}' for t, n in weis['by_type'].items())})",
              f"plover AGREE hard negatives ({hard['records']}): "
              f"{hard['happened_event']} with an asserted/reported event (errors, counted as FP; "
              f"{hard['happened_boundary_cases']} of them boundary cases), "
              f"{hard['not_happened_only']} with only planned/hypothetical/negated events "
              f"(consistent with the contract: NOT counted as FP), {hard['no_event']} with none"]
    if verbose:
        lines += ["", "mistakes:"]
        for dataset, mistakes in (("petrarch-cameo", petrarch["cameo"]["mistakes"]),
                                  ("plover", plover["mistakes"])):
            for m in mistakes:
                lines.append(f"  {dataset} {m['error']} {m['type']:<9} {m['id']}: {m['sentence'][:100]}"
                             f"  -> {m['emitted'] or 'nothing'}")
        if hard["consistent_ids"]:
            lines.append(f"  plover AGREE emitted as not happened: {', '.join(hard['consistent_ids'])}")
    return "\n".join(lines)


def load_extractor() -> Extract:
    """Import the extractor late, so --help works without spaCy."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from tasks.extract import extract_records
    return extract_records


def main(argv: list[str] | None = None, extract: Extract | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help=f"folder with {PETRARCH_FILE} and {PLOVER_FILE} (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print a JSON summary instead of the table")
    parser.add_argument("--verbose", action="store_true", help="list every sentence-level mistake")
    args = parser.parse_args(argv)
    for name in (PETRARCH_FILE, PLOVER_FILE):
        if not (args.data_dir / name).is_file():
            parser.error(f"{args.data_dir / name} not found (use --data-dir)")
    if extract is None:
        try:
            extract = load_extractor()
        except ImportError as exc:
            print(f"cannot import tasks.extract.extract_records: {exc}", file=sys.stderr)
            return 2
    summary = run_checks(args.data_dir, extract)
    print(json.dumps(summary, indent=2) if args.json else format_summary(summary, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
