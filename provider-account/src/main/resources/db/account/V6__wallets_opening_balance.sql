-- What each wallet held before its books began, for the reconciliation's check that the balance equals it plus the
-- ledger and the transfers (and the frozen money the FREEZE rows). A wallet created later starts with its first
-- balance (the column's default). A wallet that already has history gets the balance its books imply today: the
-- check starts from the day of this migration (an opening balance, as an accountant's).
ALTER TABLE wallets
    ADD COLUMN opening_balance BIGINT NOT NULL DEFAULT (balance) COMMENT 'cents, before any ledger row' AFTER frozen;

UPDATE wallets w SET opening_balance = w.balance
    - (SELECT COALESCE(SUM(CASE l.type WHEN 'DEBIT' THEN -l.amount WHEN 'FREEZE' THEN -l.amount
                                       WHEN 'REFUND' THEN l.amount WHEN 'TOP_UP' THEN l.amount ELSE 0 END), 0)
       FROM wallet_ledger l WHERE l.user_id = w.user_id)
    - (SELECT COALESCE(SUM(IF(t.direction = 'IN', t.amount, -t.amount)), 0)
       FROM wallet_transfers t WHERE t.user_id = w.user_id);

-- The reconciliation reads credits by top-up id.
ALTER TABLE wallet_top_ups ADD KEY idx_wallet_top_ups_top_up (top_up_id);
