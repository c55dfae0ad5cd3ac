"""Time the ingest flow on N synthetic articles, and each step without Prefect.

    python benchmarks/flow_throughput.py --articles 400 --batch-size 100

Synthetic articles are drawn from sentence templates (a meeting, an
agreement or an asylum grant between leaders of a small cast, among filler
sentences with random places, numbers and topics), spread over three outlets
and ten publication days: every one is new to the warehouse and no two are
near copies, while reports of the same meeting on the same days merge into
one event. Prints: the flow's first run (everything new), its second run
(everything unchanged), a `reprocess --all` run (every stored text
extracted again, a batch at a time), the same work as plain function calls,
so the difference is what Prefect costs, and the process's peak RSS after
each stage. Runs under Prefect's test harness unless
PREFECT_API_URL is set or --temporary-server is given.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from contextlib import nullcontext
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUTLETS = ("Kurdistan24", "Outlet Two", "Outlet Three")
LEADERS = (
    ("Vladimir Putin", "Russia", "Moscow"),
    ("Ahmed al-Sharaa", "Syria", "Damascus"),
    ("Recep Tayyip Erdogan", "Turkey", "Ankara"),
    ("Emmanuel Macron", "France", "Paris"),
    ("Abdel Fattah al-Sisi", "Egypt", "Cairo"),
    ("Masoud Pezeshkian", "Iran", "Tehran"),
)
EVENTS = (
    "{a}, the president of {ca}, met {b} in {city} on {weekday} to discuss {topic}.",
    "{ca} and {cb} signed an agreement on {topic} in {city} on {weekday}.",
    "{a} said {ca} had granted asylum to {b} on humanitarian grounds.",
)
FILLER = (
    "Officials in {city} said the talks on {topic} would continue for {n} more weeks.",
    "Traders in {city} watched {topic} closely, with prices up {n} percent since {month}.",
    "Analysts said the {topic} question had dominated debate in {city} since {month}.",
    "A spokesman declined to comment on reports about {topic} and the {n} delegates.",
    "The ministry published {n} pages of documents on {topic} late on {weekday}.",
    "Protesters gathered outside the parliament in {city} on {weekday}, police said.",
    "Newspapers in {city} devoted {n} columns to {topic} on their front pages.",
    "Weather in {city} delayed {n} flights, the airport said on {weekday}.",
    "The central bank in {city} kept its main rate at {n} percent in {month}.",
    "Diplomats described the mood in {city} as cautious after {n} hours of discussion.",
    "A report on {topic} from {month} found {n} cases still under review.",
    "Local television in {city} interviewed {n} residents about {topic}.",
)
TOPICS = ("energy", "oil fields", "grain exports", "military bases", "refugees", "trade", "reconstruction",
          "water rights", "tourism", "railways", "debt relief", "border security")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("January", "March", "May", "July", "September", "November")


def synthetic_text(rng: random.Random) -> str:
    (a, ca, _), (b, cb, city_b) = rng.sample(LEADERS, 2)
    def fill(template: str) -> str:
        return template.format(a=a, b=b, ca=ca, cb=cb, city=rng.choice([city_b] + [c for _, _, c in LEADERS]),
                               weekday=rng.choice(WEEKDAYS), topic=rng.choice(TOPICS), n=rng.randint(2, 900),
                               month=rng.choice(MONTHS))
    sentences = [fill(t) for t in rng.sample(FILLER, rng.randint(6, 10))]
    for template in rng.sample(EVENTS, rng.randint(1, 2)):
        sentences.insert(rng.randint(0, len(sentences)), fill(template))
    return "\n".join(sentences)


def write_articles(path: Path, n: int) -> int:
    """Write n articles as JSON Lines; returns the number of words."""
    rng = random.Random(20251015)
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = synthetic_text(rng)
            words += len(body.split())
            record = {
                "id": f"synthetic-{i:06d}",
                "title": f"Synthetic report {i}",
                "published": (date(2025, 10, 15) + timedelta(days=i % 10)).isoformat(),
                "source": OUTLETS[i % len(OUTLETS)],
                "text": body,
            }
            out.write(json.dumps(record) + "\n")
    return words


def time_plain_steps(articles_file: Path, data_dir: Path, batch_size: int) -> dict[str, float]:
    """The same pipeline as plain function calls: no Prefect at all."""
    from tasks.batch import clean_batch, current_extractor_version, extract_batch, plan_batches
    from tasks.fetch import fetch_source
    from tasks.fetch.sources import source_from_spec
    from tasks.store import export, load_memory, new_run, select_new_documents, skip_stored, store_batch

    timings = dict.fromkeys(("fetch", "clean", "extract", "store", "export"), 0.0)
    source = source_from_spec(str(articles_file))
    run = new_run("benchmark", current_extractor_version())
    start = time.perf_counter()
    memory = load_memory(data_dir)
    fetched = fetch_source(source, memory.fetch_state)
    items, report = select_new_documents(data_dir, [source], [fetched])
    timings["fetch"] = time.perf_counter() - start
    changed = None
    for batch in plan_batches(items, batch_size, report):
        start = time.perf_counter()
        batch = skip_stored(data_dir, clean_batch(batch, copies=memory.copies))
        timings["clean"] += time.perf_counter() - start
        start = time.perf_counter()
        batch = extract_batch(batch)
        timings["extract"] += time.perf_counter() - start
        start = time.perf_counter()
        stored = store_batch(data_dir, run, batch)
        timings["store"] += time.perf_counter() - start
        if changed is None:
            changed = stored.changed
        else:
            changed.update(stored.changed)
    start = time.perf_counter()
    export(data_dir, changed)
    timings["export"] = time.perf_counter() - start
    return timings


def peak_rss_mb() -> float:
    """The process's peak resident set so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--temporary-server", action="store_true", help="use Prefect's temporary server, as `newsevents run` does")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (articles and both warehouses)")
    args = parser.parse_args()

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # The extract task is cached by content; the same synthetic articles must
    # be extracted again, or a second benchmark would time cache reads.
    os.environ.setdefault("PREFECT_TASKS_REFRESH_CACHE", "true")
    from tasks.batch import current_extractor_version
    from tasks.extract import extract_articles

    work = Path(tempfile.mkdtemp(prefix="newsevents-bench-"))
    articles_file = work / "articles.jsonl"
    words = write_articles(articles_file, args.articles)
    extract_articles([])  # load the model before timing anything
    current_extractor_version()
    print(f"{args.articles} articles, {words} words, batch size {args.batch_size}, work folder {work}")

    rss = {"model loaded": peak_rss_mb()}
    plain = time_plain_steps(articles_file, work / "plain", args.batch_size)
    rss["plain steps"] = peak_rss_mb()
    total_plain = sum(plain.values())
    print(f"plain functions     {total_plain:7.2f} s   " + "  ".join(f"{k} {v:.2f}" for k, v in plain.items()))
    print(f"  extract           {words / plain['extract']:7.0f} words/s")

    from prefect.testing.utilities import prefect_test_harness

    from flows.ingest import ingest
    from flows.reprocess import reprocess
    from tasks.fetch.sources import source_from_spec

    use_harness = not args.temporary_server and not os.environ.get("PREFECT_API_URL")
    with prefect_test_harness() if use_harness else nullcontext():
        sources = [source_from_spec(str(articles_file))]
        start = time.perf_counter()
        first = ingest(sources=sources, data_dir=str(work / "flow"), batch_size=args.batch_size)
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        second = ingest(sources=sources, data_dir=str(work / "flow"), batch_size=args.batch_size)
        second_s = time.perf_counter() - start
        rss["flow runs"] = peak_rss_mb()
        start = time.perf_counter()
        again = reprocess(data_dir=str(work / "flow"), batch_size=args.batch_size, every=True)
        reprocess_s = time.perf_counter() - start
        rss["reprocess"] = peak_rss_mb()
    print(f"flow, first run     {first_s:7.2f} s   {args.articles / first_s:.1f} articles/s, "
          f"{first['new_articles']} new, {first['events']} event mentions -> {first['warehouse']['events']} events")
    print(f"flow, second run    {second_s:7.2f} s   {second['new_articles']} new, {second['skipped_articles']} unchanged")
    print(f"reprocess --all     {reprocess_s:7.2f} s   {again['updated_articles']} re-extracted, "
          f"{again['warehouse']['events']} events")
    print(f"Prefect's share     {first_s - total_plain:7.2f} s   "
          f"({'test harness' if use_harness else 'server'}; batches of {args.batch_size})")
    print(f"peak RSS            {rss['reprocess']:7.0f} MB  for {args.articles} articles; after "
          + ", ".join(f"{stage} {mb:.0f}" for stage, mb in rss.items()))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
