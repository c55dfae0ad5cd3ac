"""What a run did, as the markdown artifact Prefect shows with the flow run.

`run_markdown` is a plain function of the run's summary (the dict the flows
return); `publish_run_report` hands it to Prefect under a key per flow, so
the UI's Artifacts page keeps one history per flow.
"""
from __future__ import annotations

MAX_ERRORS_SHOWN = 10


def run_markdown(summary: dict, failure: str | None = None) -> str:
    status = "failed" if failure else "completed"
    lines = [f"## newsevents {summary.get('kind', 'run')}: {status}", ""]
    facts = [f"data folder `{summary.get('data_dir')}`"]
    if summary.get("run_id"):
        facts.append(f"run `{summary['run_id']}`")
    if summary.get("extractor_version"):
        facts.append(f"extractor `{summary['extractor_version']}`")
    if summary.get("seconds") is not None:
        facts.append(f"{summary['seconds']} s")
    lines += [", ".join(facts), ""]
    if failure:
        lines += [f"**The run failed:** {_cell(failure)}", ""]

    lines += ["| articles | count |", "|:--|--:|"]
    lines.append(f"| documents seen | {summary.get('documents', 0)} |")
    lines.append(f"| new | {summary.get('new_articles', 0)} |")
    lines.append(f"| updated | {summary.get('updated_articles', 0)} |")
    lines.append(f"| skipped | {summary.get('skipped_articles', 0)} |")
    for reason, count in (summary.get("skipped_by_reason") or {}).items():
        lines.append(f"| skipped: {_cell(reason)} | {count} |")
    lines.append("")

    lines += ["| events stored | count |", "|:--|--:|"]
    for event_type, count in (summary.get("events_by_type") or {}).items():
        lines.append(f"| {_cell(event_type)} | {count} |")
    lines += [f"| **all types** | **{summary.get('events', 0)}** |", ""]

    lines += ["| errors | count |", "|:--|--:|", f"| errors | {summary.get('errors', 0)} |", ""]
    messages = summary.get("error_messages") or []
    if messages:
        lines.append(f"First {min(len(messages), MAX_ERRORS_SHOWN)} of {len(messages)} "
                     "(all of them: `SELECT * FROM fetches WHERE status = 'error'`):")
        lines += [f"- {_cell(m)}" for m in messages[:MAX_ERRORS_SHOWN]]
        lines.append("")

    totals = summary.get("warehouse")
    if totals:
        lines.append(f"Warehouse now: {totals.get('articles')} articles, {totals.get('events')} events, "
                     f"{totals.get('event_mentions')} mentions.")
    return "\n".join(lines).rstrip() + "\n"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def publish_run_report(summary: dict, failure: str | None = None):
    """The run's table as a Prefect artifact of the current flow run; returns its id."""
    from prefect.artifacts import create_markdown_artifact

    kind = summary.get("kind", "run")
    return create_markdown_artifact(
        markdown=run_markdown(summary, failure),
        key=f"newsevents-{kind}",
        description=f"newsevents {kind} into {summary.get('data_dir')}: articles, events by type, errors",
    )
