-- Fetch attempts: a summary per source and run, each failure, each URL a web
-- source considered (HTTP status, cache validators), each document cleaned.
CREATE OR REPLACE VIEW fetches AS
SELECT
    fetch_id, run_id, source, uri, stage, status, error, n_documents, attempted_at,
    http_status, etag, last_modified, content_hash, final_url, content_type, size_bytes
FROM core.fetches;
