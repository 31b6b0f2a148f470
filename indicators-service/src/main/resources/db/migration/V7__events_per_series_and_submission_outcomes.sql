-- Observation events carry a series' rows of one submission chunk (event version 2), so one processed event
-- stands for many observations with different outcomes: the outcome counts move from one row per event to one
-- row per submission, kept up to date in the transaction that applies the events. The status resource of a
-- million-row load reads one row instead of counting a million.
create table submission_outcome (
    submission_id     uuid primary key,
    applied           bigint      not null,
    inserted          bigint      not null,
    revised           bigint      not null,
    unchanged         bigint      not null,
    deleted           bigint      not null,
    nothing_to_delete bigint      not null,
    last_applied_at   timestamptz not null
);

insert into submission_outcome
select submission_id,
       count(*),
       count(*) filter (where outcome = 'INSERTED'),
       count(*) filter (where outcome = 'REVISED'),
       count(*) filter (where outcome in ('UNCHANGED', 'SUPERSEDED')),
       count(*) filter (where outcome = 'DELETED'),
       count(*) filter (where outcome = 'NOTHING_TO_DELETE'),
       max(processed_at)
from processed_event
where submission_id is not null
group by submission_id;

alter table processed_event drop column outcome;
