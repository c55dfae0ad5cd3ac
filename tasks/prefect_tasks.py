"""The steps as Prefect tasks: each decorator carries the step's operational
policy (retries, names, no caching); each body calls the plain function.

Task results are not cached: a batch is never the same twice, and hashing
its texts for a cache key would cost more than the check it saves.
"""
from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE

from tasks import store as store_step
from tasks.batch import Batch, clean_batch, extract_batch
from tasks.fetch import FetchResult, FetchState, Source, fetch_source


@task(name="load-memory", cache_policy=NO_CACHE)
def load_memory(data_dir: str) -> store_step.RunMemory:
    return store_step.load_memory(data_dir)


# No retries here: the HTTP client retries transient failures itself, and a
# source's failures come back as error rows, not exceptions.
@task(name="fetch", task_run_name="fetch-{source.name}", cache_policy=NO_CACHE)
def fetch(source: Source, state: FetchState | None = None, fetcher=None) -> FetchResult:
    return fetch_source(source, state, fetcher)


@task(name="select-new", cache_policy=NO_CACHE)
def select_new(data_dir: str, sources: list[Source], results: list[FetchResult]):
    return store_step.select_new_documents(data_dir, sources, results)


@task(name="clean", task_run_name="clean-{batch.number}", cache_policy=NO_CACHE)
def clean(batch: Batch, topics_by_source: dict[str, tuple[str, ...]], copies=None) -> Batch:
    return clean_batch(batch, topics_by_source, copies)


@task(name="skip-stored", task_run_name="skip-stored-{batch.number}", cache_policy=NO_CACHE)
def skip_stored(data_dir: str, batch: Batch) -> Batch:
    return store_step.skip_stored(data_dir, batch)


@task(name="extract", task_run_name="extract-{batch.number}", cache_policy=NO_CACHE)
def extract(batch: Batch) -> Batch:
    return extract_batch(batch)


# Storing is idempotent (deterministic ids, upserts), so a retry after a
# crash or a busy warehouse is safe.
@task(name="store", task_run_name="store-{batch.number}", retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE)
def store(data_dir: str, run, batch: Batch) -> store_step.StoreReport:
    return store_step.store_batch(data_dir, run, batch)


@task(name="export-parquet", retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE)
def export(data_dir: str, changed) -> dict[str, int]:
    return store_step.export(data_dir, changed)


@task(name="select-stored", cache_policy=NO_CACHE)
def select_stored(data_dir: str, extractor_version: str, every: bool):
    return store_step.stored_articles_to_reprocess(data_dir, extractor_version, every)
