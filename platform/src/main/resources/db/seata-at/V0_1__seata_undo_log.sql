-- Seata AT undo log: every database a Seata AT data source writes to needs it (the layout Seata's client
-- expects, see seata-config/README.md). Applied by Flyway before each service's own migrations.
CREATE TABLE undo_log (
    branch_id     BIGINT       NOT NULL,
    xid           VARCHAR(128) NOT NULL,
    context       VARCHAR(128) NOT NULL,
    rollback_info LONGBLOB     NOT NULL,
    log_status    INT          NOT NULL COMMENT '0 normal, 1 defence (a rollback came before the branch)',
    log_created   DATETIME(6)  NOT NULL,
    log_modified  DATETIME(6)  NOT NULL,
    UNIQUE KEY ux_undo_log (xid, branch_id),
    KEY ix_log_created (log_created)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
