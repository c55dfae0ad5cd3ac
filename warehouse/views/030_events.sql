-- One row per real event, however many articles report it. The contract's
-- fields come from the main (most informative) report; n_articles, n_sources,
-- first_seen and last_seen summarise all reports. `year` and `month` are the
-- Parquet partition: those of event_date, else of the main report's
-- published date, else 'unknown'.
CREATE OR REPLACE VIEW events AS
SELECT
    e.event_id, e.event_type, m.article_id, m.trigger, m.sentence,
    m.char_start, m.char_end, m.mentions, m.participants,
    e.location, e.event_date, m.date_text, m.modality, m.attributes,
    m.confidence, m.extractor_version,
    e.n_mentions, e.n_articles, e.n_sources, e.first_seen, e.last_seen,
    e.location_country,
    e.main_mention_id,
    e.partition_year AS year,
    e.partition_month AS month
FROM core.events AS e
JOIN core.event_mentions AS m ON m.mention_id = e.main_mention_id;
