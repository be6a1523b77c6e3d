-- The global transaction that placed the order, written with the row in that transaction's own branch. A placement
-- that committed while its request waited is recorded by this column alone (no order_transactions row: that was an
-- INSERT after every purchase); order_transactions keeps cancellations and placements whose end the launcher did
-- not see as Committed (UnKnown, CommitRetrying ...).
ALTER TABLE orders_0 ADD COLUMN placed_xid VARCHAR(128) NULL;
ALTER TABLE orders_1 ADD COLUMN placed_xid VARCHAR(128) NULL;
