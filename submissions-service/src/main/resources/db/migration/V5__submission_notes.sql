-- What the intake left out of a submission and told its sender (SDMX-CSV custom columns, which the field guide
-- allows and the suite does not store), one note a line, so the status resource and an Idempotency-Key replay
-- answer with the notes the first answer had.
alter table submission add column notes text;
