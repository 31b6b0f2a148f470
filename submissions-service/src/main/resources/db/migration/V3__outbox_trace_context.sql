-- The W3C trace context of the request that wrote the record: the relay publishes later, from its own thread,
-- and sends it as the record's traceparent header so the consumers' spans join the submission's trace.
-- Null for records written without tracing (and for those written before this migration).
alter table outbox_event add column traceparent varchar(55);
