-- Three changes, each keeping what 001 stored:
-- 1. The Parquet copy is partitioned by month too: events get partition_month.
-- 2. Reports merge when their parties match by name containment or country,
--    not only by equal keys; participant_tokens finds the candidates.
--    (`warehouse.db` re-merges every stored report once this is applied.)
-- 3. What web fetching remembers, one row per URL, looked up per URL
--    instead of loaded whole at the start of every run.

ALTER TABLE core.events ADD COLUMN partition_month VARCHAR;   -- month of the date partition_year comes from, else 'unknown'

-- What a participant shares with any party it can match ("word:putin",
-- "state:russia"): a report that shares a token with each of another's
-- parties is a candidate for the same event.
CREATE TABLE core.participant_tokens (
    token       VARCHAR NOT NULL,
    event_type  VARCHAR NOT NULL,
    mention_id  VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL
);
CREATE INDEX participant_tokens_token ON core.participant_tokens (token);

-- One row per URL a web source fetched successfully (or was redirected to):
-- the validators for the next conditional GET and the last body's hash.
-- Fields are only ever replaced by non-null values (a 304 may repeat none).
CREATE TABLE core.url_state (
    url            VARCHAR PRIMARY KEY,   -- canonical URL
    etag           VARCHAR,
    last_modified  VARCHAR,
    content_hash   VARCHAR,
    updated_at     TIMESTAMP NOT NULL
);

INSERT INTO core.url_state (url, etag, last_modified, content_hash, updated_at)
SELECT
    uri,
    arg_max(etag, attempted_at) FILTER (WHERE etag IS NOT NULL OR last_modified IS NOT NULL),
    arg_max(last_modified, attempted_at) FILTER (WHERE etag IS NOT NULL OR last_modified IS NOT NULL),
    arg_max(content_hash, attempted_at) FILTER (WHERE content_hash IS NOT NULL),
    max(attempted_at)
FROM core.fetches
WHERE status IN ('ok', 'not_modified') AND stage <> 'fetch'
GROUP BY uri;

-- Redirect targets count as fetched (as the final URL was recorded).
INSERT INTO core.url_state (url, updated_at)
SELECT final_url, max(attempted_at)
FROM core.fetches
WHERE status IN ('ok', 'not_modified') AND stage <> 'fetch' AND final_url IS NOT NULL
  AND final_url NOT IN (SELECT url FROM core.url_state)
GROUP BY final_url;
