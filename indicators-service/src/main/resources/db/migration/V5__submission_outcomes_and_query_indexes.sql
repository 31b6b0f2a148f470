-- Which submission each applied event came from and what applying it did, so submissions-service can ask
-- for the outcome of a submission (GET /internal/v1/submissions/{id}/outcome).
alter table processed_event add column submission_id uuid;
alter table processed_event add column outcome varchar(20);
create index processed_event_submission on processed_event (submission_id) where submission_id is not null;

-- The data queries filter series by measure (and area), and read observations per series in period order.
create index series_measure_key on series (measure, series_key);
