-- When an order last changed (placed, confirmed, cancelled): the reconciliation job reads orders in this order.
ALTER TABLE orders_0
    ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    ADD KEY idx_orders_0_updated (updated_at, order_id);
ALTER TABLE orders_1
    ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    ADD KEY idx_orders_1_updated (updated_at, order_id);
