package eu.drugsplan.indicators.repository;

/** The statements of {@link StoreTables}: each runs once per batch, for all of the batch's rows. */
final class StoreSql {

    static final String APPLIED = "select event_id from processed_event where event_id = any(?)";

    static final String SERIES = "select id, series_key, data_version from series where series_key = any(?)";

    static final String NEW_SERIES = """
            insert into series (id, series_key, measure, area, dimensions, data_version, updated_at)
            select nextval('series_seq'), k.series_key, k.measure, k.area, k.dimensions::jsonb, 0, ?
            from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as k(series_key, measure, area, dimensions)
            returning id, series_key, data_version""";

    static final String CURRENT = """
            select o.series_id, o.period, o.value, o.status, o.comment, o.submission_id, o.received_at
            from unnest(?::bigint[], ?::text[]) as k(series_id, period)
            join observation o on o.series_id = k.series_id and o.period = k.period""";

    /**
     * A temporary table lives as long as the pooled connection; its rows only as long as the transaction. Its
     * columns take anything, so that the database's own constraints on the real tables say what is wrong.
     */
    static final String STAGE_TABLE = """
            create temporary table if not exists store_stage (
                ord integer not null, series_id bigint, period text, value numeric, status text, comment text,
                deleted boolean, reporter text, submission_id uuid, event_id uuid, received_at timestamptz
            ) on commit delete rows""";

    static final String COPY_STAGE = """
            copy store_stage (ord, series_id, period, value, status, comment, deleted, reporter, submission_id,
                              event_id, received_at) from stdin""";

    /** Version ids follow the batch's order: a cell's history is read in id order. */
    static final String ADD_VERSIONS = """
            insert into observation_version (id, series_id, period, value, status, comment, deleted, reporter,
                                             submission_id, event_id, received_at, recorded_at)
            select nextval('observation_version_seq'), s.series_id, s.period, s.value, s.status, s.comment, s.deleted,
                   s.reporter, s.submission_id, s.event_id, s.received_at, ?
            from (select * from store_stage order by ord) s""";

    /** A changed cell's current observation is its last version of the batch: written, or removed by a tombstone. */
    static final String UPSERT_CURRENT = """
            with last as materialized (
                select distinct on (series_id, period) * from store_stage order by series_id, period, ord desc
            ), removed as (
                delete from observation o using last
                where last.deleted and o.series_id = last.series_id and o.period = last.period
            )
            insert into observation (id, series_id, period, value, status, comment, reporter, submission_id,
                                     received_at, updated_at)
            select nextval('observation_seq'), l.series_id, l.period, l.value, l.status, l.comment, l.reporter,
                   l.submission_id, l.received_at, ?
            from last l where not l.deleted
            on conflict (series_id, period) do update set value = excluded.value, status = excluded.status,
                comment = excluded.comment, reporter = excluded.reporter, submission_id = excluded.submission_id,
                received_at = excluded.received_at, updated_at = excluded.updated_at""";

    static final String SERIES_VERSIONS = """
            update series s set data_version = s.data_version + u.added, updated_at = ?
            from unnest(?::bigint[], ?::bigint[]) as u(id, added) where s.id = u.id""";

    static final String PROCESSED = """
            insert into processed_event (event_id, processed_at, submission_id)
            select p.event_id, ?, p.submission_id from unnest(?::uuid[], ?::uuid[]) as p(event_id, submission_id)""";

    static final String POINTS = """
            select series_id, period, value, status from observation where series_id = any(?)
            order by series_id, period""";

    private StoreSql() {
    }
}
