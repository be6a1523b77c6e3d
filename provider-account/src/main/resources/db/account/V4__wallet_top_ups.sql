-- Top-ups credited to wallets, one row per merchant order number: inserted first, in the local transaction that
-- credits the wallet, so a redelivered TopUpSucceeded (broker retry, replay, duplicate send) hits the key and
-- credits nothing. In the user's shard (user_id % 2), next to the wallet.
CREATE TABLE wallet_top_ups (
    merchant_order_no VARCHAR(64)  NOT NULL,
    user_id           BIGINT       NOT NULL,
    top_up_id         BIGINT       NOT NULL,
    amount            BIGINT       NOT NULL COMMENT 'cents',
    payment_id        VARCHAR(64)  NULL COMMENT 'the gateway''s id of the payment',
    event_id          VARCHAR(64)  NOT NULL,
    credited_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (merchant_order_no),
    KEY idx_wallet_top_ups_user (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
