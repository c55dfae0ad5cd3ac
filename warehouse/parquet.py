"""The Parquet copy for BI tools, hive-partitioned under DATA/parquet/.

    parquet/events/event_type=meeting/year=2025/month=10/data_0.parquet
    parquet/event_mentions/event_type=.../year=.../month=.../data_0.parquet
    parquet/event_participants/event_type=.../year=.../month=.../data_0.parquet
    parquet/articles/year=2025/month=10/data_0.parquet
    parquet/sources/data_0.parquet
    parquet/runs/data_0.parquet

Each table is the view of the same name. `year` and `month` are those of the
event's date, else of its main report's publication date, else `unknown`
(for articles: of the publication date, else `unknown`); mentions and
participants sit in their event's partition. Partition columns are in the
path only, as hive readers expect.

Files are written by DuckDB's `COPY ... (FORMAT parquet, PARTITION_BY ...)`
into a hidden temporary folder beside the tables, then moved into place with
`os.replace`, one file per partition, so a reader sees a partition's old file
or its new one, never half of one. Only the partitions a run touched are
rewritten; `export_parquet(data_dir)` without `changed` rewrites everything,
and so does any export that finds a table laid out with other partition
columns (a copy written before months were added).
"""
from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from warehouse.db import open_for_reading, write_lock

PARQUET_DIR = "parquet"
EVENT_TABLES = ("events", "event_mentions", "event_participants")
EVENT_PARTITIONS = ("event_type", "year", "month")
ARTICLE_PARTITIONS = ("year", "month")
WHOLE_TABLES = ("sources", "runs")


@dataclass
class ChangedPartitions:
    """The partitions a run wrote into: (event_type, year, month) and, for articles, (year, month)."""

    events: set[tuple[str, str, str]] = field(default_factory=set)
    articles: set[tuple[str, str]] = field(default_factory=set)

    def update(self, other: "ChangedPartitions") -> None:
        self.events |= other.events
        self.articles |= other.articles


def parquet_root(data_dir: Path | str) -> Path:
    return Path(data_dir) / PARQUET_DIR


def export_parquet(data_dir: Path | str, changed: ChangedPartitions | None = None) -> dict[str, int]:
    """Bring the Parquet copy up to date; returns the row count written per table."""
    root = parquet_root(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    with write_lock(data_dir), open_for_reading(data_dir) as con:
        tmp = root / f".tmp-{uuid.uuid4().hex}"
        tmp.mkdir()
        try:
            for table in EVENT_TABLES:
                only = changed.events if changed is not None else None
                written[table] = _export_partitioned(con, table, EVENT_PARTITIONS, only, root, tmp)
            only = changed.articles if changed is not None else None
            written["articles"] = _export_partitioned(con, "articles", ARTICLE_PARTITIONS, only, root, tmp)
            for table in WHOLE_TABLES:
                written[table] = _export_whole(con, table, root, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return written


def _sql_text(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _partition_path(columns: tuple[str, ...], values: tuple[str, ...]) -> str:
    return "/".join(f"{c}={v}" for c, v in zip(columns, values))


def _export_partitioned(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: tuple[str, ...],
    only: set[tuple[str, ...]] | None,
    root: Path,
    tmp: Path,
) -> int:
    target = root / table
    if only is not None and not _laid_out_by(target, len(columns)):
        only = None  # a first export, or one in another layout: write the table whole
    if only is not None and not only:
        return 0
    query = f"SELECT * FROM {table}"
    if only is not None:
        keys = ", ".join(_sql_text(_partition_path(columns, values)) for values in sorted(only))
        key_expr = " || '/' || ".join(f"'{c}=' || {c}" for c in columns)
        query += f" WHERE {key_expr} IN ({keys})"
    rows = con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
    staged = tmp / table
    if rows:
        con.execute(
            f"COPY ({query}) TO {_sql_text(staged.as_posix())} "
            f"(FORMAT parquet, PARTITION_BY ({', '.join(columns)}), FILENAME_PATTERN 'data_{{i}}')"
        )
    if only is None:
        partitions = _partition_dirs(staged, len(columns)) | _partition_dirs(target, len(columns))
    else:
        partitions = {_partition_path(columns, values) for values in only}
    for partition in sorted(partitions):
        _swap_partition(staged / partition, target / partition, target)
    if only is None:
        _drop_strays(target, len(columns))
    target.mkdir(parents=True, exist_ok=True)
    return rows


def _laid_out_by(target: Path, depth: int) -> bool:
    """True when the table folder exists and every file in it sits `depth` partition folders deep."""
    if not target.is_dir():
        return False
    return all(len(f.relative_to(target).parts) == depth + 1 for f in target.rglob("*") if f.is_file())


def _drop_strays(target: Path, depth: int) -> None:
    """After a whole rewrite, files of another layout (fewer or more partition levels) go."""
    if not target.is_dir():
        return
    for f in sorted(target.rglob("*"), reverse=True):
        if f.is_file() and len(f.relative_to(target).parts) != depth + 1:
            f.unlink()
    for d in sorted((d for d in target.rglob("*") if d.is_dir()), key=lambda d: len(d.parts), reverse=True):
        if not any(d.iterdir()):
            d.rmdir()


def _partition_dirs(base: Path, depth: int) -> set[str]:
    if not base.is_dir():
        return set()
    pattern = "/".join(["*=*"] * depth)
    return {p.relative_to(base).as_posix() for p in base.glob(pattern) if p.is_dir()}


def _swap_partition(staged: Path, target: Path, table_root: Path) -> None:
    """Move a staged partition's files over the old ones; drop a partition that emptied."""
    if staged.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        fresh = {f.name for f in staged.iterdir()}
        for name in fresh:
            os.replace(staged / name, target / name)
        for old in target.iterdir():
            if old.name not in fresh:
                old.unlink()
        return
    if target.is_dir():
        shutil.rmtree(target)
        parent = target.parent
        while parent != table_root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


def _export_whole(con: duckdb.DuckDBPyConnection, table: str, root: Path, tmp: Path) -> int:
    staged = tmp / f"{table}.parquet"
    con.execute(f"COPY (SELECT * FROM {table}) TO {_sql_text(staged.as_posix())} (FORMAT parquet)")
    target = root / table
    target.mkdir(parents=True, exist_ok=True)
    os.replace(staged, target / "data_0.parquet")
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
