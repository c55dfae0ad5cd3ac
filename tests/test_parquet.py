"""The Parquet copy: hive layout, same rows as DuckDB, only touched partitions rewritten."""
from __future__ import annotations

import duckdb
import pandas
import polars
import pyarrow.dataset as ds
from tests.factories import make_article, make_event

from warehouse.db import open_for_reading, open_for_writing
from warehouse.parquet import ChangedPartitions, export_parquet, parquet_root
from warehouse.writer import RunRecord, Writer, utcnow


def store_all(data_dir, items) -> ChangedPartitions:
    changed = ChangedPartitions()
    with open_for_writing(data_dir) as con:
        writer = Writer(con)
        writer.begin_run(RunRecord("run-1", "ingest", utcnow(), "test-1"))
        for article, events in items:
            stored = writer.store_article(article, events, run_id="run-1", extractor_version="test-1")
            changed.update(ChangedPartitions(stored.event_partitions, stored.article_years))
    return changed


def duckdb_count(data_dir, relation: str) -> int:
    with open_for_reading(data_dir) as con:
        return con.execute(f"SELECT count(*) FROM {relation}").fetchone()[0]


def hive(data_dir, table: str) -> ds.Dataset:
    return ds.dataset(parquet_root(data_dir) / table, format="parquet", partitioning="hive")


def fill(data_dir) -> ChangedPartitions:
    return store_all(data_dir, [
        (make_article("a1", "one"), [make_event("a1"), make_event("a1", event_type="agreement", event_date="2024-05-01")]),
        (make_article("a2", "two", source="Outlet B"), [make_event("a2")]),
        (make_article("a3", "three", published=None), [make_event("a3", event_type="asylum", event_date=None)]),
    ])


def test_round_trip_has_the_same_rows_as_duckdb(data_dir):
    fill(data_dir)
    written = export_parquet(data_dir)
    root = parquet_root(data_dir)
    for table in ("events", "event_mentions", "event_participants", "articles", "runs", "sources"):
        assert hive(data_dir, table).count_rows() == duckdb_count(data_dir, table) == written[table], table
    assert duckdb_count(data_dir, "events") == 3
    assert sorted(p.relative_to(root / "events").as_posix() for p in (root / "events").glob("*/*/*.parquet")) == [
        "event_type=agreement/year=2024/data_0.parquet",
        "event_type=asylum/year=unknown/data_0.parquet",
        "event_type=meeting/year=2025/data_0.parquet",
    ]
    table = hive(data_dir, "events").to_table()
    assert sorted(zip(table["event_type"].to_pylist(), table["n_articles"].to_pylist())) == [
        ("agreement", 1), ("asylum", 1), ("meeting", 2)
    ]
    assert not [p for p in root.iterdir() if p.name.startswith(".")]


def test_other_readers_see_the_same_rows(data_dir):
    fill(data_dir)
    export_parquet(data_dir)
    pattern = str(parquet_root(data_dir) / "events" / "*" / "*" / "*.parquet")
    with duckdb.connect() as con:
        sql = f"SELECT count(*) FROM read_parquet('{pattern}', hive_partitioning = true)"
        assert con.execute(sql).fetchone()[0] == 3
    assert len(pandas.read_parquet(parquet_root(data_dir) / "events")) == 3
    assert polars.scan_parquet(pattern, hive_partitioning=True).collect().height == 3


def test_only_touched_partitions_are_rewritten(data_dir):
    export_parquet(data_dir, fill(data_dir))
    events = parquet_root(data_dir) / "events"
    untouched = events / "event_type=agreement" / "year=2024" / "data_0.parquet"
    before = untouched.stat().st_mtime_ns
    # a2's meeting moves a year back: it leaves a1's event and starts its own in 2023
    changed = store_all(data_dir, [(make_article("a2", "two, corrected", source="Outlet B"),
                                    [make_event("a2", event_date="2023-01-02")])])
    assert changed.events == {("meeting", "2023"), ("meeting", "2025")}
    export_parquet(data_dir, changed)
    assert untouched.stat().st_mtime_ns == before
    assert hive(data_dir, "events").count_rows() == duckdb_count(data_dir, "events") == 4
    assert hive(data_dir, "event_mentions").count_rows() == duckdb_count(data_dir, "event_mentions") == 4
    # and a partition left empty disappears
    changed = store_all(data_dir, [(make_article("a2", "two, withdrawn", source="Outlet B"), [])])
    export_parquet(data_dir, changed)
    assert not (events / "event_type=meeting" / "year=2023").exists()
    assert hive(data_dir, "events").count_rows() == duckdb_count(data_dir, "events") == 3
