-- The global transactions run for each order (placing it, cancelling it), written by the launcher once Seata
-- reported the outcome. Database user_id % 2, like the orders. Runs on MariaDB 10.6+ and MySQL 8.
CREATE TABLE order_transactions (
    xid         VARCHAR(128) NOT NULL PRIMARY KEY,
    order_id    BIGINT       NOT NULL,
    user_id     BIGINT       NOT NULL,
    action      VARCHAR(16)  NOT NULL COMMENT 'PLACE or CANCEL',
    mode        VARCHAR(8)   NOT NULL COMMENT 'AT, TCC or XA',
    status      VARCHAR(32)  NOT NULL COMMENT 'Seata global status seen by the launcher: Committed, Rollbacked ...',
    finished_at DATETIME(3)  NOT NULL,
    KEY idx_order_transactions_order (order_id, finished_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
