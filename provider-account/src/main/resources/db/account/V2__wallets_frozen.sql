-- TCC: a try moves money from balance to frozen; confirm spends it, cancel gives it back.
ALTER TABLE wallets
    ADD COLUMN frozen BIGINT NOT NULL DEFAULT 0 COMMENT 'cents' AFTER balance,
    ADD CONSTRAINT chk_wallets_frozen CHECK (frozen >= 0);
