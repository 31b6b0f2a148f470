create table submission (
    id              uuid primary key,
    reporter        varchar(16)  not null,
    media_type      varchar(100) not null,
    status          varchar(16)  not null,
    received_at     timestamptz  not null,
    validated_at    timestamptz,
    received        int          not null,
    accepted        int          not null,
    rejected        int          not null,
    deleted         int          not null
);
create index submission_reporter_received on submission (reporter, received_at desc);
create index submission_received on submission (received_at desc);

create sequence submission_conflict_seq increment by 100;
create table submission_conflict (
    id            bigint primary key,
    submission_id uuid         not null references submission (id) on delete cascade,
    row_pointer   varchar(64)  not null,
    field         varchar(64)  not null,
    code          varchar(40)  not null,
    message       text         not null
);
create index submission_conflict_submission on submission_conflict (submission_id);

-- The transactional outbox (see common/outbox): written with the submission, relayed to Kafka.
create sequence outbox_event_seq increment by 100;
create table outbox_event (
    id           bigint primary key,
    event_id     uuid         not null,
    topic        varchar(200) not null,
    message_key  varchar(500) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (id) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
