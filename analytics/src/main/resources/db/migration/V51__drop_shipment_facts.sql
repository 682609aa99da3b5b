-- The aggregates no longer keep a row per shipment (docs/decisions/0012-staged-import-speed.md):
-- an import reads the rows it replaces from its own staging table, so the per-shipment facts,
-- a second copy of the shipments table, are dropped.
DROP TABLE IF EXISTS regional_shipment_facts;
