-- The units available before the stock's books began, for the reconciliation's check that available equals them
-- plus the ledger (and reserved the RESERVE rows). A stock row created later starts with its first units (the
-- column's default). A row that already has history gets what its ledger implies today: the check starts from the
-- day of this migration.
ALTER TABLE stock
    ADD COLUMN opening_units BIGINT NOT NULL DEFAULT (available) COMMENT 'units, before any ledger row' AFTER reserved;

UPDATE stock s SET opening_units = s.available
    - (SELECT COALESCE(SUM(CASE l.type WHEN 'DEDUCT' THEN -l.quantity WHEN 'RESERVE' THEN -l.quantity
                                       WHEN 'RETURN' THEN l.quantity ELSE 0 END), 0)
       FROM stock_ledger l WHERE l.sku_id = s.sku_id);
