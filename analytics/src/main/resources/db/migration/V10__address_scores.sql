-- Deliverability scores of the addresses, written by `score deliverability` and the Addresses screen.
CREATE TABLE address_scores (
    address_id VARCHAR(200) PRIMARY KEY,
    score      DOUBLE PRECISION NOT NULL,
    flagged    BOOLEAN NOT NULL,
    reasons    VARCHAR(4000),
    scored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX address_scores_flagged ON address_scores (flagged, score);
