-- The regional aggregates are kept by deltas computed from the rows an import touches (the staged
-- rows, the shipments they replace, the shipments of addresses or products whose state or
-- category changed), so the per-shipment facts table is no longer written or read: it cost one row
-- per shipment inside every import's last transaction (docs/decisions/0008, issue 16).
DROP TABLE regional_shipment_facts;

-- The work list of an address import also carries each changed address's new state, so its
-- shipments can move from the old state to the new one before the new one is stored.
ALTER TABLE regional_changed_keys ADD COLUMN state VARCHAR(100);
ALTER TABLE regional_changed_keys ADD COLUMN state_source VARCHAR(60);
ALTER TABLE regional_changed_keys ADD COLUMN written_state VARCHAR(500);
