"""Deployments on a real Prefect server (`prefect server start`, not the
temporary one, which cannot run schedules): `newsevents serve` registers
them and a run from the deployment fills a warehouse; without
PREFECT_API_URL it starts and stops a server of its own; `prefect deploy
--all` accepts prefect.yaml for a process work pool.

Every process here is started in a process group of its own and stopped by
its id, with bounded waits.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from flows.serve import SERVER_LOG, start_local_server
from warehouse.db import open_for_reading

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
NEWSEVENTS = [sys.executable, "-m", "flows.cli"]
PREFECT = [sys.executable, "-m", "prefect"]
NEVER = "0 0 1 1 *"  # a schedule that will not fire during the tests


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    """`prefect server start` on 127.0.0.1 and a free port, with a temporary PREFECT_HOME."""
    server = start_local_server(tmp_path_factory.mktemp("prefect-server"), wait=120)
    try:
        yield server
    finally:
        server.stop()
        assert server.process.poll() is not None


def client_environment(home: Path, api_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_RUNNER_POLL_FREQUENCY="2")
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


class Command:
    """A command in its own process group, its output in files we can poll."""

    def __init__(self, args: list[str], env: dict, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.stdout_path, self.stderr_path = folder / "stdout", folder / "stderr"
        with self.stdout_path.open("wb") as out, self.stderr_path.open("wb") as err:
            self.process = subprocess.Popen(args, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                            stderr=err, start_new_session=True)

    @property
    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, pattern: str, timeout: float) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = re.search(pattern, self.stdout)
            if match:
                return match
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"no {pattern!r} in the output after {timeout} s (exit code {self.process.poll()})\n"
                             f"stdout:\n{self.stdout}\nstderr:\n{self.stderr_path.read_text()[-3000:]}")

    def stop(self, signum: int, timeout: float) -> int:
        self.process.send_signal(signum)
        return self.process.wait(timeout)

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)


@contextmanager
def command(args: list[str], env: dict, folder: Path):
    started = Command(args, env, folder)
    try:
        yield started
    finally:
        started.kill()


@contextmanager
def prefect_client(api_url: str):
    from prefect import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}), get_client(sync_client=True) as client:
        yield client


def wait_for_deployment(client, name: str, timeout: float):
    """The deployment `serve` registered (not one of a work pool), once it is there."""
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout
    while True:
        try:
            deployment = client.read_deployment_by_name(name)
            if deployment.work_pool_name is None:
                return deployment
        except ObjectNotFound:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{name} was not served within {timeout} s")
        time.sleep(0.5)


def test_a_run_of_the_served_deployment_fills_a_warehouse(prefect_server, tmp_path):
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    data = tmp_path / "data"
    env = client_environment(tmp_path / "home", prefect_server.api_url)
    with command([*NEWSEVENTS, "serve", "--data", str(data), "--cron", NEVER], env, tmp_path / "serve") as serve:
        serve.wait_for("Ctrl-C stops", 120)
        assert f"Using the Prefect server at {prefect_server.api_url}" in serve.stdout
        assert not (data / "prefect").exists(), "with PREFECT_API_URL it starts no server"
        with prefect_client(prefect_server.api_url) as client:
            ingest = wait_for_deployment(client, "ingest/ingest", 60)
            reprocess = wait_for_deployment(client, "reprocess/reprocess", 60)
            assert [s.schedule.cron for s in ingest.schedules] == [NEVER] and ingest.schedules[0].active
            assert ingest.parameters == {"data_dir": str(data)} and ingest.global_concurrency_limit.limit == 1
            assert reprocess.schedules == []

            with temporary_settings(updates={PREFECT_API_URL: prefect_server.api_url}):
                flow_run = run_deployment("ingest/ingest", timeout=240, poll_interval=1)
            assert flow_run.state.is_completed(), flow_run.state
            [report] = [a for a in client.read_artifacts(artifact_filter=ArtifactFilter(
                flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id]))) if a.key == "newsevents-ingest"]
            assert "| new | 1 |" in report.data

        with open_for_reading(data) as con:
            assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
            assert con.execute("SELECT event_type FROM events ORDER BY 1").fetchall() == \
                   [("agreement",), ("asylum",), ("meeting",)]
            assert con.execute("SELECT flow_run_id FROM runs").fetchall() == [(str(flow_run.id),)]
        assert serve.stop(signal.SIGTERM, 60) == 0
    assert prefect_server.process.poll() is None, "serve must not stop a server it did not start"


def test_serve_starts_its_own_server_and_ctrl_c_stops_everything(tmp_path):
    data = tmp_path / "data"
    env = client_environment(tmp_path / "home", None)
    started = time.monotonic()
    pid = None
    with command([*NEWSEVENTS, "serve", "--data", str(data), "--cron", NEVER], env, tmp_path / "serve") as serve:
        try:
            serve.wait_for("Ctrl-C stops", 150)
            ready = time.monotonic() - started
            server = serve.wait_for(r"Prefect server: (http://127\.0\.0\.1:(\d+)) \(pid (\d+)", 1)
            url, port, pid = server.group(1), int(server.group(2)), int(server.group(3))
            assert f"Prefect UI: {url}" in serve.stdout
            assert httpx.get(f"{url}/api/health", timeout=5).status_code == 200
            assert (data / "prefect" / SERVER_LOG).exists() and (data / "prefect" / "prefect.db").exists()
            with prefect_client(f"{url}/api") as client:
                assert wait_for_deployment(client, "ingest/ingest", 60).schedules[0].schedule.cron == NEVER

            stopping = time.monotonic()
            assert serve.stop(signal.SIGINT, 60) == 0
            stopped = time.monotonic() - stopping
        finally:
            # `serve` gone, its server must follow within seconds; left behind, it is killed here
            left_behind = pid is not None and process_alive(pid, wait=10 if serve.process.poll() is not None else 0)
            if left_behind:
                os.killpg(pid, signal.SIGKILL)
    assert "Prefect server stopped." in serve.stdout
    assert not left_behind, "the Prefect server outlived `newsevents serve`"
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    print(f"serve ready after {ready:.1f} s, stopped in {stopped:.1f} s")


def process_alive(pid: int, wait: float = 10.0) -> bool:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.2)
    return True


def test_prefect_yaml_deploys_both_flows_to_a_process_pool(prefect_server, tmp_path):
    env = client_environment(tmp_path / "home", prefect_server.api_url)
    pool = subprocess.run([*PREFECT, "work-pool", "create", "newsevents", "--type", "process"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert pool.returncode == 0, pool.stdout + pool.stderr
    deploy = subprocess.run([*PREFECT, "--no-prompt", "deploy", "--all"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=180)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    with prefect_client(prefect_server.api_url) as client:
        ingest = client.read_deployment_by_name("ingest/ingest")
        reprocess = client.read_deployment_by_name("reprocess/reprocess")
        try:
            assert (ingest.work_pool_name, ingest.entrypoint) == ("newsevents", "flows/ingest.py:ingest")
            assert [(s.schedule.cron, s.schedule.timezone, s.active) for s in ingest.schedules] == \
                   [("0 * * * *", "UTC", True)]
            assert ingest.global_concurrency_limit.limit == 1
            assert ingest.parameters["data_dir"] == "data" and ingest.parameters["batch_size"] == 100
            assert ingest.pull_steps == [
                {"prefect.deployments.steps.set_working_directory": {"directory": str(ROOT)}}
            ]
            assert (reprocess.entrypoint, reprocess.schedules) == ("flows/reprocess.py:reprocess", [])
            assert reprocess.parameters["every"] is False
        finally:
            client.delete_deployment(ingest.id)
            client.delete_deployment(reprocess.id)
