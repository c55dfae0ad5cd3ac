-- Asylum actually granted.
CREATE OR REPLACE VIEW asylum_grants AS
SELECT *
FROM asylum_events
WHERE action = 'granted';
