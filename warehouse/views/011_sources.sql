-- The sources articles come from (sources.toml entries and --source specs).
CREATE OR REPLACE VIEW sources AS
SELECT source, kind, location, first_seen, last_seen
FROM core.sources;
