-- Transactional outbox: an order's events, written in the same local transaction as the order change (same
-- database: user_id % 2). The relay sends PENDING rows in seq order and marks them SENT on the broker's
-- acknowledgement; failed sends wait next_attempt_at (growing intervals), and after the last attempt the row
-- is DEAD until an operator re-queues it. Runs on MariaDB 10.6+ and MySQL 8 (SKIP LOCKED).
CREATE TABLE outbox_events (
    event_id        VARCHAR(64)  NOT NULL,
    seq             BIGINT       NOT NULL AUTO_INCREMENT COMMENT 'write order: the relay sends in this order',
    order_id        BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    event_type      VARCHAR(32)  NOT NULL,
    payload         TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL DEFAULT 'PENDING' COMMENT 'PENDING, SENT, DEAD or TRANSACTIONAL',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    last_error      VARCHAR(500) NULL,
    xid             VARCHAR(128) NULL COMMENT 'global transaction that wrote the row',
    branch_type     VARCHAR(8)   NULL COMMENT 'AT rows are sent only once their global locks are gone',
    created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    sent_at         TIMESTAMP(3) NULL,
    PRIMARY KEY (event_id),
    UNIQUE KEY uk_outbox_events_seq (seq),
    KEY idx_outbox_events_status (status, seq),
    KEY idx_outbox_events_order (order_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per database: the relay that holds its row lock (FOR UPDATE SKIP LOCKED) relays this database; the
-- others skip it. Sending in seq order from one relay at a time keeps the events of an order in order.
CREATE TABLE outbox_relay_lock (
    id INT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
INSERT INTO outbox_relay_lock (id) VALUES (1);
