-- Order schema, the same in both order databases (tradeflow_order_0, tradeflow_order_1): database by
-- user_id % 2, table orders_0/orders_1 by a hash of order_id. Runs on MariaDB 10.6+ and MySQL 8.
CREATE TABLE orders_0 (
    order_id        BIGINT      NOT NULL PRIMARY KEY,
    user_id         BIGINT      NOT NULL,
    sku_id          BIGINT      NOT NULL,
    quantity        INT         NOT NULL,
    amount          BIGINT      NOT NULL COMMENT 'cents',
    status          VARCHAR(16) NOT NULL,
    mode            VARCHAR(8)  NOT NULL,
    created_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY idx_orders_0_user (user_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE orders_1 LIKE orders_0;

-- Seata AT undo log (Seata's script/client/at/db/mysql.sql)
CREATE TABLE undo_log (
    branch_id     BIGINT       NOT NULL,
    xid           VARCHAR(128) NOT NULL,
    context       VARCHAR(128) NOT NULL,
    rollback_info LONGBLOB     NOT NULL,
    log_status    INT          NOT NULL,
    log_created   DATETIME(6)  NOT NULL,
    log_modified  DATETIME(6)  NOT NULL,
    UNIQUE KEY ux_undo_log (xid, branch_id),
    KEY ix_log_created (log_created)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
