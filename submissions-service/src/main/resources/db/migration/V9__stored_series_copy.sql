-- Issue 19: the official values the plausibility checks, the draft trends and the review compare with are this
-- service's own copy, kept from indicators-service's series-updated events (each carries a whole series), so no
-- HTTP call to the store runs on the path of an observation. One row per series, its newest data version.
create table stored_series
(
    series_key   text primary key,
    data_version bigint      not null,
    changed_at   timestamptz not null,
    -- the series' current values as the event carries them: [{"period", "value", "status"}], in period order
    points       jsonb       not null
);
