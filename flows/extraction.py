"""Where the extract step runs: in the flow's own process, or on a Dask cluster.

`extraction(dask_address, workers)` yields a function that turns cleaned
batches into batches with their events, in their order. By default it calls
the `extract` task in the flow's process, one batch after the other. Given a
Dask scheduler's address, or a number of workers for a local cluster, it
submits each batch's articles through prefect-dask's `DaskTaskRunner` and
keeps a few batches in flight while the flow cleans the next ones and stores
the finished ones itself: only articles go to the workers and only events
come back, and storing stays in the flow's process, the one writer.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from functools import partial

from tasks.batch import Batch, articles_to_extract, current_extractor_version, with_events
from tasks.prefect_tasks import EXTRACT_TIMEOUT_SECONDS, extract

Extractor = Callable[[Iterable[Batch]], Iterator[Batch]]

IN_FLIGHT_PER_WORKER = 2  # one running, one waiting: no worker idles while the flow stores


@contextmanager
def extraction(dask_address: str | None = None, workers: int | None = None) -> Iterator[Extractor]:
    if not dask_address and not workers:
        yield extract_here
        return
    with dask_runner(dask_address, workers) as runner:
        slots = sum(runner.client.nthreads().values()) or 1
        yield partial(extract_on, runner, in_flight=IN_FLIGHT_PER_WORKER * slots)


def extract_here(batches: Iterable[Batch]) -> Iterator[Batch]:
    for batch in batches:
        yield with_events(batch, extract(articles_to_extract(batch), batch.number))


class WorkerMismatch(RuntimeError):
    """The Dask workers run another extractor than this process: their events would carry its version."""


def extract_on(runner, batches: Iterable[Batch], in_flight: int) -> Iterator[Batch]:
    # Prefect cannot interrupt a task in a worker's thread (it only warns), so
    # the timeout there is the flow's bounded wait for each result instead.
    remote = extract.with_options()
    remote.timeout_seconds = None
    expected = current_extractor_version()
    window: deque = deque()
    for batch in batches:
        articles = articles_to_extract(batch)
        window.append((batch, runner.submit(remote, {"articles": articles, "batch_number": batch.number})))
        if len(window) >= in_flight:
            yield _finished(*window.popleft(), expected)
    while window:
        yield _finished(*window.popleft(), expected)


def _finished(batch: Batch, future, expected_version: str) -> Batch:
    extraction = future.result(timeout=EXTRACT_TIMEOUT_SECONDS)
    if extraction.extractor_version not in (None, expected_version):
        raise WorkerMismatch(
            f"a Dask worker ran extractor {extraction.extractor_version}, this run is {expected_version}: "
            "install the same newsevents on the workers"
        )
    return with_events(batch, extraction)


@contextmanager
def dask_runner(dask_address: str | None = None, workers: int | None = None):
    """A started DaskTaskRunner: on the scheduler at `dask_address`, or on a
    local cluster of `workers` processes (one thread each: extraction is
    CPU-bound Python, so threads would only share one core)."""
    from prefect_dask import DaskTaskRunner

    if dask_address:
        runner = DaskTaskRunner(address=dask_address)
    else:
        runner = DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                            "dashboard_address": ":0"}
        )
    _quiet_like_prefect("distributed")
    with _workers_reach_this_api(), runner:
        yield runner


def _quiet_like_prefect(logger_name: str) -> None:
    """Dask's own INFO lines (scheduler, nannies) follow Prefect's logging level."""
    from prefect.settings import PREFECT_LOGGING_LEVEL

    logging.getLogger(logger_name).setLevel(PREFECT_LOGGING_LEVEL.value())


def _workers_reach_this_api():
    """Without PREFECT_API_URL the flow talks to a temporary server of its own;
    the workers are told its address (through the settings Prefect sends with
    each task), or each of them would start a server of its own."""
    from prefect.context import FlowRunContext
    from prefect.settings import PREFECT_API_URL, temporary_settings

    context = FlowRunContext.get()
    if PREFECT_API_URL.value() or context is None:
        return nullcontext()
    return temporary_settings(updates={PREFECT_API_URL: str(context.client.api_url)})
