-- Buildings report: apartment buildings and societies found in the addresses, spelling variants grouped.
CREATE TABLE buildings (
    building_key  VARCHAR(500) NOT NULL,
    building_name VARCHAR(1000) NOT NULL,
    variants      VARCHAR(4000),
    locality      VARCHAR(1000) NOT NULL,
    city          VARCHAR(500),
    pincode       VARCHAR(20),
    addresses     BIGINT NOT NULL,
    customers     BIGINT NOT NULL,
    PRIMARY KEY (building_key, locality)
);
CREATE INDEX buildings_addresses ON buildings (addresses DESC);
