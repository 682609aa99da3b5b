-- The latest `predict slow-network`: one row per session scored.
CREATE TABLE session_predictions (
    session_id   VARCHAR(200) PRIMARY KEY,
    p_slow       DOUBLE PRECISION NOT NULL,
    lite         BOOLEAN NOT NULL,
    reasons      VARCHAR(2000),
    predicted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
