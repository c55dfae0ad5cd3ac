-- Events per day and type. The day is the event's date, else the day it was
-- first reported.
CREATE OR REPLACE VIEW daily_counts AS
SELECT
    coalesce(event_date, first_seen) AS day,
    event_type,
    count(*) AS n_events,
    sum(n_articles) AS n_articles
FROM core.events
GROUP BY ALL;
