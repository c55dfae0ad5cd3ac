"""The `reprocess` flow: re-extract stored texts after the extractor changed.

No fetching and no cleaning: the stored cleaned text is extracted again and
each article's mentions are replaced in one transaction, so no stale mention
of the old version survives. Recorded in `runs` with kind `reprocess`.
"""
from __future__ import annotations

import time

from prefect import flow, runtime

from flows.ingest import DEFAULT_BATCH_SIZE, run_lock, run_summary
from tasks.batch import current_extractor_version, plan_batches
from tasks.prefect_tasks import export, extract, select_stored, store
from tasks.store import StoreReport, mark_run_failed, new_run


@flow(name="reprocess", description="re-extract stored articles whose extractor version is out of date")
def reprocess(data_dir: str = "data", batch_size: int = DEFAULT_BATCH_SIZE, every: bool = False) -> dict:
    started = time.monotonic()
    with run_lock(data_dir):
        version = current_extractor_version()
        run = new_run("reprocess", version, runtime.flow_run.id)
        try:
            articles = select_stored(data_dir, version, every)
            total = StoreReport()
            for batch in plan_batches(articles, batch_size):
                batch = extract(batch)
                total.add(store(data_dir, run, batch))
            parquet = export(data_dir, total.changed)
        except Exception as exc:
            mark_run_failed(data_dir, run, f"{type(exc).__name__}: {exc}")
            raise
    return run_summary(run, data_dir, total, parquet, started)
