-- One row per series: the latest trend computed for it and the data version it reflects.
create table series_trend (
    series_key   varchar(500) primary key,
    measure      varchar(64)  not null,
    area         varchar(64)  not null,
    dimensions   jsonb        not null,
    data_version bigint       not null,
    changed_at   timestamptz  not null,
    computed_at  timestamptz  not null,
    trend        jsonb        not null
);
create index series_trend_measure_area on series_trend (measure, area);
