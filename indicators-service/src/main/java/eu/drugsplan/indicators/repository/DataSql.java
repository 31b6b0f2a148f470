package eu.drugsplan.indicators.repository;

import eu.drugsplan.contracts.series.Frequency;
import eu.drugsplan.indicators.sdmx.data.PeriodIntervals;
import eu.drugsplan.indicators.service.DataQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of one data query and its parameters. Three sources: the current observations (the common case,
 * read from {@code observation}); the latest version of each observation as of an instant or changed after
 * one (rebuilt from {@code observation_version}); or every version (history). Filters on series and periods
 * apply to all three; rows come ordered by series key, period and version, so a writer can group by series
 * while streaming.
 */
final class DataSql {

    private static final String COLUMNS = """
            s.series_key, s.area, s.dimensions::text as dimensions, s.data_version, s.updated_at as series_updated_at,
            x.period, x.value, x.status, x.comment, x.deleted, x.reporter, x.submission_id, x.received_at,
            x.changed_at, x.version_id""";

    private static final String CURRENT = """
            select o.series_id, o.period, o.value, o.status, o.comment, false as deleted, o.reporter,
                   o.submission_id, o.received_at, o.updated_at as changed_at, o.id as version_id
            from observation o""";

    private static final String VERSION_COLUMNS = """
            v.series_id, v.period, v.value, v.status, v.comment, v.deleted, v.reporter, v.submission_id,
            v.received_at, v.recorded_at as changed_at, v.id as version_id
            from observation_version v join series vs on vs.id = v.series_id""";

