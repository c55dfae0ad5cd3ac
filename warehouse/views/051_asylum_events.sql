-- Asylum granted, offered, requested, refused or revoked.
CREATE OR REPLACE VIEW asylum_events AS
SELECT
    * EXCLUDE (attributes),
    attributes ->> 'action' AS action,
    attributes ->> 'grounds' AS grounds
FROM events
WHERE event_type = 'asylum';
