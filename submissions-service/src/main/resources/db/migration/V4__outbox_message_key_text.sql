-- The outbox record key is the series key, whose length the catalogue's codes decide (measure, area and up to
-- four dimensions of 64-character codes can pass 500 characters): text, as in indicators-service's outbox (V8),
-- so that no row the intake accepts can fail at the outbox.
alter table outbox_event alter column message_key type text;
