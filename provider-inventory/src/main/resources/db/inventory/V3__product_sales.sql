-- Units sold per product, counted from order events (placed adds, cancelled subtracts). Its own table: events are
-- applied in local transactions, which must not touch stock rows that an open AT purchase has changed. The
-- foreign key refuses events for products this catalogue does not know (they are retried, then dead-lettered).
CREATE TABLE product_sales (
    sku_id     BIGINT       NOT NULL,
    sold       BIGINT       NOT NULL DEFAULT 0,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (sku_id),
    CONSTRAINT fk_product_sales_product FOREIGN KEY (sku_id) REFERENCES products (sku_id)
);
