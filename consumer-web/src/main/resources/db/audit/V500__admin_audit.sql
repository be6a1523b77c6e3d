-- What operators did through the admin endpoints and the console: who, when, what, to what, and how it ended.
CREATE TABLE admin_audit (
    id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    acted_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    operator VARCHAR(128) NOT NULL COMMENT 'the subject of the admin token, or admin-token for the static one',
    action   VARCHAR(64)  NOT NULL COMMENT 'e.g. outbox.requeue, dead-letter.replay, finding.resolve',
    target   VARCHAR(200) NOT NULL COMMENT 'what it acted on: an event id, group/message id, finding id',
    outcome  VARCHAR(16)  NOT NULL COMMENT 'DONE or REFUSED (with the error code in detail)',
    detail   VARCHAR(500) NULL,
    KEY idx_admin_audit_acted_at (acted_at)
);
