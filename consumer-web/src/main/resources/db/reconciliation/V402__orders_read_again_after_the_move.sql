-- V108 moved orders between orders_0 and orders_1 of each database with their updated_at, while the job keeps a
-- watermark per table: a moved order not yet checked could sit below its new table's watermark and never be read.
-- The orders tables are read again from the start (checking an order twice changes nothing; findings are upserted).
DELETE FROM reconciliation_watermarks WHERE source LIKE 'order-%.orders\_%';
