-- The versioned time-series store: current values plus every version ever stored.
create sequence series_seq increment by 50;
create table series (
    id           bigint primary key,
    series_key   varchar(500) not null unique,
    measure      varchar(64)  not null,
    area         varchar(64)  not null,
    dimensions   jsonb        not null,
    data_version bigint       not null,
    updated_at   timestamptz  not null
);
create index series_measure_area on series (measure, area);

create sequence observation_seq increment by 100;
create table observation (
    id            bigint primary key,
    series_id     bigint       not null references series (id),
    period        varchar(16)  not null,
    value         numeric,
    status        varchar(2)   not null,
    comment       text,
    reporter      varchar(16)  not null,
    submission_id uuid         not null,
    received_at   timestamptz  not null,
    updated_at    timestamptz  not null,
    unique (series_id, period)
);

-- One row per change of an observation; a delete is a tombstone (deleted = true, no value).
create sequence observation_version_seq increment by 100;
create table observation_version (
    id            bigint primary key,
    series_id     bigint       not null references series (id),
    period        varchar(16)  not null,
    value         numeric,
    status        varchar(2),
    comment       text,
    deleted       boolean      not null,
    reporter      varchar(16)  not null,
    submission_id uuid         not null,
    event_id      uuid         not null,
    received_at   timestamptz  not null,
    recorded_at   timestamptz  not null
);
create index observation_version_key on observation_version (series_id, period, recorded_at);
create index observation_version_recorded on observation_version (recorded_at);

-- Event ids already applied: what makes redelivery and replay harmless.
create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null
);

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
