"""The run report: the markdown table each run publishes as a Prefect artifact."""
from __future__ import annotations

from flows.report import MAX_ERRORS_SHOWN, run_markdown

SUMMARY = {
    "kind": "ingest",
    "data_dir": "data",
    "run_id": "r1",
    "extractor_version": "v1",
    "documents": 5,
    "new_articles": 3,
    "updated_articles": 1,
    "skipped_articles": 1,
    "skipped_by_reason": {"unchanged": 1},
    "events": 4,
    "events_by_type": {"agreement": 1, "meeting": 3},
    "errors": 1,
    "error_messages": ["feed/https://example.org/a|b: http 503 Service Unavailable"],
    "warehouse": {"articles": 3, "events": 3, "event_mentions": 4},
    "seconds": 1.5,
}


def test_the_table_has_articles_events_by_type_and_errors():
    text = run_markdown(SUMMARY)
    assert text.startswith("## newsevents ingest: completed\n")
    assert "| new | 3 |" in text and "| skipped: unchanged | 1 |" in text
    assert "| meeting | 3 |" in text and "| **all types** | **4** |" in text
    assert "| errors | 1 |" in text
    assert "- feed/https://example.org/a\\|b: http 503" in text  # a pipe cannot break the table
    assert "Warehouse now: 3 articles, 3 events, 4 mentions." in text


def test_a_failed_run_says_why_and_lists_a_bounded_number_of_errors():
    many = {**SUMMARY, "errors": 30, "error_messages": [f"s/u{i}: boom" for i in range(30)]}
    text = run_markdown(many, failure="WarehouseBusy: held\nfor long")
    assert "ingest: failed" in text and "**The run failed:** WarehouseBusy: held for long" in text
    assert text.count("\n- s/u") == MAX_ERRORS_SHOWN
    assert f"First {MAX_ERRORS_SHOWN} of 30" in text


def test_an_empty_run_still_has_its_tables():
    text = run_markdown({"kind": "reprocess", "data_dir": "d"})
    assert "reprocess: completed" in text
    assert "| documents seen | 0 |" in text and "| **all types** | **0** |" in text and "| errors | 0 |" in text
