"""The `reprocess` flow: re-extract stored texts after the extractor changed.

No fetching and no cleaning: the stored cleaned text is extracted again and
each article's mentions are replaced in one transaction, so no stale mention
of the old version survives. Recorded in `runs` with kind `reprocess`. Like
`ingest`, it can extract on Dask, holds the data folder's run lock and
leaves a markdown artifact.
"""
from __future__ import annotations

import time

from prefect import flow, runtime

from flows.extraction import extraction
from flows.ingest import DEFAULT_BATCH_SIZE, RUN_LOCK_WAIT_SECONDS, record_failure, run_lock, run_summary
from flows.report import publish_run_report
from tasks.batch import current_extractor_version
from tasks.prefect_tasks import export, store, stored_batches
from tasks.store import StoreReport, new_run


@flow(name="reprocess", description="re-extract stored articles whose extractor version is out of date")
def reprocess(
    data_dir: str = "data",
    batch_size: int = DEFAULT_BATCH_SIZE,
    every: bool = False,
    dask_address: str | None = None,
    workers: int | None = None,
    lock_wait: float = RUN_LOCK_WAIT_SECONDS,
) -> dict:
    """Re-extract the stored articles another extractor version extracted (all of them with `every`).

    Args:
        data_dir: The data folder holding events.duckdb.
        batch_size: Articles per task run.
        every: Re-extract every stored article, not only out-of-date ones.
        dask_address: A Dask scheduler (tcp://host:8786) to run the extract step on.
        workers: Run the extract step on a local Dask cluster of this many processes.
        lock_wait: Seconds to wait while another run holds the data folder, then fail.
    """
    started = time.monotonic()
    with run_lock(data_dir, lock_wait):
        version = current_extractor_version()
        run = new_run("reprocess", version, runtime.flow_run.id)
        total = StoreReport()
        try:
            with extraction(dask_address, workers) as extract:
                for batch in extract(stored_batches(data_dir, version, every, batch_size)):
                    total.add(store(data_dir, run, batch))
            parquet = export(data_dir, total.changed)
        except Exception as exc:
            record_failure(run, data_dir, total, started, exc)
            raise
    summary = run_summary(run, data_dir, total, parquet, started)
    publish_run_report(summary)
    return summary
