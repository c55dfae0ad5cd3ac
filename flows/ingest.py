"""The `ingest` flow: sources -> fetch -> clean -> extract -> store, batch by batch.

One task run per batch (not per article), and every write to the warehouse
goes through the one `store` task. A file lock in the data folder makes two
overlapping runs queue instead of interleaving. What earlier runs left (web
fetch state, signatures of stored articles) is loaded once at the start, so
unchanged pages are not downloaded and copies are not extracted again.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from prefect import flow, get_run_logger, runtime, unmapped

from tasks.batch import current_extractor_version, plan_batches
from tasks.fetch import Source
from tasks.fetch.web import WEB_KINDS
from tasks.prefect_tasks import clean, export, extract, fetch, load_memory, select_new, skip_stored, store
from tasks.store import StoreReport, mark_run_failed, new_run
from warehouse.db import WarehouseBusy
from warehouse.query import warehouse_totals

DEFAULT_BATCH_SIZE = 100
RUN_LOCK_NAME = "run.lock"
RUN_LOCK_WAIT_SECONDS = 1800.0


@flow(name="ingest", description="fetch -> clean -> extract -> store into DuckDB and Parquet")
def ingest(sources: list[Source], data_dir: str = "data", batch_size: int = DEFAULT_BATCH_SIZE) -> dict:
    started = time.monotonic()
    with run_lock(data_dir):
        run = new_run("ingest", current_extractor_version(), runtime.flow_run.id)
        try:
            memory = load_memory(data_dir)
            with web_fetcher(sources) as fetcher:
                fetched = fetch.map(sources, unmapped(memory.fetch_state), unmapped(fetcher)).result()
            documents, fetch_report = select_new(data_dir, sources, fetched)
            topics = {s.name: s.topics for s in sources}
            total = StoreReport()
            for batch in plan_batches(documents, batch_size, fetch_report):
                batch = clean(batch, topics, memory.copies)
                batch = skip_stored(data_dir, batch)
                batch = extract(batch)
                total.add(store(data_dir, run, batch))
            parquet = export(data_dir, total.changed)
        except Exception as exc:
            mark_run_failed(data_dir, run, f"{type(exc).__name__}: {exc}")
            raise
    return run_summary(run, data_dir, total, parquet, started)


@contextmanager
def web_fetcher(sources: list[Source]) -> Iterator[object | None]:
    """One HTTP client for the run, shared by its web sources so per-host
    politeness holds across them; None when no source is on the web."""
    if not any(s.kind in WEB_KINDS for s in sources):
        yield None
        return
    from tasks.fetch.http import Fetcher, HttpSettings

    with Fetcher(HttpSettings.from_env()) as fetcher:
        yield fetcher


def run_summary(run, data_dir: str, total: StoreReport, parquet: dict[str, int], started: float) -> dict:
    return {
        "run_id": run.run_id,
        "flow_run_id": run.flow_run_id,
        "kind": run.kind,
        "data_dir": str(data_dir),
        "extractor_version": run.extractor_version,
        **total.to_dict(),
        "parquet_rows_written": parquet,
        "warehouse": warehouse_totals(data_dir),
        "seconds": round(time.monotonic() - started, 2),
    }


@contextmanager
def run_lock(data_dir: str, wait: float = RUN_LOCK_WAIT_SECONDS) -> Iterator[None]:
    """One run at a time per data folder; a second run waits for the first."""
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(Path(data_dir) / RUN_LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        get_run_logger().warning("another run is using %s; waiting up to %g s", data_dir, wait)
        try:
            lock.acquire(timeout=wait)
        except Timeout as exc:
            raise WarehouseBusy(f"another run held {data_dir} for over {wait:g} s") from exc
    try:
        yield
    finally:
        lock.release()
