-- Issue 4: asynchronous loads commit chunk by chunk and say how far they got; the outbox ids a submission
-- occupies tell when Kafka has acknowledged all of them; Idempotency-Key answers are replayed per reporter.
alter table submission
    add column first_event_id   bigint,
    add column last_event_id    bigint,
    add column chunks_committed int not null default 0,
    add column published_at     timestamptz,
    add column failure          text;
create index submission_status_received on submission (status, received_at desc);

create table idempotency_key (
    reporter        varchar(16)  not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    submission_id   uuid         not null references submission (id) on delete cascade,
    response_status int          not null,
    created_at      timestamptz  not null,
    primary key (reporter, idempotency_key)
);
