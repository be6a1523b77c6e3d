-- The inbox of subscribers that acknowledge at once and apply later (slow handlers): a message is stored here
-- and acknowledged; a job applies the rows in id order (per order: the order of delivery), retrying failures
-- with growing intervals, DEAD after the last attempt. The unique key drops a redelivered message.
CREATE TABLE event_inbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    consumer        VARCHAR(64)  NOT NULL,
    event_id        VARCHAR(64)  NOT NULL,
    event_type      VARCHAR(32)  NOT NULL,
    order_id        BIGINT       NOT NULL,
    payload         TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL DEFAULT 'RECEIVED' COMMENT 'RECEIVED, DONE or DEAD',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    last_error      VARCHAR(500) NULL,
    received_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    done_at         TIMESTAMP(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_event_inbox_event (consumer, event_id),
    KEY idx_event_inbox_status (consumer, status, id),
    KEY idx_event_inbox_order (consumer, order_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per consumer: the instance whose job holds its row lock (FOR UPDATE SKIP LOCKED) applies that
-- consumer's inbox; others skip the pass. One job at a time keeps an order's events in order.
CREATE TABLE event_inbox_lock (
    consumer VARCHAR(64) NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
