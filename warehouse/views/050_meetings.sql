-- Meetings, visits, talks, summits and calls, with their format and topics.
CREATE OR REPLACE VIEW meetings AS
SELECT
    * EXCLUDE (attributes),
    attributes ->> 'format' AS format,
    CAST(coalesce(attributes -> 'topics', '[]') AS VARCHAR[]) AS topics
FROM events
WHERE event_type = 'meeting';
