-- App sessions for the slow-network model (shared/DATA-FORMATS.md "sessions.csv").
-- slow_given records whether the file gave slow itself (true) or it was derived from
-- page_load_ms and the workspace threshold (false), so a new threshold re-derives only the latter.
CREATE TABLE sessions (
    session_id      VARCHAR(200) PRIMARY KEY,
    customer_id     VARCHAR(200) NOT NULL,
    ts              TIMESTAMP WITH TIME ZONE NOT NULL,
    device_model    VARCHAR(500),
    os              VARCHAR(200),
    ram_gb          DECIMAL(6, 2),
    network_type    VARCHAR(10) NOT NULL,
    carrier         VARCHAR(200),
    tower_id        VARCHAR(200),
    signal_dbm      INTEGER,
    last_latency_ms INTEGER,
    pincode         VARCHAR(50),
    page_load_ms    INTEGER,
    slow            BOOLEAN,
    run_id          BIGINT,
    slow_given      BOOLEAN,
    CONSTRAINT sessions_network CHECK (network_type IN ('2g', '3g', '4g', '5g', 'wifi'))
);
CREATE INDEX sessions_customer ON sessions (customer_id, ts);
CREATE INDEX sessions_ts ON sessions (ts);
CREATE INDEX sessions_tower ON sessions (tower_id);
