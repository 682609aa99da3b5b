-- Addresses screens: where each scored address is (the directory's state and city of its pincode,
-- else what it says), the model's out-of-fold predictions for the threshold slider, and a view
-- joining scores to addresses that the Addresses screen pages and the Data browser exports.
ALTER TABLE address_scores ADD COLUMN state_name VARCHAR(100);
ALTER TABLE address_scores ADD COLUMN city_name VARCHAR(500);
ALTER TABLE address_scores ADD COLUMN pincode_found VARCHAR(10);
CREATE INDEX address_scores_state ON address_scores (state_name, flagged);
CREATE INDEX address_scores_city ON address_scores (city_name, flagged);

-- One row per labelled address of the last training: its cross-validated (out-of-fold),
-- calibrated score and its label, so precision, recall and the confusion matrix can be shown
-- at any threshold without retraining.
CREATE TABLE deliverability_oof (
    address_id   VARCHAR(200) PRIMARY KEY,
    score        DOUBLE PRECISION NOT NULL,
    delivered    BOOLEAN NOT NULL,
    label_source VARCHAR(20) NOT NULL
);

CREATE VIEW address_deliverability AS
SELECT s.address_id, s.score, s.flagged, s.reasons, a.address_text, s.city_name AS city, s.state_name AS state,
       COALESCE(s.pincode_found, a.pincode) AS pincode, a.city AS city_written, a.state AS state_written, a.customer_id,
       s.scored_at
FROM address_scores s JOIN addresses a ON a.address_id = s.address_id;
