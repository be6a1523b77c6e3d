-- Loyalty points, credited and reversed by order events. A table of its own, not a column of wallets: the events
-- are applied in local transactions, and a local write to a wallet row that an open AT purchase has changed would
-- make that purchase's rollback fail (its after-image no longer matches).
CREATE TABLE wallet_points (
    user_id    BIGINT       NOT NULL,
    points     BIGINT       NOT NULL DEFAULT 0,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (user_id)
);
