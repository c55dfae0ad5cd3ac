"""The store step's plain functions, without Prefect: the cheap checks, batches, run records."""
from __future__ import annotations

import json

from tests.factories import make_article, make_event

from tasks.batch import DUPLICATE, FAILED, PENDING, SKIPPED, UNCHANGED, Batch, clean_batch, extract_batch, plan_batches
from tasks.fetch import FetchAttempt, Source, Validators, fetch_source
from tasks.store import (
    load_memory,
    mark_run_failed,
    new_run,
    select_new_documents,
    skip_stored,
    store_batch,
    stored_articles_to_reprocess,
)
from warehouse.db import open_for_writing
from warehouse.query import run_query
from warehouse.writer import RunRecord, Writer, utcnow

TEXT = "Syria's President Ahmed al-Sharaa met Vladimir Putin in Moscow on Wednesday to discuss oil. " * 3


def folder_source(tmp_path, files: dict[str, str], topics=()) -> Source:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Source(name="local", kind="folder", location=str(folder), topics=tuple(topics))


def jsonl_source(tmp_path, records: list[dict], name="feed") -> Source:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" if r else "\n" for r in records), encoding="utf-8")
    return Source(name=name, kind="jsonl", location=str(path))


def ingest_once(data_dir, sources, events_for=lambda article: []):
    """The flow's body without Prefect; the extractor replaced by `events_for`."""
    run = new_run("ingest", "test-1")
    memory = load_memory(data_dir)
    items, report = select_new_documents(data_dir, sources, [fetch_source(s, memory.fetch_state) for s in sources])
    total = []
    for batch in plan_batches(items, 2, report):
        batch = skip_stored(data_dir, clean_batch(batch, {s.name: s.topics for s in sources}, memory.copies))
        for item in batch.pending():
            item.events = events_for(item.article)
        total.append((batch, store_batch(data_dir, run, batch)))
    return run, total


def test_unchanged_documents_are_not_cleaned_again(tmp_path, data_dir):
    source = folder_source(tmp_path, {"a.txt": TEXT, "b.txt": TEXT.replace("oil", "gas")})
    ingest_once(data_dir, [source])
    items, report = select_new_documents(data_dir, [source], [fetch_source(source)])
    assert items == [] and report.unchanged == {"local": 2}
    (tmp_path / "articles" / "b.txt").write_text(TEXT.replace("oil", "wheat"), encoding="utf-8")
    items, report = select_new_documents(data_dir, [source], [fetch_source(source)])
    assert [i.document.uri for i in items] == ["b.txt"] and report.unchanged == {"local": 1}


def test_stored_text_under_a_new_uri_is_not_extracted_again(tmp_path, data_dir):
    ingest_once(data_dir, [jsonl_source(tmp_path, [{"text": TEXT}])])
    # a blank line above moves the article to line 2: a new uri, the same article
    shifted = jsonl_source(tmp_path, [None, {"text": TEXT}])
    items, _ = select_new_documents(data_dir, [shifted], [fetch_source(shifted)])
    batch = skip_stored(data_dir, clean_batch(plan_batches(items, 10)[0]))
    assert [i.status for i in batch.items] == [UNCHANGED]


def test_the_same_text_from_another_source_is_a_duplicate(tmp_path, data_dir):
    first = jsonl_source(tmp_path, [{"id": "x-1", "text": TEXT}], name="one")
    second = jsonl_source(tmp_path, [{"id": "y-9", "text": TEXT}], name="two")
    ingest_once(data_dir, [first])
    _, [(batch, report)] = ingest_once(data_dir, [second])
    assert [i.status for i in batch.items] == [DUPLICATE]
    assert report.skipped_by_reason == {"duplicate": 1}
    assert run_query(data_dir, "SELECT article_id FROM articles").rows == [("x-1",)]
    assert run_query(data_dir, "SELECT article_id, duplicate_of FROM article_copies").rows == [("y-9", "x-1")]


def test_a_near_copy_of_a_stored_article_is_not_extracted(tmp_path, data_dir):
    long_text = " ".join(f"Sentence {i} of a long wire story about talks between Syria and Russia." for i in range(30))
    ingest_once(data_dir, [jsonl_source(tmp_path, [{"id": "wire-1", "text": long_text}], name="one")],
                lambda a: [make_event(a.article_id)])
    copy = long_text.replace("Sentence 29", "Closing line")
    _, [(batch, _)] = ingest_once(data_dir, [jsonl_source(tmp_path, [{"id": "paper-7", "text": copy}], name="two")])
    assert [(i.status, i.duplicate_of) for i in batch.items] == [(DUPLICATE, "wire-1")]
    assert run_query(data_dir, "SELECT count(*) FROM events").rows == [(1,)]


