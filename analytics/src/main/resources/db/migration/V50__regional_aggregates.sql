-- Regional preferences and dashboard aggregates, kept up to date by RegionalAggregates (an
-- ImportHook) inside every import's transaction, so charts read a few hundred grouped rows instead
-- of scanning the shipments. Filled on the first import or on first use (existing workspaces).

-- The state each address is counted in, and how it was found (state column, corrected spelling,
-- address text, pincode) or why it is Unknown.
CREATE TABLE regional_address_states (
    address_id    VARCHAR(200) PRIMARY KEY,
    state         VARCHAR(100) NOT NULL,
    state_source  VARCHAR(60) NOT NULL,
    written_state VARCHAR(500)
);

-- What each shipment contributed to the aggregates, so a re-import or a late address/product can
-- take the old contribution out before adding the new one.
CREATE TABLE regional_shipment_facts (
    shipment_id    VARCHAR(200) PRIMARY KEY,
    address_id     VARCHAR(200) NOT NULL,
    product_id     VARCHAR(200) NOT NULL,
    state          VARCHAR(100) NOT NULL,
    state_source   VARCHAR(60) NOT NULL,
    category       VARCHAR(500) NOT NULL,
    subcategory    VARCHAR(500) NOT NULL,
    package_type   VARCHAR(200) NOT NULL,
    order_month    DATE NOT NULL,
    status         VARCHAR(20) NOT NULL,
    quantity       INTEGER NOT NULL,
    promised_days  INTEGER,
    delivered_days INTEGER
);
-- No secondary indexes on purpose: they would slow every shipment import, while the rare late
-- address or product import reads the facts once, looking each up in regional_changed_keys.

-- Work list of addresses or products whose state or category changed; empty outside an import.
CREATE TABLE regional_changed_keys (
    key_value VARCHAR(200) PRIMARY KEY
);

CREATE TABLE agg_orders_by_state_subcategory (
    state       VARCHAR(100) NOT NULL,
    category    VARCHAR(500) NOT NULL,
    subcategory VARCHAR(500) NOT NULL,
    orders      BIGINT NOT NULL,
    units       BIGINT NOT NULL,
    PRIMARY KEY (state, category, subcategory)
);

CREATE TABLE agg_orders_by_state_product (
    state        VARCHAR(100) NOT NULL,
    product_id   VARCHAR(200) NOT NULL,
    orders       BIGINT NOT NULL,
    timed        BIGINT NOT NULL,
    actual_days  BIGINT NOT NULL,
    PRIMARY KEY (state, product_id)
);

CREATE INDEX agg_state_product_product ON agg_orders_by_state_product (product_id);

CREATE TABLE agg_shipments_by_month_status (
    order_month DATE NOT NULL,
    status      VARCHAR(20) NOT NULL,
    shipments   BIGINT NOT NULL,
    PRIMARY KEY (order_month, status)
);

CREATE TABLE agg_shipments_by_package_status (
    package_type VARCHAR(200) NOT NULL,
    status       VARCHAR(20) NOT NULL,
    shipments    BIGINT NOT NULL,
    PRIMARY KEY (package_type, status)
);

-- timed: shipments with both promised and actual days; late: actual > promised.
CREATE TABLE agg_delivery_by_state_package (
    state         VARCHAR(100) NOT NULL,
    package_type  VARCHAR(200) NOT NULL,
    shipments     BIGINT NOT NULL,
    timed         BIGINT NOT NULL,
    promised_days BIGINT NOT NULL,
    actual_days   BIGINT NOT NULL,
    late          BIGINT NOT NULL,
    PRIMARY KEY (state, package_type)
);

CREATE TABLE agg_shipments_by_state_source (
    state_source VARCHAR(60) NOT NULL PRIMARY KEY,
    shipments    BIGINT NOT NULL
);
