-- Idempotency-Key records move next to the user's orders (database user_id % 2, like orders): the key, the order
-- row and, in TCC mode, the fence row of the purchase then commit in one local transaction. A key is unique per
-- user, as with the public payment APIs (a key belongs to the account that sent it).
ALTER TABLE order_requests DROP PRIMARY KEY, ADD PRIMARY KEY (user_id, idempotency_key);