def test_store_batch_records_the_run_fetches_and_documents(tmp_path, data_dir):
    source = folder_source(tmp_path, {"a.txt": TEXT, "b.txt": "Weather: sunny all week long, with light winds."},
                           topics=("Putin",))
    run, results = ingest_once(data_dir, [source], lambda a: [make_event(a.article_id)])
    statuses = sorted(i.status for batch, _ in results for i in batch.items)
    assert statuses == [PENDING, SKIPPED]
    runs = run_query(data_dir, "SELECT status, documents_seen, new_articles, skipped_articles, events, errors FROM runs")
    assert runs.rows == [("completed", 2, 1, 1, 1, 0)]
    fetches = run_query(data_dir, "SELECT uri, stage, status FROM fetches WHERE uri LIKE '%.txt' ORDER BY uri").rows
    assert fetches == [("a.txt", "store", "stored"), ("b.txt", "clean", "skipped")]
    documents = run_query(data_dir, "SELECT uri, status, coalesce(reason LIKE 'off topic%', false) FROM core.documents ORDER BY uri").rows
    assert documents == [("a.txt", "stored", False), ("b.txt", "skipped", True)]
    assert run_query(data_dir, "SELECT count(*) FROM events").rows == [(1,)]
    assert run.run_id in run_query(data_dir, "SELECT run_id FROM runs").rows[0]


def test_an_article_that_breaks_the_extractor_fails_alone(tmp_path):
    source = folder_source(tmp_path, {"a.txt": TEXT, "b.txt": TEXT.replace("oil", "gas")})
    items, _ = select_new_documents(tmp_path / "no-warehouse", [source], [fetch_source(source)])
    batch = clean_batch(plan_batches(items, 10)[0])

    def extract(articles):
        if any("gas" in a.text for a in articles):
            raise ValueError("cannot parse")
        return [make_event(a.article_id) for a in articles]

    extract_batch(batch, extract, country_of=lambda place: None)
    assert [(i.document.uri, i.status, len(i.events)) for i in batch.items] == [("a.txt", PENDING, 1), ("b.txt", FAILED, 0)]
    assert batch.items[1].reason == "ValueError: cannot parse"


def test_a_broken_source_is_an_error_row_and_the_run_goes_on(tmp_path, data_dir):
    good = folder_source(tmp_path, {"a.txt": TEXT})
    missing = Source(name="gone", kind="folder", location=str(tmp_path / "nowhere"))
    _, [(_, report)] = ingest_once(data_dir, [good, missing])
    assert (report.new_articles, report.errors) == (1, 1)
    rows = run_query(data_dir, "SELECT source, stage, status, error FROM fetches WHERE status = 'error'").rows
    assert rows == [("gone", "fetch", "error", "folder does not exist")]
    assert run_query(data_dir, "SELECT errors, status FROM runs").rows == [(1, "completed")]


def test_a_run_that_raised_is_recorded_as_failed(data_dir):
    run = new_run("ingest", "test-1")
    mark_run_failed(data_dir, run, "RuntimeError: boom")
    assert run_query(data_dir, "SELECT status, errors FROM runs").rows == [("failed", 1)]
    assert run_query(data_dir, "SELECT error FROM fetches WHERE stage = 'run'").rows == [("RuntimeError: boom",)]


def _attempt(url, status="ok", **fields):
    return FetchAttempt(source="web", url=url, status=status, kind="page", **fields)


def test_the_fetch_state_is_looked_up_per_url_in_the_warehouse(data_dir):
    run = new_run("ingest", "test-1")
    first = Batch([], final=True, attempts=[
        _attempt("https://a.test/1", etag='"v1"', content_hash="h1", final_url="https://b.test/moved"),
        _attempt("https://a.test/2", status="error", reason="http 500"),
    ])
    store_batch(data_dir, run, first)
    # a 304 repeats no validators: the stored ones stay
    store_batch(data_dir, new_run("ingest", "test-1"), Batch([], final=True, attempts=[
        _attempt("https://a.test/1", status="not_modified"),
    ]))
    memory = load_memory(data_dir)
    with memory.fetch_state as state:
        assert state.validators("https://a.test/1") == Validators('"v1"', None)
        assert state.seen_content("https://a.test/1", "h1") and not state.seen_content("https://a.test/1", "h2")
        assert state.known_entry("https://b.test/moved")  # the redirect target counts as fetched
        assert not state.known_entry("https://a.test/2")  # failures are tried again
        assert state.validators("https://b.test/moved") is None
    # closed: the file is free for the next writer in this process
    store_batch(data_dir, run, Batch([], final=True))
    # and with no warehouse at all, nothing is known and nothing is created
    assert not load_memory(data_dir.parent / "none").fetch_state.known_entry("https://a.test/1")
    assert not (data_dir.parent / "none").exists()


def test_stored_articles_are_read_for_reprocessing_a_batch_at_a_time(data_dir):
    with open_for_writing(data_dir) as con:
        writer = Writer(con)
        writer.begin_run(RunRecord("old", "ingest", utcnow(), "old"))
        for i in range(5):
            article = make_article(f"a{i}", f"text {i}")
            writer.store_article(article, [], run_id="old", extractor_version="current" if i == 2 else "old")
    pages, after, more = [], None, True
    while more:
        items, after, more = stored_articles_to_reprocess(data_dir, "current", after=after, limit=2)
        pages.append([i.article.article_id for i in items])
    assert pages == [["a0", "a1"], ["a3", "a4"]]
    items, _, more = stored_articles_to_reprocess(data_dir, "current", every=True, limit=10)
    assert len(items) == 5 and not more
