-- The Addresses screen opens on the lowest scores first: with the scores indexed in that order its
-- first page reads 200 rows instead of sorting every scored address (issue 16, start-up).
CREATE INDEX address_scores_score ON address_scores (score, address_id);
