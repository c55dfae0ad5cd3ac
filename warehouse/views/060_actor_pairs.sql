-- Who meets, agrees with or grants asylum to whom: how often and when.
-- A pair is two parties of one event, ordered by their keys.
CREATE OR REPLACE VIEW actor_pairs AS
SELECT
    arg_max(a.name, length(a.name)) AS actor_a,
    arg_max(b.name, length(b.name)) AS actor_b,
    a.event_type,
    count(*) AS n_events,
    sum(e.n_articles) AS n_articles,
    min(coalesce(e.event_date, e.first_seen)) AS first_date,
    max(coalesce(e.event_date, e.last_seen)) AS last_date,
    a.participant_key AS actor_a_key,
    b.participant_key AS actor_b_key
FROM event_participants AS a
JOIN event_participants AS b
    ON a.event_id = b.event_id AND a.participant_key < b.participant_key
JOIN core.events AS e ON e.event_id = a.event_id
GROUP BY a.event_type, a.participant_key, b.participant_key;
