"""Extraction throughput and memory on real newswire (Reuters-21578 from ../shared/external).

Prints words per second and documents per second for the full extractor
(spaCy model + gazetteer + triggers + assembly), next to the bare spaCy
model on the same texts, plus peak resident memory. Benchmarks may read
../shared/external; the product never does.

    python benchmarks/extract_throughput.py [--docs 2000] [--corpus PATH]
"""
from __future__ import annotations

import argparse
import resource
import tarfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "external" / "corpus" / "reuters21578.tar.gz"


def reuters_bodies(path: Path, limit: int) -> list[dict]:
    """Bodies of Reuters stories, read with lxml's recovering XML parser (the files are SGML)."""
    docs: list[dict] = []
    parser = etree.XMLParser(recover=True)
    with tarfile.open(path) as archive:
        for member in sorted(archive.getmembers(), key=lambda m: m.name):
            if not member.name.endswith(".sgm"):
                continue
            raw = archive.extractfile(member).read().decode("latin-1")
            raw = raw.split(">", 1)[1] if raw.startswith("<!DOCTYPE") else raw
            tree = etree.fromstring(f"<root>{raw}</root>".encode("utf-8"), parser=parser)
            for story in tree.iter("REUTERS"):
                body = story.find(".//BODY")
                if body is None or not (body.text or "").strip():
                    continue
                text = "".join(ch for ch in body.text if ch >= " " or ch in "\n\t")
                docs.append({"id": story.get("NEWID"), "text": text.strip()})
                if len(docs) >= limit:
                    return docs
    return docs


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")

    docs = reuters_bodies(args.corpus, args.docs)
    words = sum(len(d["text"].split()) for d in docs)
    print(f"corpus: {len(docs)} Reuters bodies, {words:,} words")

    import spacy

    from tasks.extract import extract_records
    from tasks.extract.pipeline import MODEL, load_pipeline

    bare = spacy.load(MODEL)
    start = time.perf_counter()
    for _ in bare.pipe((d["text"] for d in docs), batch_size=64):
        pass
    bare_s = time.perf_counter() - start

    load_pipeline()
    start = time.perf_counter()
    events = extract_records(docs, batch_size=64)
    full_s = time.perf_counter() - start

    by_type: dict[str, int] = {}
    for event in events:
        by_type[event["event_type"]] = by_type.get(event["event_type"], 0) + 1
    print(f"bare spaCy model : {words / bare_s:8.0f} words/s  {len(docs) / bare_s:6.1f} docs/s  ({bare_s:.1f} s)")
    print(f"full extractor   : {words / full_s:8.0f} words/s  {len(docs) / full_s:6.1f} docs/s  ({full_s:.1f} s)")
    print(f"overhead of ours : {full_s / bare_s:8.2f} x the bare model")
    print(f"events           : {len(events)} {by_type}")
    print(f"peak RSS         : {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
