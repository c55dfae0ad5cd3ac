-- The warehouse's tables. They live in schema `core`; the public face is the
-- views in the default schema (warehouse/views/), which keep plain names.
-- Never edit this file once shipped: add 002_*.sql instead.

CREATE SCHEMA IF NOT EXISTS core;

-- A place articles come from: an entry of sources.toml or a --source spec.
CREATE TABLE core.sources (
    source      VARCHAR PRIMARY KEY,
    kind        VARCHAR NOT NULL,
    location    VARCHAR NOT NULL,
    first_seen  TIMESTAMP NOT NULL,
    last_seen   TIMESTAMP NOT NULL
);

-- One row per run of a flow (ingest or reprocess).
CREATE TABLE core.runs (
    run_id             VARCHAR PRIMARY KEY,
    flow_run_id        VARCHAR,            -- Prefect's id of the flow run, when run by Prefect
    kind               VARCHAR NOT NULL,   -- ingest | reprocess
    started_at         TIMESTAMP NOT NULL,
    ended_at           TIMESTAMP,
    status             VARCHAR NOT NULL,   -- running | completed | failed
    extractor_version  VARCHAR,
    documents_seen     INTEGER NOT NULL DEFAULT 0,
    new_articles       INTEGER NOT NULL DEFAULT 0,
    updated_articles   INTEGER NOT NULL DEFAULT 0,
    skipped_articles   INTEGER NOT NULL DEFAULT 0,
    events             INTEGER NOT NULL DEFAULT 0,   -- event mentions stored by the run
    errors             INTEGER NOT NULL DEFAULT 0
);

-- Every fetch attempt worth keeping: one summary row per source and run, one
-- row per failure, one per URL a web source considered (with the HTTP cache
-- validators and body hash the next run's conditional requests use), and one
-- per document that went on to be cleaned.
CREATE TABLE core.fetches (
    fetch_id       VARCHAR PRIMARY KEY,   -- hash of run, source, uri, stage
    run_id         VARCHAR NOT NULL,
    source         VARCHAR NOT NULL,
    uri            VARCHAR NOT NULL,      -- for web attempts, the canonical URL requested
    stage          VARCHAR NOT NULL,      -- fetch | parse | feed | page | sitemap | entry | clean | skip | extract | store
    status         VARCHAR NOT NULL,      -- ok | not_modified | error | skipped | stored | unchanged | duplicate
    error          VARCHAR,
    n_documents    INTEGER,
    attempted_at   TIMESTAMP NOT NULL,
    http_status    INTEGER,
    etag           VARCHAR,
    last_modified  VARCHAR,
    content_hash   VARCHAR,
    final_url      VARCHAR,
    content_type   VARCHAR,
    size_bytes     BIGINT
);

-- What each source gave for each item last time, so an unchanged raw document
-- is recognised before it is even cleaned.
CREATE TABLE core.documents (
    source       VARCHAR NOT NULL,
    uri          VARCHAR NOT NULL,
    raw_hash     VARCHAR NOT NULL,
    article_id   VARCHAR,               -- null when cleaning skipped it
    status       VARCHAR NOT NULL,      -- stored | unchanged | duplicate | skipped
    reason       VARCHAR,
    duplicate_of VARCHAR,               -- for a copy: the stored article it copies
    last_run_id  VARCHAR NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (source, uri)
);

-- One row per stored article, with its cleaned text.
CREATE TABLE core.articles (
    article_id         VARCHAR PRIMARY KEY,
    url                VARCHAR,
    title              VARCHAR,
    published          DATE,
    source             VARCHAR,            -- the outlet ("Kurdistan24")
    author             VARCHAR,
    language           VARCHAR,
    text               VARCHAR NOT NULL,
    content_hash       VARCHAR NOT NULL,
    fetch_source       VARCHAR,            -- the core.sources entry it came through
    uri                VARCHAR,
    fetched_at         TIMESTAMP,
    stored_at          TIMESTAMP NOT NULL,
    extractor_version  VARCHAR,
    n_mentions         INTEGER NOT NULL DEFAULT 0,
    run_id             VARCHAR,
    signature          BLOB                -- MinHash of the text, to recognise near copies (tasks.dedupe)
);

-- One event as one article reports it: the contract's event. `mention_id` is
-- the contract's event_id; `event_id` the canonical event it reports.
CREATE TABLE core.event_mentions (
    mention_id         VARCHAR PRIMARY KEY,
    event_id           VARCHAR,
    article_id         VARCHAR NOT NULL,
    event_type         VARCHAR NOT NULL,
    party_key          VARCHAR NOT NULL,   -- sorted participant keys, '|'-joined
    trigger            VARCHAR,
    sentence           VARCHAR,
    char_start         INTEGER,
    char_end           INTEGER,
    mentions           INTEGER,
    participants       STRUCT(name VARCHAR, role VARCHAR, kind VARCHAR, country VARCHAR)[],
    location           VARCHAR,
    location_country   VARCHAR,            -- the country the place is in, where the gazetteer knows it
    event_date         DATE,
    date_text          VARCHAR,
    modality           VARCHAR,
    attributes         JSON,
    confidence         DOUBLE,
    extractor_version  VARCHAR,
    debug              JSON,
    stored_at          TIMESTAMP NOT NULL
);
CREATE INDEX event_mentions_article ON core.event_mentions (article_id);

-- The participants of each mention, one row each, with the key that decides
-- whether two reports speak of the same party.
CREATE TABLE core.mention_participants (
    mention_id       VARCHAR NOT NULL,
    position         INTEGER NOT NULL,
    name             VARCHAR NOT NULL,
    role             VARCHAR,
    kind             VARCHAR,
    country          VARCHAR,
    participant_key  VARCHAR NOT NULL,
    PRIMARY KEY (mention_id, position)
);

-- One real event, however many articles report it: mentions of the same type
-- and party keys, dates within a day, compatible places (the same, or in the
-- same country). Kept up to date as
-- reports arrive; the aggregates are recomputed whenever a mention changes.
CREATE TABLE core.events (
    event_id         VARCHAR PRIMARY KEY,
    event_type       VARCHAR NOT NULL,
    party_key        VARCHAR NOT NULL,
    main_mention_id  VARCHAR NOT NULL,    -- the most informative report
    event_date       DATE,
    location         VARCHAR,
    location_country VARCHAR,
    n_mentions       INTEGER NOT NULL,
    n_articles       INTEGER NOT NULL,
    n_sources        INTEGER NOT NULL,
    first_seen       DATE,
    last_seen        DATE,
    partition_year   VARCHAR NOT NULL,    -- the Parquet partition: year of event_date, else of published, else 'unknown'
    updated_at       TIMESTAMP NOT NULL
);
