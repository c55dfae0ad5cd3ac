"""The steps as Prefect tasks: each decorator carries the step's operational
policy (retries, timeouts, caching); each body calls the plain function.

Timeouts: Prefect interrupts a task only on the flow's main thread, where the
per-batch steps run. `fetch` runs in threads (one per source, through
`.map`), so its bounds are the HTTP client's own (connect, read and total
timeouts per response) and each source's item cap, not a Prefect timeout.

Caching: only `extract` is cached, by the content of its articles and the
extractor's version; its result depends on nothing else. Every other step
reads or writes the warehouse, so its result is not a function of its inputs.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext
from prefect.tasks import exponential_backoff

from tasks import store as store_step
from tasks.batch import Batch, Extraction, clean_batch, extract_events, extraction_key
from tasks.clean import Article
from tasks.fetch import FetchResult, FetchState, Source, fetch_source, source_unavailable

FETCH_RETRIES = 2
FETCH_BACKOFF_SECONDS = 30  # then 60: an outage of a minute or two does not cost a source its run
EXTRACT_TIMEOUT_SECONDS = 1800  # a batch of 100 long articles takes a minute or two on one core
EXTRACT_CACHE_DAYS = 30
STORE_TIMEOUT_SECONDS = 1200  # includes up to 600 s waiting for another writer
CHECK_TIMEOUT_SECONDS = 600  # the cheap steps: reading the warehouse's memory, cleaning a batch
EXPORT_TIMEOUT_SECONDS = 1800


class SourceUnavailable(Exception):
    """A web source's own URL failed for a reason that may pass; Prefect asks again after a backoff."""


def _only_unavailable_sources(task, task_run, state) -> bool:
    try:
        state.result()
    except SourceUnavailable:
        return True
    except Exception:  # noqa: BLE001 - anything else is a bug, not worth a retry
        return False
    return False


def _retries_left() -> int:
    context = TaskRunContext.get()
    if context is None:  # called as a plain function
        return 0
    return context.task.retries - (context.task_run.run_count - 1)


@task(name="load-memory", cache_policy=NO_CACHE, timeout_seconds=CHECK_TIMEOUT_SECONDS)
def load_memory(data_dir: str) -> store_step.RunMemory:
    return store_step.load_memory(data_dir)


# The HTTP client retries each request a couple of times within seconds; this
# retries a whole web source, minutes apart, when its own URL was unreachable.
# The last attempt returns its error rows instead of raising: a source that
# stays down is data in `fetches`, not a failed run.
@task(
    name="fetch",
    task_run_name="fetch-{source.name}",
    cache_policy=NO_CACHE,
    retries=FETCH_RETRIES,
    retry_delay_seconds=exponential_backoff(backoff_factor=FETCH_BACKOFF_SECONDS),
    retry_jitter_factor=0.5,
    retry_condition_fn=_only_unavailable_sources,
)
def fetch(source: Source, state: FetchState | None = None, fetcher=None) -> FetchResult:
    result = fetch_source(source, state, fetcher)
    if source_unavailable(source, result) and _retries_left() > 0:
        raise SourceUnavailable(f"{source.name}: {result.errors[0].reason}")
    return result


@task(name="select-new", cache_policy=NO_CACHE, timeout_seconds=CHECK_TIMEOUT_SECONDS)
def select_new(data_dir: str, sources: list[Source], results: list[FetchResult]):
    return store_step.select_new_documents(data_dir, sources, results)


@task(name="clean", task_run_name="clean-{batch.number}", cache_policy=NO_CACHE, timeout_seconds=CHECK_TIMEOUT_SECONDS)
def clean(batch: Batch, topics_by_source: dict[str, tuple[str, ...]], copies=None) -> Batch:
    return clean_batch(batch, topics_by_source, copies)


@task(name="skip-stored", task_run_name="skip-stored-{batch.number}", cache_policy=NO_CACHE,
      timeout_seconds=CHECK_TIMEOUT_SECONDS)
def skip_stored(data_dir: str, batch: Batch) -> Batch:
    return store_step.skip_stored(data_dir, batch)


def _extraction_cache_key(context, parameters: dict) -> str:
    return extraction_key(parameters["articles"])


# Takes articles, not the batch, and returns only events: what a Dask worker
# is sent and sends back, and what the cache keeps. The cache saves the
# extraction when the same articles come again with the same extractor: a
# run that failed after extracting, or a warehouse rebuilt from scratch.
@task(
    name="extract",
    task_run_name="extract-{batch_number}",
    cache_key_fn=_extraction_cache_key,
    cache_expiration=timedelta(days=EXTRACT_CACHE_DAYS),
    persist_result=True,
    timeout_seconds=EXTRACT_TIMEOUT_SECONDS,
)
def extract(articles: list[Article], batch_number: int = 1) -> Extraction:
    return extract_events(articles)


# Storing is idempotent (deterministic ids, upserts), so a retry after a
# crash or a busy warehouse is safe.
@task(name="store", task_run_name="store-{batch.number}", retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE,
      timeout_seconds=STORE_TIMEOUT_SECONDS)
def store(data_dir: str, run, batch: Batch) -> store_step.StoreReport:
    return store_step.store_batch(data_dir, run, batch)


@task(name="export-parquet", retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE,
      timeout_seconds=EXPORT_TIMEOUT_SECONDS)
def export(data_dir: str, changed) -> dict[str, int]:
    return store_step.export(data_dir, changed)


@task(name="select-stored", task_run_name="select-stored-{number}", cache_policy=NO_CACHE,
      timeout_seconds=CHECK_TIMEOUT_SECONDS)
def select_stored(data_dir: str, extractor_version: str, every: bool, after: str | None, limit: int, number: int = 1):
    return store_step.stored_articles_to_reprocess(data_dir, extractor_version, every, after=after, limit=limit)


def stored_batches(data_dir: str, extractor_version: str, every: bool, batch_size: int) -> Iterator[Batch]:
    """The stored articles to re-extract, a batch at a time as the flow asks for
    them: one `select-stored` run reads one batch of texts, never all of them."""
    after, number = None, 1
    while True:
        items, after, more = select_stored(data_dir, extractor_version, every, after, batch_size, number)
        yield Batch(items, number=number, final=not more)
        if not more:
            return
        number += 1
