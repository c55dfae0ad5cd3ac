"""The `ingest` flow: sources -> fetch -> clean -> extract -> store, batch by batch.

One task run per batch (not per article), and every write to the warehouse
goes through the one `store` task, in this process. A file lock in the data
folder makes two overlapping runs queue instead of interleaving; the second
waits a bounded time, then fails with a clear message. What earlier runs left
(web fetch state, signatures of stored articles) is loaded once at the start,
so unchanged pages are not downloaded and copies are not extracted again.
Extraction runs here, or on Dask when given an address or a worker count
(`flows/extraction.py`). Each run leaves a markdown artifact in Prefect.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from prefect import flow, get_run_logger, runtime, unmapped

from flows.extraction import extraction
from flows.report import publish_run_report
from tasks.batch import current_extractor_version, plan_batches
from tasks.fetch import Source
from tasks.fetch.sources import DEFAULT_SOURCES, load_sources
from tasks.fetch.web import WEB_KINDS
from tasks.prefect_tasks import clean, export, fetch, load_memory, select_new, skip_stored, store
from tasks.store import StoreReport, mark_run_failed, new_run
from warehouse.db import WarehouseBusy
from warehouse.query import warehouse_totals

DEFAULT_BATCH_SIZE = 100
RUN_LOCK_NAME = "run.lock"
RUN_LOCK_WAIT_SECONDS = 1800.0


@flow(name="ingest", description="fetch -> clean -> extract -> store into DuckDB and Parquet")
def ingest(
    sources: list[Source] | None = None,
    data_dir: str = "data",
    batch_size: int = DEFAULT_BATCH_SIZE,
    sources_file: str | None = None,
    dask_address: str | None = None,
    workers: int | None = None,
    lock_wait: float = RUN_LOCK_WAIT_SECONDS,
) -> dict:
    """Fetch, clean, extract and store what is new in the sources.

    Args:
        sources: The sources to read; when empty, those of `sources_file`.
        data_dir: The data folder: events.duckdb, parquet/ and the run lock.
        batch_size: Articles per task run.
        sources_file: A sources TOML file (default: the package's seeds/sources.toml).
        dask_address: A Dask scheduler (tcp://host:8786) to run the extract step on.
        workers: Run the extract step on a local Dask cluster of this many processes.
        lock_wait: Seconds to wait while another run holds the data folder, then fail.
    """
    started = time.monotonic()
    if not sources:
        sources = load_sources(sources_file or DEFAULT_SOURCES)
    with run_lock(data_dir, lock_wait):
        run = new_run("ingest", current_extractor_version(), runtime.flow_run.id)
        total = StoreReport()
        try:
            memory = load_memory(data_dir)
            with web_fetcher(sources) as fetcher, memory.fetch_state:  # the state's file handle closes here
                fetched = fetch.map(sources, unmapped(memory.fetch_state), unmapped(fetcher)).result()
            documents, fetch_report = select_new(data_dir, sources, fetched)
            topics = {s.name: s.topics for s in sources}
            cleaned = (
                skip_stored(data_dir, clean(batch, topics, memory.copies))
                for batch in plan_batches(documents, batch_size, fetch_report)
            )
            with extraction(dask_address, workers) as extract:
                for batch in extract(cleaned):
                    total.add(store(data_dir, run, batch))
            parquet = export(data_dir, total.changed)
        except Exception as exc:
            record_failure(run, data_dir, total, started, exc)
            raise
    summary = run_summary(run, data_dir, total, parquet, started)
    publish_run_report(summary)
    return summary


def record_failure(run, data_dir: str, total: StoreReport, started: float, exc: Exception) -> None:
    """Record a run that raised: in `runs`, and as its Prefect artifact."""
    reason = f"{type(exc).__name__}: {exc}"
    mark_run_failed(data_dir, run, reason)
    partial = {"kind": run.kind, "data_dir": str(data_dir), "run_id": run.run_id,
               "extractor_version": run.extractor_version, **total.to_dict(),
               "seconds": round(time.monotonic() - started, 2)}
    try:
        publish_run_report(partial, failure=reason)
    except Exception:  # noqa: BLE001 - the run's own exception is the one to raise
        get_run_logger().exception("could not publish the report of the failed run")


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
    """One run at a time per data folder: a second run waits up to `wait`
    seconds for the first, then raises WarehouseBusy."""
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(Path(data_dir) / RUN_LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        get_run_logger().warning("another run is using %s; waiting up to %g s", data_dir, wait)
        try:
            lock.acquire(timeout=wait)
        except Timeout as exc:
            raise WarehouseBusy(
                f"another run has held {data_dir} for over {wait:g} s (the lock file is "
                f"{Path(data_dir) / RUN_LOCK_NAME}); nothing was done, try again when it has finished"
            ) from exc
    try:
        yield
    finally:
        lock.release()
