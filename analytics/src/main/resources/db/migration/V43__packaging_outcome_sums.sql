-- The shipment outcomes per product and package, and the shipping-cost sums per package, as the
-- packaging trainer last read them from the whole shipments table (issue 16: opening the Packaging
-- screen must not group every shipment again). packaging_sums_source says what they were read
-- from (the counts and last import runs of shipments and products); a reader uses them only while
-- that still holds, and otherwise groups the tables as before. Nothing but training writes them.
CREATE TABLE packaging_outcome_sums (
    product_id        VARCHAR(200) NOT NULL,
    package_type      VARCHAR(200) NOT NULL,
    reached           BIGINT NOT NULL,
    damaged           BIGINT NOT NULL,
    quantity_reached  BIGINT NOT NULL,
    PRIMARY KEY (product_id, package_type)
);

CREATE TABLE packaging_shipping_sums (
    package_type          VARCHAR(200) PRIMARY KEY,
    shipments             BIGINT NOT NULL,
    sum_weight            DOUBLE PRECISION NOT NULL,
    sum_weight_squared    DOUBLE PRECISION NOT NULL,
    sum_cost              DOUBLE PRECISION NOT NULL,
    sum_weight_cost       DOUBLE PRECISION NOT NULL
);

-- One row (source_id = 1) once the sums have been written.
CREATE TABLE packaging_sums_source (
    source_id          INTEGER PRIMARY KEY,
    shipments          BIGINT NOT NULL,
    shipments_last_run BIGINT NOT NULL,
    products           BIGINT NOT NULL,
    products_last_run  BIGINT NOT NULL
);
