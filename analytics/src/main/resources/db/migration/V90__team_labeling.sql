-- Team workspaces (issue 17, decision 0018): several analysts label one queue at once.
-- A lease hands an address to one analyst for a while; slot 1 is the first labeler, slot 2 the
-- second analyst of the agreement sample (the configurable share that measures kappa live). The
-- primary key is what makes it impossible to hand one address to two analysts in one slot at once.
CREATE TABLE labeling_leases (
    address_id VARCHAR(200) NOT NULL,
    slot       INTEGER NOT NULL,
    analyst    VARCHAR(200) NOT NULL,
    leased_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (address_id, slot),
    CONSTRAINT labeling_leases_slot CHECK (slot IN (1, 2))
);
CREATE INDEX labeling_leases_analyst ON labeling_leases (analyst, expires_at);

-- Every decision a client sent, by the id the client gave it: a decision sent again after a lost
-- connection (from the analyst's local outbox) is recognised and not saved twice.
CREATE TABLE label_outbox_receipts (
    receipt_id  VARCHAR(64) PRIMARY KEY,
    analyst     VARCHAR(200) NOT NULL,
    decision_id BIGINT NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
