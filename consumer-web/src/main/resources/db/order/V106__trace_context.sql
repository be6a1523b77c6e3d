-- The trace (W3C traceparent) of the request that wrote the row. An outbox row's send continues it, so one trace runs
-- from the request through the broker to the subscribers; an order's names the trace the console links to.
ALTER TABLE outbox_events ADD COLUMN trace_parent VARCHAR(55) NULL;
ALTER TABLE orders_0 ADD COLUMN trace_parent VARCHAR(55) NULL;
ALTER TABLE orders_1 ADD COLUMN trace_parent VARCHAR(55) NULL;
