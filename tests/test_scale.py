"""Scale-out: the extract step on a Dask cluster gives the warehouse the default runner gives."""
from __future__ import annotations

import json
import shutil
from contextlib import contextmanager

import pytest
from typer.testing import CliRunner

import flows.extraction
from flows.cli import app
from flows.ingest import ingest
from tasks.fetch.sources import DEFAULT_SOURCES, Source
from warehouse.db import open_for_reading

REPORTS = [
    {"id": "a-1", "source": "Outlet A", "published": "2025-10-15",
     "text": "Syrian President Ahmed al-Sharaa met Russian President Vladimir Putin in Moscow on Wednesday. "
             "The two leaders discussed energy and the Russian bases in Syria."},
    {"id": "b-1", "source": "Outlet B", "published": "2025-10-15",
     "text": "Vladimir Putin hosted Syria's leader Ahmed al-Sharaa at the Kremlin in Moscow on Wednesday, "
             "their first meeting since the fall of Assad."},
    {"id": "c-1", "source": "Outlet C", "published": "2025-10-16",
     "text": "Turkey and Syria signed an agreement on water rights in Ankara on Thursday, officials said."},
]


@pytest.fixture
def corpus(tmp_path) -> list[Source]:
    """The seed article and three short reports: four batches of one."""
    folder = tmp_path / "articles"
    shutil.copytree(DEFAULT_SOURCES.parent / "articles", folder)
    feed = tmp_path / "reports.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    return [Source(name="seed", kind="folder", location=str(folder)),
            Source(name="wire", kind="jsonl", location=str(feed))]


def warehouse_events(data_dir) -> dict:
    with open_for_reading(data_dir) as con:
        return {view: con.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall()
                for view in ("events", "event_mentions", "event_participants")}


@pytest.mark.slow
def test_a_two_worker_cluster_gives_the_events_of_the_default_runner(prefect_harness, corpus, tmp_path, monkeypatch):
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.settings import PREFECT_TASKS_REFRESH_CACHE, temporary_settings

    here = ingest(sources=corpus, data_dir=str(tmp_path / "here"), batch_size=1)
    assert here["new_articles"] == 4 and here["events"] >= 4

    cluster = {}
    real_runner = flows.extraction.dask_runner

    @contextmanager
    def watched_runner(dask_address=None, workers=None):
        with real_runner(dask_address, workers) as runner:
            cluster["workers"] = len(runner.client.nthreads())
            submit = runner.submit
            cluster["submitted"] = 0

            def counted(task, parameters, *args, **kwargs):
                cluster["submitted"] += 1
                return submit(task, parameters, *args, **kwargs)

            runner.submit = counted
            yield runner

    monkeypatch.setattr(flows.extraction, "dask_runner", watched_runner)
    # the first run cached every batch's extraction: make the workers do the work again
    with temporary_settings(updates={PREFECT_TASKS_REFRESH_CACHE: True}):
        there = ingest(sources=corpus, data_dir=str(tmp_path / "there"), batch_size=1, workers=2)

    assert cluster == {"workers": 2, "submitted": 4}
    assert {k: there[k] for k in ("new_articles", "events", "events_by_type", "errors")} == \
           {k: here[k] for k in ("new_articles", "events", "events_by_type", "errors")}
    here_rows, there_rows = warehouse_events(tmp_path / "here"), warehouse_events(tmp_path / "there")
    for view, rows in here_rows.items():
        differ = sorted({repr(r) for r in rows} ^ {repr(r) for r in there_rows[view]})
        assert there_rows[view] == rows, f"{view} differ:\n" + "\n".join(differ)
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[there["flow_run_id"]])))
    extracts = sorted((r.name, r.state.name) for r in runs if r.name.startswith("extract"))
    assert extracts == [(f"extract-{n}", "Completed") for n in range(1, 5)]


def test_dask_options_are_one_or_the_other(tmp_path):
    result = CliRunner().invoke(app, ["run", "--data", str(tmp_path), "--workers", "2", "--dask-address", "tcp://x:8786"])
    assert result.exit_code == 2 and "choose one of --dask-address" in result.stderr


def test_workers_with_another_extractor_are_refused():
    from flows.extraction import WorkerMismatch, _finished
    from tasks.batch import Batch, Extraction

    class Done:
        def __init__(self, extraction):
            self.extraction = extraction

        def result(self, timeout=None):
            return self.extraction

    batch = Batch([])
    assert _finished(batch, Done(Extraction(extractor_version="v1")), "v1") is batch
    with pytest.raises(WorkerMismatch, match="ran extractor v0, this run is v1"):
        _finished(batch, Done(Extraction(extractor_version="v0")), "v1")
