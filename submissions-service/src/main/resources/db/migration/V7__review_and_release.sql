-- Issue 16: only released data is official. The observation events of rows under review wait here instead of in
-- the outbox: nothing downstream (store, trends, SDMX, dashboard) can see them. A release copies them into the
-- outbox in one statement at its publication time, and the existing flow makes them public.
alter table submission
    add column submitted_by     text,
    add column review_state     varchar(16),
    add column reviewing_bodies text,
    add column released_by      text,
    add column publish_at       timestamptz,
    add column official_at      timestamptz,
    add column review_comment   text;
-- the publisher's poll (due releases) and the reviewers' queue read only these few rows
create index submission_release_due on submission (publish_at) where review_state = 'RELEASED';
create index submission_in_review on submission (received_at) where review_state = 'IN_REVIEW';

create sequence submission_event_seq increment by 100;
create table submission_event (
    id            bigint primary key,
    submission_id uuid        not null references submission (id) on delete cascade,
    body          varchar(16) not null,
    event_id      uuid        not null,
    topic         varchar(200) not null,
    message_key   text        not null,
    payload       text        not null,
    created_at    timestamptz not null,
    traceparent   varchar(55)
);
create index submission_event_submission on submission_event (submission_id, id);
create index submission_event_series on submission_event (message_key);

-- A reviewer's comment on one row (series and period) of a returned submission.
create table review_row_comment (
    submission_id uuid        not null references submission (id) on delete cascade,
    series_key    text        not null,
    period        varchar(16) not null,
    comment       text        not null,
    author        text        not null,
    body          text        not null,
    commented_at  timestamptz not null,
    primary key (submission_id, series_key, period)
);

-- The audit: every transition, who, when and why. No foreign key and no cascade: it is kept for good, also if a
-- submission row were ever removed.
create sequence review_action_seq increment by 50;
create table review_action (
    id            bigint primary key,
    submission_id uuid        not null,
    action        varchar(32) not null,
    actor         text        not null,
    body          text,
    acted_at      timestamptz not null,
    note          text,
    publish_at    timestamptz
);
create index review_action_submission on review_action (submission_id, id);
