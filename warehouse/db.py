"""The warehouse file: where it lives, how it is opened, and its schema.

DuckDB lets one process write a database file, and while it does, no other
process can open the file at all, not even read-only. So every opener here
waits, for a bounded time, instead of failing on the first refusal; writers
also take a file lock first, so two writers of ours queue rather than race.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout

DB_NAME = "events.duckdb"
LOCK_NAME = "events.duckdb.lock"
MIGRATIONS = Path(__file__).parent / "migrations"
VIEWS = Path(__file__).parent / "views"

READ_WAIT_SECONDS = 60.0
WRITE_WAIT_SECONDS = 600.0
_POLL_SECONDS = 0.2


class WarehouseMissing(FileNotFoundError):
    """There is no warehouse in the data folder yet."""


class WarehouseBusy(TimeoutError):
    """Another process held the warehouse for longer than we were willing to wait."""


class MigrationError(RuntimeError):
    """A shipped migration was edited, or a migration file is misnamed."""


def database_path(data_dir: Path | str) -> Path:
    return Path(data_dir) / DB_NAME


def utcnow() -> datetime:
    """Naive UTC: DuckDB's TIMESTAMP has no zone, and every timestamp we store is UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def connect(
    data_dir: Path | str,
    *,
    read_only: bool = False,
    wait: float = READ_WAIT_SECONDS,
    on_wait: Callable[[str], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, waiting up to `wait` seconds while another process holds it.

    `on_wait` is told once, with a human message, that we are waiting.
    """
    path = database_path(data_dir)
    if read_only and not path.exists():
        raise WarehouseMissing(f"no warehouse at {path}: run `newsevents run` first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"{path} is held by another process (a run storing a batch?); "
                    f"gave up after {wait:g} s. The Parquet copy under "
                    f"{Path(data_dir) / 'parquet'} stays readable meanwhile."
                ) from exc
            if on_wait and not told:
                on_wait(f"{path} is busy (another process is writing); waiting up to {wait:g} s ...")
                told = True
            time.sleep(_POLL_SECONDS)


@contextmanager
def write_lock(data_dir: Path | str, wait: float = WRITE_WAIT_SECONDS) -> Iterator[None]:
    """Serialise our writers (store, export, migrate) across processes."""
    path = Path(data_dir) / LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=wait)
    except Timeout as exc:
        raise WarehouseBusy(f"another newsevents process has been writing {data_dir} for over {wait:g} s") from exc
    try:
        yield
    finally:
        lock.release()


@contextmanager
def open_for_writing(data_dir: Path | str, wait: float = WRITE_WAIT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """The lock, a migrated read-write connection, and both released on exit."""
    with write_lock(data_dir, wait):
        con = connect(data_dir, wait=wait)
        try:
            migrate(con)
            yield con
        finally:
            con.close()


@contextmanager
def open_for_reading(
    data_dir: Path | str,
    wait: float = READ_WAIT_SECONDS,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(data_dir, read_only=True, wait=wait, on_wait=on_wait)
    try:
        yield con
    finally:
        con.close()


def migration_files() -> list[tuple[int, Path]]:
    files = []
    for path in sorted(MIGRATIONS.glob("*.sql")):
        prefix = path.name.split("_", 1)[0]
        if not prefix.isdigit():
            raise MigrationError(f"migration {path.name} does not start with a number")
        files.append((int(prefix), path))
    versions = [v for v, _ in files]
    if len(set(versions)) != len(versions):
        raise MigrationError("two migrations share a number")
    return files


def _remerge_reports(con: duckdb.DuckDBPyConnection) -> None:
    from warehouse.writer import Writer  # the writer imports this module

    Writer(con).rebuild_events()


# Data a migration's SQL cannot compute, filled in Python in the same transaction.
BACKFILLS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    2: _remerge_reports,  # the merging rule changed: every report is merged again
}


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations not yet applied, each in its own transaction, then the views.

    Returns the names of the migrations applied now (empty when up to date).
    """
    con.execute(
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER PRIMARY KEY,
            name        VARCHAR NOT NULL,
            checksum    VARCHAR NOT NULL,
            applied_at  TIMESTAMP NOT NULL
        )
        """
    )
    applied = dict(con.execute("SELECT version, checksum FROM schema_migrations").fetchall())
    done = []
    for version, path in migration_files():
        sql = path.read_text(encoding="utf-8")
        if version in applied:
            if applied[version] != _checksum(sql):
                raise MigrationError(
                    f"migration {path.name} changed after it was applied; add a new migration instead"
                )
            continue
        con.begin()
        try:
            con.execute(sql)
            if version in BACKFILLS:
                BACKFILLS[version](con)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?, ?)",
                [version, path.name, _checksum(sql), utcnow()],
            )
            con.commit()
        except Exception:
            con.rollback()
            raise
        done.append(path.name)
    _apply_views(con)
    return done


def view_files() -> list[Path]:
    return sorted(VIEWS.glob("*.sql"))


def _apply_views(con: duckdb.DuckDBPyConnection) -> None:
    """Views are models, not migrations: re-created whenever their SQL changes."""
    files = view_files()
    checksum = _checksum("\n".join(p.name + "\n" + p.read_text(encoding="utf-8") for p in files))
    con.execute("CREATE TABLE IF NOT EXISTS schema_views (checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)")
    row = con.execute("SELECT checksum FROM schema_views").fetchone()
    if row and row[0] == checksum:
        return
    con.begin()
    try:
        for path in files:
            con.execute(path.read_text(encoding="utf-8"))
        con.execute("DELETE FROM schema_views")
        con.execute("INSERT INTO schema_views VALUES (?, ?)", [checksum, utcnow()])
        con.commit()
    except Exception:
        con.rollback()
        raise
