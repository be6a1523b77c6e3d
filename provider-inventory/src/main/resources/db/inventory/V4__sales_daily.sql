-- Daily sales report per product, kept by the inventory-sales-report subscriber (through its inbox): a placed
-- order adds its quantity and amount on the day it was placed, a cancellation takes them back on its own day.
CREATE TABLE sales_daily (
    sales_day DATE   NOT NULL,
    sku_id    BIGINT NOT NULL,
    quantity  BIGINT NOT NULL DEFAULT 0,
    revenue   BIGINT NOT NULL DEFAULT 0 COMMENT 'minor units (cents)',
    PRIMARY KEY (sales_day, sku_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
