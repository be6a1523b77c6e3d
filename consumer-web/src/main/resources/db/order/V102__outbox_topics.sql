-- The outbox carries the events of top-ups too (wallet events): each row names its topic, and the aggregate it
-- belongs to (an order or a top-up; their ids come from one generator, so they never collide). The relay keeps
-- the events of one aggregate in order, as it did per order.
ALTER TABLE outbox_events
    ADD COLUMN topic VARCHAR(64) NOT NULL DEFAULT 'tradeflow-order-events' AFTER seq,
    RENAME COLUMN order_id TO aggregate_id;
