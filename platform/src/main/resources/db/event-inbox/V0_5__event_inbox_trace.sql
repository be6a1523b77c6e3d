-- The trace of the delivery that stored the row (W3C traceparent): applying the row later continues it.
ALTER TABLE event_inbox ADD COLUMN trace_parent VARCHAR(55) NULL;
