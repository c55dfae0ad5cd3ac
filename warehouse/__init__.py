"""The warehouse: the only code that speaks SQL to DATA/events.duckdb.

    db.py         open the file (waiting while another process holds it), migrations, views
    migrations/   the schema, numbered SQL files applied once each, in order
    views/        the public relations, one view a file, re-created when they change
    canonical.py  when reports are one event: party keys and the merge rule (pure Python)
    writer.py     the one writer: upserts by deterministic ids, one transaction per article
    parquet.py    the hive-partitioned Parquet copy, written atomically
    query.py      the read-only path: analysts' SQL and the pipeline's cheap checks
"""
from warehouse.db import WarehouseBusy, WarehouseMissing, connect, migrate, open_for_reading, open_for_writing
from warehouse.parquet import ChangedPartitions, export_parquet
from warehouse.query import QueryResult, run_query
from warehouse.writer import Writer

__all__ = [
    "ChangedPartitions",
    "QueryResult",
    "WarehouseBusy",
    "WarehouseMissing",
    "Writer",
    "connect",
    "export_parquet",
    "migrate",
    "open_for_reading",
    "open_for_writing",
    "run_query",
]
