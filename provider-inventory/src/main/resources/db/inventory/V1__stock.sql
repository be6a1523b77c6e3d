-- Inventory schema. Runs on MariaDB 10.6+ and MySQL 8.
CREATE TABLE products (
    sku_id     BIGINT       NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    price      BIGINT       NOT NULL COMMENT 'cents',
    CONSTRAINT chk_products_price CHECK (price > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE stock (
    sku_id     BIGINT      NOT NULL PRIMARY KEY,
    available  BIGINT      NOT NULL,
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT chk_stock_available CHECK (available >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per order and movement type: what makes deduct idempotent per order.
CREATE TABLE stock_ledger (
    order_id   BIGINT      NOT NULL,
    type       VARCHAR(16) NOT NULL,
    sku_id     BIGINT      NOT NULL,
    quantity   INT         NOT NULL,
    unit_price BIGINT      NOT NULL,
    amount     BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (order_id, type),
    KEY idx_stock_ledger_sku (sku_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
