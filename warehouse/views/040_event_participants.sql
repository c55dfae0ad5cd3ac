-- One row per party of each event. A party reported under several names
-- ("Putin", "Vladimir Putin") is one row, named in its most complete form.
CREATE OR REPLACE VIEW event_participants AS
WITH ranked AS (
    SELECT
        m.event_id, p.participant_key, p.name, p.role, p.kind, p.country,
        count(DISTINCT m.mention_id) OVER (PARTITION BY m.event_id, p.participant_key) AS n_mentions,
        row_number() OVER (
            PARTITION BY m.event_id, p.participant_key
            ORDER BY length(p.name) DESC, (m.mention_id = e.main_mention_id) DESC, p.name, p.role
        ) AS rank
    FROM core.mention_participants AS p
    JOIN core.event_mentions AS m USING (mention_id)
    JOIN core.events AS e ON e.event_id = m.event_id
)
SELECT
    r.event_id, e.event_type, r.name, r.role, r.kind, r.country,
    r.participant_key, r.n_mentions, e.partition_year AS year, e.partition_month AS month
FROM ranked AS r
JOIN core.events AS e USING (event_id)
WHERE r.rank = 1;
