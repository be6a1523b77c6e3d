-- The reconciliation checks more than orders: wallets, stock, transfers and top-ups. A finding names what it is
-- about (subject and its id); order_id and user_id stay for the findings that have them.
ALTER TABLE reconciliation_findings
    ADD COLUMN subject    VARCHAR(16) NOT NULL DEFAULT 'ORDER' COMMENT 'ORDER, WALLET, STOCK, TRANSFER or TOP_UP'
        AFTER id,
    ADD COLUMN subject_id VARCHAR(64) NULL COMMENT 'the order, user, sku, transfer or top-up id' AFTER subject,
    MODIFY COLUMN order_id BIGINT NULL,
    MODIFY COLUMN user_id BIGINT NULL;

UPDATE reconciliation_findings SET subject_id = CAST(order_id AS CHAR);

ALTER TABLE reconciliation_findings
    MODIFY COLUMN subject_id VARCHAR(64) NOT NULL,
    DROP INDEX uq_reconciliation_findings,
    ADD UNIQUE KEY uq_reconciliation_findings (subject, subject_id, kind),
    DROP INDEX idx_reconciliation_findings_status,
    ADD KEY idx_reconciliation_findings_status (status, subject, subject_id);

-- Where a source read by position (a provider's paged read, the top-ups) stands, in that reader's own format.
ALTER TABLE reconciliation_watermarks
    ADD COLUMN next_position VARCHAR(200) NULL COMMENT 'the position to read on from; NULL: from the start';