    /** The text shape of a stored period of each frequency (Period's canonical forms). */
    private static final Map<Frequency, String> SHAPES = Map.of(
            Frequency.A, "^[0-9]{4}$",
            Frequency.S, "^[0-9]{4}-S[1-2]$",
            Frequency.Q, "^[0-9]{4}-Q[1-4]$",
            Frequency.M, "^[0-9]{4}-[0-9]{2}$",
            Frequency.W, "^[0-9]{4}-W[0-9]{2}$",
            Frequency.D, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private DataSql() {
    }

    /** The rows of the query, in series, period and version order. */
    static DataSql rows(DataQuery query) {
        DataSql data = new DataSql();
        if (query.inDataSets() && query.includeHistory()) {
            // one data set per dissemination (a submission; its deletions a data set of their own), oldest first;
            // a data set stops being wholly current when the first of its values is replaced or deleted
            data.sql.append("select h.*, min(h.changed_at) over (partition by h.submission_id, h.deleted) as set_from,")
                    .append(" min(h.next_changed_at) over (partition by h.submission_id, h.deleted) as set_to from (");
            data.select(query);
            data.sql.append(") h order by set_from, submission_id nulls first, deleted, ");
        } else if (query.inDataSets()) {
            // changes first, then the deletions, which SDMX-JSON and SDMX-ML carry as a Delete data set
            data.select(query);
            data.sql.append(" order by deleted, ");
        } else {
            data.select(query);
            data.sql.append(" order by ");
        }
        data.seriesOrder(query);
        return data;
    }

    /**
     * Within a data set: by series, then period, then version. A cross-section's series are the codes of every
     * other dimension and the period (in key order, TIME_PERIOD last), its observations the codes of the
     * dimension at observation.
     */
    private void seriesOrder(DataQuery query) {
        String at = query.crossSection();
        if (at == null) {
            sql.append("series_key, period, version_id");
            return;
        }
        List<String> others = new ArrayList<>();
        others.add("REF_AREA");
        others.addAll(query.dimensionOrder());
        others.remove(at);
        for (String dimension : others) {
            sql.append(code(dimension)).append(", ");
        }
        sql.append("period, ").append(code(at)).append(", version_id");
    }

    private String code(String dimension) {
        if (dimension.equals("REF_AREA")) {
            return "area";
        }
        parameters.add(dimension);
        return "(dimensions::jsonb ->> ?)";
    }

    /** The number of rows the query would return. */
    static DataSql count(DataQuery query) {
        DataSql data = new DataSql();
        data.sql.append("select count(*) from (");
        data.select(query);
        data.sql.append(") counted");
        return data;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> parameters() {
        return parameters;
    }

    private void select(DataQuery query) {
        boolean lastN = query.lastNObservations() != null;
        boolean firstN = query.firstNObservations() != null;
        if (lastN || firstN) {
            sql.append("select * from (");
        }
        sql.append("select ").append(COLUMNS);
        // dense_rank: every version of one period counts as one of the first or last N periods; the periods of
        // one series share one frequency, so their texts sort chronologically
        if (lastN) {
            sql.append(", dense_rank() over (partition by s.id order by x.period desc) as recency");
        }
        if (firstN) {
            sql.append(", dense_rank() over (partition by s.id order by x.period) as earliness");
        }
        if (query.inDataSets() && query.includeHistory()) {
            sql.append(", lead(x.changed_at) over (partition by s.id, x.period order by x.version_id) as next_changed_at");
        }
        sql.append(" from series s join (");
        source(query);
        sql.append(") x on x.series_id = s.id where s.measure = ?");
        parameters.add(query.measure());
        seriesFilters(query);
        periodFilters(query);
        versionFilters(query);
        if (lastN || firstN) {
            sql.append(") ranked where true");
        }
        if (lastN) {
            sql.append(" and recency <= ?");
            parameters.add(query.lastNObservations());
        }
        if (firstN) {
            sql.append(" and earliness <= ?");
            parameters.add(query.firstNObservations());
        }
    }

    private void source(DataQuery query) {
        if (!query.readsVersions()) {
            sql.append(CURRENT);
            return;
        }
        sql.append(query.includeHistory() ? "select " : "select distinct on (v.series_id, v.period) ");
        sql.append(VERSION_COLUMNS).append(" where vs.measure = ?");
        parameters.add(query.measure());
        if (query.asOf() != null) {
            sql.append(" and v.recorded_at <= ?");
            parameters.add(utc(query.asOf()));
        }
        if (!query.includeHistory()) {
            // the latest version of each observation key; ids grow with time
            sql.append(" order by v.series_id, v.period, v.id desc");
        }
    }

    private void seriesFilters(DataQuery query) {
        if (!query.areas().isEmpty()) {
            sql.append(" and s.area = any(?)");
            parameters.add(new TextArray(query.areas()));
        }
        for (Map.Entry<String, Set<String>> dimension : query.dimensions().entrySet()) {
            if (!dimension.getValue().isEmpty()) {
                sql.append(" and s.dimensions ->> ? = any(?)");
                parameters.add(dimension.getKey());
                parameters.add(new TextArray(dimension.getValue()));
            }
        }
    }

    /**
     * SDMX compares periods as intervals: a period is kept when it overlaps [startDate, endDate]. Per frequency
     * (told by the period's shape) that is a text comparison with the period of that frequency containing the
     * bound's day (see {@link PeriodIntervals#containing}).
     */
    private void periodFilters(DataQuery query) {
        bound(query.startDate(), ">=");
        bound(query.endDate(), "<=");
    }

    private void bound(java.time.LocalDate day, String comparison) {
        if (day == null) {
            return;
        }
        sql.append(" and (");
        Frequency[] frequencies = Frequency.values();
        for (int i = 0; i < frequencies.length; i++) {
            sql.append(i == 0 ? "" : " or ").append("(x.period ~ ? and x.period ").append(comparison).append(" ?)");
            parameters.add(SHAPES.get(frequencies[i]));
            parameters.add(PeriodIntervals.containing(frequencies[i], day));
        }
        sql.append(")");
    }

    private void versionFilters(DataQuery query) {
        if (query.updatedAfter() != null) {
            sql.append(" and x.changed_at > ?");
            parameters.add(utc(query.updatedAfter()));
        } else if (query.readsVersions() && !query.includeHistory()) {
            // as of an instant, an observation whose latest version is a tombstone did not exist
            sql.append(" and not x.deleted");
        }
    }

    private static java.time.OffsetDateTime utc(java.time.Instant instant) {
        return java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    /** A set of codes bound as a PostgreSQL text array. */
    record TextArray(Set<String> values) {
    }
}
