-- TCC: a try moves units from available to reserved; confirm turns them into a sale, cancel gives them back.
ALTER TABLE stock
    ADD COLUMN reserved BIGINT NOT NULL DEFAULT 0 AFTER available,
    ADD CONSTRAINT chk_stock_reserved CHECK (reserved >= 0);
