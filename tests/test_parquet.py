"""The Parquet copy: hive layout by type, year and month, the same rows as DuckDB for every
reader, only touched partitions rewritten."""
from __future__ import annotations

import duckdb
import pandas
import polars
import pyarrow.dataset as ds
import pyarrow.parquet as pq
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
            changed.update(ChangedPartitions(stored.event_partitions, stored.article_partitions))
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


def relative_files(data_dir, table: str) -> list[str]:
    base = parquet_root(data_dir) / table
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file())


def test_round_trip_has_the_same_rows_as_duckdb(data_dir):
    fill(data_dir)
    written = export_parquet(data_dir)
    root = parquet_root(data_dir)
    for table in ("events", "event_mentions", "event_participants", "articles", "runs", "sources"):
        assert hive(data_dir, table).count_rows() == duckdb_count(data_dir, table) == written[table], table
    assert duckdb_count(data_dir, "events") == 3
    assert relative_files(data_dir, "events") == [
        "event_type=agreement/year=2024/month=5/data_0.parquet",
        "event_type=asylum/year=unknown/month=unknown/data_0.parquet",
        "event_type=meeting/year=2025/month=10/data_0.parquet",
    ]
    assert relative_files(data_dir, "articles") == [
        "year=2025/month=10/data_0.parquet", "year=unknown/month=unknown/data_0.parquet",
    ]
    table = hive(data_dir, "events").to_table()
    assert sorted(zip(table["event_type"].to_pylist(), table["year"].to_pylist(), table["month"].to_pylist(),
                      table["n_articles"].to_pylist())) == [
        ("agreement", "2024", "5", 1), ("asylum", "unknown", "unknown", 1), ("meeting", "2025", "10", 2)
    ]
    # partition columns live in the path only
    assert "month" not in pq.read_schema(root / "events" / "event_type=meeting" / "year=2025" / "month=10" / "data_0.parquet").names
    assert not [p for p in root.iterdir() if p.name.startswith(".")]


def test_every_reader_sees_as_many_events_as_duckdb(data_dir):
    store_all(data_dir, [(make_article("a1", "one"), [make_event("a1"), make_event("a1", event_type="agreement", event_date="2024-05-01")]),
                         (make_article("a2", "two", source="Outlet B"), [make_event("a2", event_date="2025-11-03")])])
    export_parquet(data_dir)
    expected = duckdb_count(data_dir, "events")
    assert expected == 3
    events = parquet_root(data_dir) / "events"
    pattern = str(events / "*" / "*" / "*" / "*.parquet")
    with duckdb.connect() as con:
        rows = con.execute(
            f"SELECT event_type, year, month, count(*) FROM read_parquet('{pattern}', hive_partitioning = true) "
            "GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    assert rows == [("agreement", 2024, 5, 1), ("meeting", 2025, 10, 1), ("meeting", 2025, 11, 1)]
    assert hive(data_dir, "events").count_rows() == expected
    frame = pandas.read_parquet(events)
    assert len(frame) == expected and sorted(frame["month"].astype(str)) == ["10", "11", "5"]
    lazy = polars.scan_parquet(pattern, hive_partitioning=True).collect()
    assert lazy.height == expected and sorted(lazy["month"].to_list()) == [5, 10, 11]


def test_only_touched_partitions_are_rewritten(data_dir):
    export_parquet(data_dir, fill(data_dir))
    events = parquet_root(data_dir) / "events"
    untouched = events / "event_type=agreement" / "year=2024" / "month=5" / "data_0.parquet"
    before = untouched.stat().st_mtime_ns
    # a2's meeting moves a year back: it leaves a1's event and starts its own in January 2023
    changed = store_all(data_dir, [(make_article("a2", "two, corrected", source="Outlet B"),
                                    [make_event("a2", event_date="2023-01-02")])])
    assert changed.events == {("meeting", "2023", "1"), ("meeting", "2025", "10")}
    export_parquet(data_dir, changed)
    assert untouched.stat().st_mtime_ns == before
    assert hive(data_dir, "events").count_rows() == duckdb_count(data_dir, "events") == 4
    assert hive(data_dir, "event_mentions").count_rows() == duckdb_count(data_dir, "event_mentions") == 4
    # and a partition left empty disappears, with its now empty parents
    changed = store_all(data_dir, [(make_article("a2", "two, withdrawn", source="Outlet B"), [])])
    export_parquet(data_dir, changed)
    assert not (events / "event_type=meeting" / "year=2023").exists()
    assert hive(data_dir, "events").count_rows() == duckdb_count(data_dir, "events") == 3


def test_a_copy_in_the_old_year_only_layout_is_rewritten_whole(data_dir):
    changed = fill(data_dir)
    old = parquet_root(data_dir) / "events" / "event_type=meeting" / "year=2025" / "data_0.parquet"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"written before months")
    export_parquet(data_dir, ChangedPartitions(events={("agreement", "2024", "5")}, articles=changed.articles))
    assert not old.exists()
    assert len(relative_files(data_dir, "events")) == 3
    assert hive(data_dir, "events").count_rows() == duckdb_count(data_dir, "events") == 3
