-- Agreements, deals, accords, treaties and memoranda, with topic and status.
CREATE OR REPLACE VIEW agreements AS
SELECT
    * EXCLUDE (attributes),
    attributes ->> 'topic' AS topic,
    attributes ->> 'status' AS status
FROM events
WHERE event_type = 'agreement';
