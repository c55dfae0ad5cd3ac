-- One row per stored article: its metadata and cleaned text.
CREATE OR REPLACE VIEW articles AS
SELECT
    article_id, url, title, published, source, author, language,
    text, content_hash, fetch_source, uri, fetched_at, stored_at,
    extractor_version, n_mentions,
    coalesce(CAST(year(published) AS VARCHAR), 'unknown') AS year,
    coalesce(CAST(month(published) AS VARCHAR), 'unknown') AS month
FROM core.articles;
