-- One row per flow run, with its counts.
CREATE OR REPLACE VIEW runs AS
SELECT
    run_id, flow_run_id, kind, started_at, ended_at, status, extractor_version,
    documents_seen, new_articles, updated_articles, skipped_articles, events, errors,
    ended_at - started_at AS duration
FROM core.runs;
