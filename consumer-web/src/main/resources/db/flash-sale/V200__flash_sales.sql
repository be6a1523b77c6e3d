-- Flash sales, in the first order database only (tradeflow_order_0, the sales' home): a sale's counters, its
-- buyers and its tickets change together in one local transaction there, the database's last word on how many
-- tickets a sale and a user hold (Redis decides first, for the crowd; this refuses what Redis let through wrongly,
-- e.g. after Redis lost its counters).
CREATE TABLE flash_sales (
    sale_id        BIGINT       NOT NULL PRIMARY KEY,
    sku_id         BIGINT       NOT NULL,
    quantity       INT          NOT NULL,
    price          BIGINT       NOT NULL COMMENT 'cents per unit',
    starts_at      DATETIME(3)  NOT NULL,
    ends_at        DATETIME(3)  NOT NULL,
    per_user_limit INT          NOT NULL,
    taken          INT          NOT NULL DEFAULT 0 COMMENT 'tickets QUEUED or PLACED',
    created_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT chk_flash_sales_taken CHECK (taken >= 0 AND taken <= quantity),
    CONSTRAINT chk_flash_sales_window CHECK (ends_at > starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE flash_sale_buyers (
    sale_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    tickets INT    NOT NULL DEFAULT 0 COMMENT 'tickets QUEUED or PLACED',
    PRIMARY KEY (sale_id, user_id),
    CONSTRAINT chk_flash_sale_buyers_tickets CHECK (tickets >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per ticket granted: QUEUED until its order is placed (PLACED, with the order) or refused (FAILED, with
-- the reason; its unit and the user's ticket go back to the sale). A delivery claims the ticket before placing its
-- order, so a second delivery of the same ticket (a broker redelivery, a rebalance) never works on it meanwhile.
CREATE TABLE flash_sale_tickets (
    ticket_id  BIGINT       NOT NULL PRIMARY KEY,
    sale_id    BIGINT       NOT NULL,
    user_id    BIGINT       NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    order_id   BIGINT       NULL,
    reason     VARCHAR(32)  NULL COMMENT 'error code of the refused order',
    detail     VARCHAR(255) NULL,
    claimed_until DATETIME(3) NULL COMMENT 'a delivery is placing its order until then; another one waits',
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    KEY idx_flash_sale_tickets_sale (sale_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
