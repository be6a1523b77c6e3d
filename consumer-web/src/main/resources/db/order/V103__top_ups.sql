-- Wallet top-ups through the payment gateway, in the user's database (user_id % 2) like orders, so the top-up
-- change and its outbox event commit in one local transaction.
-- A top-up is stored PENDING before the gateway is called; merchant_order_no is the gateway's idempotency key, so
-- every retry (and every later submission by the reconciliation job) names the same payment.
CREATE TABLE top_ups (
    top_up_id         BIGINT        NOT NULL,
    user_id           BIGINT        NOT NULL,
    merchant_order_no VARCHAR(64)   NOT NULL,
    amount            BIGINT        NOT NULL COMMENT 'cents',
    idempotency_key   VARCHAR(64)   NOT NULL,
    status            VARCHAR(16)   NOT NULL DEFAULT 'PENDING' COMMENT 'PENDING, then SUCCEEDED or FAILED for good',
    notify_url        VARCHAR(2048) NOT NULL COMMENT 'sent with every submission: the gateway refuses a change',
    payment_id        VARCHAR(64)   NULL COMMENT 'the gateway''s id, once it answered',
    submitted_at      TIMESTAMP(3)  NULL COMMENT 'when the gateway confirmed it has the payment',
    resolved_by       VARCHAR(16)   NULL COMMENT 'NOTIFICATION, QUERY or GATEWAY (refused at submission)',
    failure_reason    VARCHAR(200)  NULL,
    checks            INT           NOT NULL DEFAULT 0 COMMENT 'reconciliation attempts so far',
    next_check_at     TIMESTAMP(3)  NOT NULL COMMENT 'when the reconciliation job looks at it next',
    last_error        VARCHAR(500)  NULL,
    review_reason     VARCHAR(200)  NULL COMMENT 'set when flagged for manual review',
    review_since      TIMESTAMP(3)  NULL,
    created_at        TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    finished_at       TIMESTAMP(3)  NULL,
    PRIMARY KEY (top_up_id),
    UNIQUE KEY uk_top_ups_merchant_order_no (merchant_order_no),
    UNIQUE KEY uk_top_ups_idempotency_key (user_id, idempotency_key),
    KEY idx_top_ups_due (status, next_check_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Result notifications from the gateway, stored first (raw, as signed) under the gateway's unique notification
-- id, then processed; a duplicate answers from the stored outcome. Next to its top-up (same user database).
CREATE TABLE payment_notifications (
    notification_id   VARCHAR(64)  NOT NULL,
    user_id           BIGINT       NOT NULL,
    merchant_order_no VARCHAR(64)  NOT NULL,
    payment_status    VARCHAR(16)  NOT NULL COMMENT 'what the gateway reported',
    body              TEXT         NOT NULL COMMENT 'the raw body, as signed',
    signed_at         TIMESTAMP(3) NOT NULL COMMENT 'X-Gateway-Timestamp',
    state             VARCHAR(16)  NOT NULL DEFAULT 'RECEIVED' COMMENT 'RECEIVED, then PROCESSED',
    outcome           VARCHAR(32)  NULL COMMENT 'what processing did (see TopUpSettlement.Outcome)',
    received_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    processed_at      TIMESTAMP(3) NULL,
    PRIMARY KEY (notification_id),
    KEY idx_payment_notifications_state (state, received_at),
    KEY idx_payment_notifications_order (merchant_order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per database: the reconciliation pass that holds its lock (FOR UPDATE SKIP LOCKED) works this database;
-- other consumer-web instances skip it meanwhile.
CREATE TABLE top_up_job_lock (
    id INT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
INSERT INTO top_up_job_lock (id) VALUES (1);
