-- What the reconciliation job found: one row per order and kind of disagreement.
CREATE TABLE reconciliation_findings (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id   BIGINT       NOT NULL,
    user_id    BIGINT       NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    detail     VARCHAR(500) NOT NULL,
    status     VARCHAR(16)  NOT NULL COMMENT 'OPEN, CLEARED (a later check found the books agree), RESOLVED (an operator)',
    found_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    checked_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    closed_at  DATETIME(3)  NULL,
    closed_by  VARCHAR(128) NULL COMMENT 'reconciliation (cleared) or the operator who resolved it',
    note       VARCHAR(500) NULL,
    UNIQUE KEY uq_reconciliation_findings (order_id, kind),
    KEY idx_reconciliation_findings_status (status, order_id)
);

-- How far the job has read each orders table: (updated_at, order_id) of the last order checked.
CREATE TABLE reconciliation_watermarks (
    source     VARCHAR(64) NOT NULL PRIMARY KEY COMMENT 'database.table',
    updated_at DATETIME(3) NOT NULL,
    order_id   BIGINT      NOT NULL
);

-- One instance reconciles at a time: it holds this row (FOR UPDATE SKIP LOCKED) during a pass.
CREATE TABLE reconciliation_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO reconciliation_lock (id) VALUES (1);
