-- The ledger of transfers between wallets: one row per transfer and side, in the shard of that side's user
-- (user_id % 2), written in the transaction that moves the money: OUT next to the debited wallet, IN next to the
-- credited one. The key makes a transfer happen once per transfer id (a replay finds the OUT row).
CREATE TABLE wallet_transfers (
    transfer_id          CHAR(36)     NOT NULL,
    direction            VARCHAR(3)   NOT NULL COMMENT 'OUT: user_id paid, IN: user_id received',
    user_id              BIGINT       NOT NULL,
    counterparty_user_id BIGINT       NOT NULL,
    amount               BIGINT       NOT NULL COMMENT 'cents',
    created_at           TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (transfer_id, direction),
    KEY idx_wallet_transfers_user (user_id),
    CONSTRAINT chk_wallet_transfers_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
