-- Idempotency-Key records: one table, in tradeflow_order_0 only (a ShardingSphere single table), so that a key
-- is unique whatever user it comes with.
CREATE TABLE order_requests (
    idempotency_key VARCHAR(64) NOT NULL PRIMARY KEY,
    request_hash    CHAR(64)    NOT NULL,
    order_id        BIGINT      NOT NULL,
    user_id         BIGINT      NOT NULL,
    created_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

