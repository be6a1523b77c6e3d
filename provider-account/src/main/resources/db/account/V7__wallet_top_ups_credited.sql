-- The reconciliation reads the credits in the order they were made (a credit must name a top-up that exists).
ALTER TABLE wallet_top_ups ADD KEY idx_wallet_top_ups_credited (credited_at);
