-- Account schema, the same in every account shard (tradeflow_account_0, tradeflow_account_1): a user's wallet
-- and ledger live in shard user_id % 2. Runs on MariaDB 10.6+ and MySQL 8.
CREATE TABLE wallets (
    user_id    BIGINT      NOT NULL PRIMARY KEY,
    balance    BIGINT      NOT NULL COMMENT 'cents',
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT chk_wallets_balance CHECK (balance >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per order and movement type: what makes debit idempotent per order.
CREATE TABLE wallet_ledger (
    order_id   BIGINT      NOT NULL,
    type       VARCHAR(16) NOT NULL,
    user_id    BIGINT      NOT NULL,
    amount     BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (order_id, type),
    KEY idx_wallet_ledger_user (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
