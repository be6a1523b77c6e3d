-- Seata's TCC fence (useTCCFence = true): one row per TCC branch, written in the same local transaction as the
-- branch's business rows. It makes confirm and cancel idempotent, records a cancel that came before its try
-- (empty rollback, status 4 = suspended) and so refuses that late try. Runs on MariaDB 10.6+ and MySQL 8.
CREATE TABLE tcc_fence_log (
    xid          VARCHAR(128) NOT NULL,
    branch_id    BIGINT       NOT NULL,
    action_name  VARCHAR(64)  NOT NULL,
    status       TINYINT      NOT NULL COMMENT '1 tried, 2 committed, 3 rolled back, 4 suspended',
    gmt_create   DATETIME(3)  NOT NULL,
    gmt_modified DATETIME(3)  NOT NULL,
    PRIMARY KEY (xid, branch_id),
    KEY idx_tcc_fence_log_gmt_modified (gmt_modified),
    KEY idx_tcc_fence_log_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
