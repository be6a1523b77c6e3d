-- Events a consumer has applied: inserted first, in the same local transaction as the event's effect, so a
-- redelivered event (broker retry, replay, a duplicate send) hits the unique key and changes nothing.
-- In sharded databases the row lives in the shard of user_id, next to the rows the effect changes.
CREATE TABLE processed_events (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    consumer     VARCHAR(64) NOT NULL,
    event_id     VARCHAR(64) NOT NULL,
    event_type   VARCHAR(32) NOT NULL,
    order_id     BIGINT      NOT NULL,
    user_id      BIGINT      NOT NULL,
    processed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_processed_events_event (consumer, event_id),
    KEY idx_processed_events_order (order_id)
);
