"""`newsevents serve`: the flows as Prefect deployments, served by this process.

`ingest` runs on a cron schedule and `reprocess` whenever someone starts it
(the UI's "Run" button, `prefect deployment run reprocess/reprocess`).
Prefect's temporary server cannot run schedules, so when no Prefect API is
configured this first starts a real one: `prefect server start` on 127.0.0.1
and a free port, with its PREFECT_HOME (database, logs, cached results) under
DATA/prefect, in a process group of its own. Ctrl-C or SIGTERM stops serving
first (the schedules are paused, runs in progress are cancelled), then that
process group, with a bounded wait before SIGKILL.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

DEFAULT_CRON = "0 * * * *"  # hourly, on the hour (UTC)
HOST = "127.0.0.1"
SERVER_START_SECONDS = 90.0  # healthy in 3 to 8 s on a quiet 2-core machine
SERVER_STOP_SECONDS = 20.0
SERVER_LOG = "server.log"
DEPLOYMENT_TAGS = ["newsevents"]


class ServerFailed(RuntimeError):
    """The local Prefect server exited or did not become healthy in time."""


@dataclass
class LocalServer:
    """A `prefect server start` process this process started, and where to reach it."""

    process: subprocess.Popen
    url: str  # http://127.0.0.1:PORT: the UI; the API is under /api
    home: Path
    log: IO[bytes] = field(repr=False)

    @property
    def api_url(self) -> str:
        return f"{self.url}/api"

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self, wait: float = SERVER_STOP_SECONDS) -> None:
        """SIGTERM to the server's process group, SIGKILL after `wait` seconds."""
        with _signals_ignored(signal.SIGINT, signal.SIGTERM):  # a second Ctrl-C must not leave the server behind
            if self.process.poll() is None:
                _signal_group(self.pid, signal.SIGTERM)
                try:
                    self.process.wait(wait)
                except subprocess.TimeoutExpired:
                    _signal_group(self.pid, signal.SIGKILL)
                    self.process.wait(5)
            _signal_group(self.pid, signal.SIGKILL)  # anything of the group that outlived its leader
            self.log.close()


def free_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def server_environment(home: Path, environ: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ if environ is None else environ)
    env.pop("PREFECT_API_URL", None)  # the server is the API, not a client of another one
    env["PREFECT_HOME"] = str(home)
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env["DO_NOT_TRACK"] = "1"
    return env


def start_local_server(home: Path, wait: float = SERVER_START_SECONDS, host: str = HOST) -> LocalServer:
    """Start `prefect server start` and return once /api/health answers (bounded)."""
    home = Path(home).resolve()
    home.mkdir(parents=True, exist_ok=True)
    port = free_port(host)
    log = (home / SERVER_LOG).open("ab")
    # -P and cwd=home: no module of the caller's folder can shadow one of Prefect's
    process = subprocess.Popen(
        [sys.executable, "-P", "-m", "prefect", "server", "start", "--host", host, "--port", str(port),
         "--analytics-off"],
        cwd=home,
        env=server_environment(home),
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: stopped as one, spared the terminal's Ctrl-C
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )
    server = LocalServer(process, f"http://{host}:{port}", home, log)
    try:
        wait_until_healthy(server.api_url, wait, process)
    except BaseException:
        server.stop()
        raise
    return server


def wait_until_healthy(api_url: str, wait: float, process: subprocess.Popen | None = None) -> float:
    """Poll `api_url`/health until it answers 200; returns the seconds it took."""
    started = time.monotonic()
    deadline = started + wait
    while True:
        if process is not None and process.poll() is not None:
            raise ServerFailed(f"the Prefect server exited with code {process.returncode} before it was healthy")
        try:
            if httpx.get(f"{api_url}/health", timeout=2.0).status_code == 200:
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        if time.monotonic() >= deadline:
            raise ServerFailed(f"the Prefect server at {api_url} was not healthy after {wait:g} s")
        time.sleep(0.25)


