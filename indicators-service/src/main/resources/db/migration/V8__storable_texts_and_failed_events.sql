-- Every text the intake accepts must be storable here (common TextLimits is the one definition).
-- A series key is measure, area and every dimension name and code (64 characters each): with a few
-- dimensions it passes 500. It is bounded by TextLimits.SERIES_KEY_BYTES (2048 UTF-8 bytes), checked when an
-- event is read, which keeps it within what a B-tree index entry holds (the unique key and series_measure_key).
alter table series alter column series_key type text;
alter table outbox_event alter column message_key type text;
-- Status and reporter are codes of the catalogue (varchar(64) there, TextLimits.CODE), not two and sixteen characters.
alter table observation alter column status type varchar(64);
alter table observation alter column reporter type varchar(64);
alter table observation_version alter column status type varchar(64);
alter table observation_version alter column reporter type varchar(64);

-- Events the store could not apply (sent to the dead-letter topic), so that their submission's status says
-- FAILED with the reason instead of pending forever. Written in a transaction of its own after the failed one;
-- removed when the event is applied after all (a replay of the dead-letter topic).
create table failed_event (
    event_id      uuid primary key,
    submission_id uuid,
    observations  integer     not null,
    reason        text        not null,
    source        text        not null,
    failed_at     timestamptz not null
);
create index failed_event_submission on failed_event (submission_id);
