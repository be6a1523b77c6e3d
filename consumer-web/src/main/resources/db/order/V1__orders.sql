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
