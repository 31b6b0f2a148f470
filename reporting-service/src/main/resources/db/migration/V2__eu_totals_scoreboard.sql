-- The overall assessment label in its own column, so that the scoreboard counts labels without
-- reading trend documents. Rows written before this migration take the label from their JSON.
alter table series_trend add column overall varchar(32);
update series_trend set overall = trend -> 'overall' ->> 'assessment';

-- EU totals computed here (sum of the Member States) live beside reported series of the same area:
-- the flag (and a series key suffix) keeps them apart.
alter table series_trend add column computed boolean not null default false;

-- Every write of a trend takes the next revision. ETags derive from the highest revision of the
-- matching rows: exact and independent of clocks, and cheap through the index.
create sequence series_trend_revision_seq;
alter table series_trend add column revision bigint;
update series_trend set revision = nextval('series_trend_revision_seq');
alter table series_trend alter column revision set not null;
create index series_trend_revision on series_trend (revision);
create index series_trend_measure_revision on series_trend (measure, revision);

-- The current value of each country per (measure, dimensions, period), kept from series-updated
-- events, so that an EU total is re-summed from its own few rows and never from the whole store.
create sequence country_value_seq increment by 50;
create table country_value (
    id             bigint        primary key,
    measure        varchar(64)   not null,
    dimensions_key varchar(400)  not null,
    area           varchar(64)   not null,
    period         varchar(16)   not null,
    value          numeric       not null,
    constraint country_value_natural unique (measure, dimensions_key, area, period)
);
