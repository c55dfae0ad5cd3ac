"""The `newsevents` command. Each verb calls a flow or a plain function, nothing more.

Prefect, spaCy and the extractor are imported inside the verbs that need
them, so `query` and `--help` start fast and `extract` never touches Prefect.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    name="newsevents",
    help=(
        "An incremental news-event warehouse: fetch -> clean -> extract -> store, "
        "into DuckDB and hive-partitioned Parquet.\n\n"
        "Examples:\n\n"
        "  newsevents run\n\n"
        "  newsevents run --source articles.jsonl --json\n\n"
        "  newsevents serve --cron \"0 * * * *\"\n\n"
        "  newsevents query \"SELECT event_type, count(*) FROM events GROUP BY ALL\"\n\n"
        "  newsevents extract articles.jsonl -o events.jsonl"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DataOption = Annotated[Path, typer.Option("--data", "-d", metavar="DIR", help="The data folder: events.duckdb and parquet/.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object (the last line of stdout).")]
DaskAddressOption = Annotated[
    Optional[str],
    typer.Option("--dask-address", metavar="ADDR", help="Extract on the Dask cluster at this scheduler address; "
                 "storing stays in this process."),
]
LockWaitOption = Annotated[
    float, typer.Option("--wait", metavar="SECONDS", min=0, help="How long to wait while another run holds the data folder.")
]
WorkersOption = Annotated[
    Optional[int],
    typer.Option("--workers", metavar="N", min=1, help="Extract on a local Dask cluster of N worker processes."),
]


def _prefect_environment() -> None:
    """Quiet, private defaults for Prefect; whatever the user set wins.

    Without PREFECT_API_URL, Prefect starts a temporary local server for the run.
    """
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")


def _json_default(value: object) -> object:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def _dumps(value: object) -> str:
    return json.dumps(value, default=_json_default, ensure_ascii=False)


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


@app.command()
def run(
    source: Annotated[
        Optional[list[str]],
        typer.Option("--source", "-s", metavar="SPEC", help="A folder, a .jsonl file of articles or a URL; repeat for more."),
    ] = None,
    sources_file: Annotated[
        Optional[Path], typer.Option("--sources-file", metavar="FILE", help="A sources TOML file (default: seeds/sources.toml).")
    ] = None,
    data: DataOption = Path("data"),
    batch_size: Annotated[int, typer.Option(help="Articles per task run.", min=1)] = 100,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Let --source URLs reach private and loopback addresses.")
    ] = False,
    wait: LockWaitOption = 1800.0,
    dask_address: DaskAddressOption = None,
    workers: WorkersOption = None,
    as_json: JsonOption = False,
) -> None:
    """Run the ingest flow: fetch, clean, extract and store new articles.

    Examples:

      newsevents run

      newsevents run --source seeds/articles --data /tmp/events --json

      newsevents run --source https://example.org/feed.xml

      newsevents run --sources-file my_sources.toml

      newsevents run --workers 4                       # extract on a local Dask cluster

      newsevents run --dask-address tcp://10.0.0.5:8786
    """
    from tasks.fetch.sources import DEFAULT_SOURCES, SourceError, load_sources, source_from_spec

    try:
        sources = [source_from_spec(spec, allow_private=allow_private) for spec in source or []]
        if sources_file or not sources:
            sources += load_sources(sources_file or DEFAULT_SOURCES)
    except SourceError as exc:
        _fail(str(exc), 2)
    _check_dask_options(dask_address, workers)
    _prefect_environment()
    from flows.ingest import ingest
    from warehouse.db import WarehouseBusy

    try:
        summary = ingest(sources=sources, data_dir=str(data), batch_size=batch_size,
                         dask_address=dask_address, workers=workers, lock_wait=wait)
    except WarehouseBusy as exc:
        _fail(str(exc))
    _print_summary(summary, as_json)


@app.command()
def reprocess(
    data: DataOption = Path("data"),
    every: Annotated[bool, typer.Option("--all", help="Re-extract every stored article, not only out-of-date ones.")] = False,
    batch_size: Annotated[int, typer.Option(help="Articles per task run.", min=1)] = 100,
    wait: LockWaitOption = 1800.0,
    dask_address: DaskAddressOption = None,
    workers: WorkersOption = None,
    as_json: JsonOption = False,
) -> None:
    """Re-extract stored articles whose extractor version is not the current one (no fetching).

    Examples:

      newsevents reprocess --data data

      newsevents reprocess --all --workers 4
    """
    if not (data / "events.duckdb").exists():
        _fail(f"no warehouse in {data}: run `newsevents run` first")
    _check_dask_options(dask_address, workers)
    _prefect_environment()
    from flows.reprocess import reprocess as reprocess_flow
    from warehouse.db import WarehouseBusy

    try:
        summary = reprocess_flow(data_dir=str(data), batch_size=batch_size, every=every,
                                 dask_address=dask_address, workers=workers, lock_wait=wait)
    except WarehouseBusy as exc:
        _fail(str(exc))
    _print_summary(summary, as_json)


def _check_dask_options(dask_address: str | None, workers: int | None) -> None:
    if dask_address and workers:
        _fail("choose one of --dask-address (an existing cluster) and --workers (a local one)", 2)


def _print_summary(summary: dict, as_json: bool) -> None:
    if as_json:
        print(_dumps(summary))
        return
    table = Table(title=f"newsevents {summary['kind']} into {summary['data_dir']}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents seen", str(summary["documents"]))
    table.add_row("new articles", str(summary["new_articles"]))
    table.add_row("updated articles", str(summary["updated_articles"]))
    table.add_row("skipped articles", str(summary["skipped_articles"]))
    for reason, count in summary["skipped_by_reason"].items():
        table.add_row(f"  {reason}", str(count))
    table.add_row("events stored", str(summary["events"]))
    for event_type, count in summary["events_by_type"].items():
        table.add_row(f"  {event_type}", str(count))
    table.add_row("errors", str(summary["errors"]), style="red" if summary["errors"] else None)
    totals = summary["warehouse"]
    table.add_row("warehouse", f"{totals['articles']} articles, {totals['events']} events, "
                  f"{totals['event_mentions']} mentions")
    table.add_row("time", f"{summary['seconds']} s")
    out.print(table)
    for message in summary["error_messages"][:10]:
        out.print(f"[red]error[/red] {message}", highlight=False)
    if len(summary["error_messages"]) > 10:
        out.print(f"... and {len(summary['error_messages']) - 10} more: SELECT * FROM fetches WHERE status = 'error'")


@app.command()
def serve(
    cron: Annotated[
        str, typer.Option("--cron", metavar="EXPR", help="When ingest runs: a cron expression, in UTC.")
    ] = "0 * * * *",
    data: DataOption = Path("data"),
    sources_file: Annotated[
        Optional[Path], typer.Option("--sources-file", metavar="FILE", help="A sources TOML file (default: seeds/sources.toml).")
    ] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Articles per task run.", min=1)] = None,
) -> None:
    """Serve the flows as Prefect deployments: ingest on a schedule, reprocess on demand.

    Without PREFECT_API_URL, starts a Prefect server on 127.0.0.1 (a free
    port, PREFECT_HOME in DATA/prefect) and prints its UI address; Ctrl-C
    stops serving and that server. With PREFECT_API_URL, uses that server.

    Examples:

      newsevents serve

      newsevents serve --cron "*/15 * * * *" --data /srv/events

      PREFECT_API_URL=http://127.0.0.1:4200/api newsevents serve
    """
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.serve import ServerFailed, serve_pipeline

    def say(message: str) -> None:
        out.print(message, highlight=False)
        sys.stdout.flush()

    try:
        serve_pipeline(data, cron=cron, sources_file=sources_file, batch_size=batch_size, say=say)
    except ValueError as exc:
        _fail(str(exc), 2)
    except ServerFailed as exc:
        _fail(f"{exc} (see {data / 'prefect' / 'server.log'})")
    except KeyboardInterrupt:
        pass


@app.command()
def extract(
    articles: Annotated[Path, typer.Argument(help="Articles, one JSON object a line (see spec/events.md).")],
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Where to write events, one a line (default: stdout).")
    ] = None,
) -> None:
    """Clean and extract a JSON Lines file of articles; no warehouse, no Prefect.

    Example:

      newsevents extract articles.jsonl -o events.jsonl
    """
    from tasks.clean import clean_documents
    from tasks.extract import extract_articles
    from tasks.fetch.local import read_jsonl
    from tasks.fetch.sources import Source

    if not articles.is_file():
        _fail(f"{articles} is not a file", 2)
    fetched = read_jsonl(Source(name=articles.stem, kind="jsonl", location=str(articles)))
    for error in fetched.errors:
        err.print(f"skipped {error.uri}: {error.reason}", highlight=False)
    cleaned = clean_documents(fetched.documents)
    for skipped in cleaned.skipped:
        err.print(f"skipped {skipped.uri}: {skipped.reason}", highlight=False)
    events = extract_articles(cleaned.articles)
    lines = [_dumps(event.to_dict()) + "\n" for event in events]
    if output is None or str(output) == "-":
        sys.stdout.writelines(lines)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text("".join(lines), encoding="utf-8")
    err.print(
        f"{len(events)} events from {len(cleaned.articles)} article(s)"
        f" ({len(cleaned.skipped) + len(fetched.errors)} skipped)"
        + (f" -> {output}" if output else ""),
        highlight=False,
    )


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SQL statement; the warehouse is opened read-only.")],
    data: DataOption = Path("data"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as one JSON array of objects.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print the rows as CSV with a header.")] = False,
    wait: Annotated[float, typer.Option(help="Seconds to wait while a run holds the warehouse.")] = 60.0,
) -> None:
    """Run read-only SQL on the warehouse: the views events, meetings, asylum_events,
    agreements, event_participants, event_mentions, actor_pairs, daily_counts, articles,
    sources, runs, fetches.

    Examples:

      newsevents query "SELECT event_type, count(*) FROM events GROUP BY ALL"

      newsevents query "SELECT * FROM actor_pairs ORDER BY n_events DESC" --csv
    """
    import duckdb

    from warehouse.db import WarehouseBusy, WarehouseMissing
    from warehouse.query import run_query

    if as_json and as_csv:
        _fail("choose one of --json and --csv", 2)
    try:
        result = run_query(data, sql, wait=wait, on_wait=lambda message: err.print(message, highlight=False))
    except (WarehouseMissing, WarehouseBusy) as exc:
        _fail(str(exc))
    except duckdb.Error as exc:
        _fail(str(exc).strip())
    if as_json:
        print(_dumps(result.records()))
    elif as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow([_csv_cell(v) for v in row])
    else:
        table = Table()
        for column in result.columns:
            table.add_column(column, overflow="fold", min_width=min(len(column), 24))
        for row in result.rows:
            table.add_row(*(_text_cell(v) for v in row))
        out.print(table)
        err.print(f"{len(result.rows)} rows", highlight=False)


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return _dumps(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _text_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return _dumps(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


@app.command()
def export(data: DataOption = Path("data"), as_json: JsonOption = False) -> None:
    """Rewrite the whole Parquet copy under DATA/parquet/ from the warehouse.

    Example:

      newsevents export --data data
    """
    from warehouse.db import WarehouseBusy, WarehouseMissing
    from warehouse.parquet import export_parquet, parquet_root

    try:
        written = export_parquet(data)
    except (WarehouseMissing, WarehouseBusy) as exc:
        _fail(str(exc))
    if as_json:
        print(_dumps({"parquet": str(parquet_root(data)), "rows": written}))
        return
    table = Table("table", "rows", title=f"Parquet under {parquet_root(data)}")
    for name, rows in written.items():
        table.add_row(name, str(rows))
    out.print(table)


@app.command(name="eval")
def evaluate_gold(
    gold: Annotated[list[Path], typer.Argument(help="Gold files or folders (tests/gold).")],
    as_json: JsonOption = False,
) -> None:
    """Score the extractor on hand-annotated gold articles: P/R/F1 per event type.

    Example:

      newsevents eval tests/gold
    """
    from tasks.evaluate import evaluate, format_report, report_to_json

    report = evaluate(gold)
    if as_json:
        print(_dumps(report_to_json(report)))
    else:
        print(format_report(report))


if __name__ == "__main__":
    app()
