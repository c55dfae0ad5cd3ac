-- One event as one article reports it, in the contract's shape
-- (mention_id is the contract's event_id), with the canonical event_id it
-- belongs to and the article's outlet and date.
CREATE OR REPLACE VIEW event_mentions AS
SELECT
    m.mention_id, m.event_id, m.article_id, m.event_type, m.trigger, m.sentence,
    m.char_start, m.char_end, m.mentions, m.participants, m.location, m.location_country,
    m.event_date, m.date_text, m.modality, m.attributes, m.confidence,
    m.extractor_version,
    a.source, a.published, a.url,
    e.partition_year AS year,
    e.partition_month AS month
FROM core.event_mentions AS m
JOIN core.articles AS a USING (article_id)
LEFT JOIN core.events AS e USING (event_id);
