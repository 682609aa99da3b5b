-- Fast import (docs/decisions/0010-fast-import.md): every secondary index is paid for on every
-- imported row, so only those a screen looks rows up by stay.
-- shipments_address stays: the Addresses screen lists an address's shipments (AddressInsights).
-- The packaging, regional and overview screens read the agg_* tables or group the whole table,
-- which a scan serves as well as these indexes did; nothing looks addresses up by customer or pincode.
DROP INDEX IF EXISTS shipments_product;
DROP INDEX IF EXISTS shipments_package;
DROP INDEX IF EXISTS addresses_customer;
DROP INDEX IF EXISTS addresses_pincode;