def deployments(data_dir: Path, cron: str, sources_file: Path | None = None, batch_size: int | None = None) -> list:
    """`ingest` on `cron` and `reprocess` on demand, both on `data_dir`."""
    from prefect.types.entrypoint import EntrypointType

    from flows.ingest import ingest
    from flows.reprocess import reprocess

    common = {"data_dir": str(data_dir)}
    if batch_size:
        common["batch_size"] = batch_size
    ingest_parameters = dict(common)
    if sources_file:
        ingest_parameters["sources_file"] = str(Path(sources_file).resolve())
    # Module entrypoints: the runner's flow-run processes import the installed
    # package, wherever this command was started from.
    return [
        ingest.to_deployment(
            name="ingest", cron=cron, parameters=ingest_parameters, concurrency_limit=1, tags=DEPLOYMENT_TAGS,
            description=f"fetch -> clean -> extract -> store into {data_dir}, on '{cron}' (UTC)",
            entrypoint_type=EntrypointType.MODULE_PATH,
        ),
        reprocess.to_deployment(
            name="reprocess", parameters=common, concurrency_limit=1, tags=DEPLOYMENT_TAGS,
            description=f"re-extract the articles stored in {data_dir} after the extractor changed (run on demand)",
            entrypoint_type=EntrypointType.MODULE_PATH,
        ),
    ]


def check_cron(cron: str) -> None:
    """Raise ValueError for a cron expression Prefect would refuse."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except Exception as exc:  # pydantic's ValidationError
        raise ValueError(f"not a valid cron expression: {cron!r}") from exc


def serve_pipeline(
    data_dir: Path,
    cron: str = DEFAULT_CRON,
    sources_file: Path | None = None,
    batch_size: int | None = None,
    say: Callable[[str], None] = print,
) -> None:
    """Serve until Ctrl-C or SIGTERM; start (and then stop) a local server when no API is configured."""
    from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings

    data_dir = Path(data_dir).resolve()
    check_cron(cron)
    with _stop_signals():
        api_url = PREFECT_API_URL.value()
        if api_url:
            say(f"Using the Prefect server at {api_url} (PREFECT_API_URL)")
            _serve(data_dir, cron, sources_file, batch_size, say)
            return
        say(f"Starting a Prefect server (PREFECT_HOME {data_dir / 'prefect'}) ...")
        started = time.monotonic()
        server = start_local_server(data_dir / "prefect")
        try:
            say(f"Prefect server: {server.url} (pid {server.pid}, healthy after {time.monotonic() - started:.1f} s, "
                f"log {server.home / SERVER_LOG})")
            with temporary_settings(updates={PREFECT_API_URL: server.api_url, PREFECT_HOME: str(server.home)}):
                _serve(data_dir, cron, sources_file, batch_size, say)
        finally:
            say("Stopping the Prefect server ...")
            server.stop()
            say("Prefect server stopped.")


def _serve(data_dir: Path, cron: str, sources_file: Path | None, batch_size: int | None, say) -> None:
    from prefect import serve
    from prefect.settings import PREFECT_UI_URL

    served = deployments(data_dir, cron, sources_file, batch_size)
    ui_url = PREFECT_UI_URL.value()
    if ui_url:
        say(f"Prefect UI: {ui_url}")
    say(f"Serving ingest/ingest on '{cron}' (UTC) and reprocess/reprocess on demand, into {data_dir}. "
        "Ctrl-C stops.")
    serve(*served, print_starting_message=False)


@contextmanager
def _stop_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM unwind this process, so the server is stopped on the way out.

    SIGINT gets Python's handler back even if whoever started us ignored it (as
    shells do for background jobs); while serving, Prefect's runner handles
    SIGTERM itself, just as gracefully."""
    if not _on_main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextmanager
def _signals_ignored(*signums: int) -> Iterator[None]:
    if not _on_main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, signal.SIG_IGN) for signum in signums}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _signal_group(pgid: int, signum: int) -> None:
    try:
        os.killpg(pgid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM if this process dies without stopping it (kill -9)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - a safety net only
        pass
