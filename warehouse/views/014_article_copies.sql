-- Documents recognised as copies (exact or near) of a stored article: the
-- same story under another URL or from another outlet. Not extracted again.
CREATE OR REPLACE VIEW article_copies AS
SELECT
    d.source, d.uri, d.article_id, d.duplicate_of, d.reason, d.updated_at,
    a.title AS original_title, a.source AS original_source
FROM core.documents AS d
LEFT JOIN core.articles AS a ON a.article_id = d.duplicate_of
WHERE d.duplicate_of IS NOT NULL;
