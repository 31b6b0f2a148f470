package eu.drugsplan.indicators.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;

/**
 * The set-wise store against the store's semantics written row by row ({@link ReferenceStore}), on a real
 * PostgreSQL (the test database, a schema of its own migrated by the service's migrations): for generated
 * batches of inserts, revisions, unchanged repeats, deletes, several rows of one cell in one batch, replays of an
 * event id in the same and in later batches and rows accepted out of order, the same outcomes, the same
 * current observations, the same versions in the same order and the same data versions.
 */
class SetWiseStoreProperties {

    private static final String SCHEMA = "store_properties";
    private static final String URL = System.getenv().getOrDefault("INDICATORS_TEST_DB_URL",
            "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "127.0.0.1") + ":"
                    + System.getenv().getOrDefault("PGPORT", "5432") + "/indicators_test");
    private static final UUID[] SUBMISSIONS = {UUID.randomUUID(), UUID.randomUUID()};
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123456Z");
    private static final Map<String, String>[] DIMENSIONS = dimensions();

    @BeforeContainer
    static void migrate() {
        Flyway flyway = Flyway.configure().dataSource(URL, "drugsplan", "drugsplan").schemas(SCHEMA)
                .locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
    }

    @Property(tries = 100)
    void the_set_wise_store_keeps_the_versioned_state_the_rules_define(@ForAll("batches") List<List<EventSpec>> specs)
            throws SQLException {
        List<List<ObservationEvent>> batches = events(specs);
        ReferenceStore expected = new ReferenceStore();
        SetWiseStore store = new SetWiseStore(new ObjectMapper());
        try (Connection connection = DriverManager.getConnection(URL + "?currentSchema=" + SCHEMA, "drugsplan", "drugsplan")) {
            try (Statement truncate = connection.createStatement()) {
                truncate.execute("truncate observation, observation_version, processed_event, series cascade");
            }
            connection.setAutoCommit(false);
            for (List<ObservationEvent> batch : batches) {
                List<StoreOutcome> outcomes = store.apply(connection, batch).plan().outcomes();
                connection.commit();
                assertThat(outcomes).as("outcomes of a batch").isEqualTo(expected.apply(batch));
            }
            assertThat(current(connection)).isEqualTo(expected.current());
            assertThat(versions(connection)).isEqualTo(expected.history);
            assertThat(dataVersions(connection)).isEqualTo(expectedDataVersions(expected));
            assertThat(processed(connection)).isEqualTo(expected.applied);
        }
    }

    /** An event: fresh, or (replayOf an index of an earlier one) a replay of that event, id and content. */
    record EventSpec(int replayOf, int series, int submission, int receivedSeconds, List<ObservationChange> rows) {
    }

    @Provide
    Arbitrary<List<List<EventSpec>>> batches() {
        Arbitrary<ObservationChange> row = Combinators.combine(
                Arbitraries.of(ObservationAction.MERGE, ObservationAction.MERGE, ObservationAction.REPLACE,
                        ObservationAction.DELETE),
                Arbitraries.of("2020", "2021", "2022"),
                Arbitraries.of(new BigDecimal("1"), new BigDecimal("1.0"), new BigDecimal("2.5"),
                        new BigDecimal("-0.000001"), new BigDecimal("123456789.123456789")).injectNull(0.15),
                Arbitraries.of("A", "E"),
                Arbitraries.of("c", "tab\there, line\nbreak, back\\slash and \\N", "").injectNull(0.5)
        ).as((action, period, value, status, comment) -> new ObservationChange(action, period,
                action == ObservationAction.DELETE ? null : value, action == ObservationAction.DELETE ? null : status,
                comment));
        Arbitrary<EventSpec> event = Combinators.combine(Arbitraries.integers().between(-6, 12),
                Arbitraries.integers().between(0, DIMENSIONS.length * 2 - 1), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 2), row.list().ofMinSize(1).ofMaxSize(4)).as(EventSpec::new);
        return event.list().ofMinSize(1).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(4);
    }

    private static List<List<ObservationEvent>> events(List<List<EventSpec>> specs) {
        List<ObservationEvent> made = new ArrayList<>();
        List<List<ObservationEvent>> batches = new ArrayList<>();
        for (List<EventSpec> batch : specs) {
            List<ObservationEvent> events = new ArrayList<>();
            for (EventSpec spec : batch) {
                ObservationEvent event = spec.replayOf() >= 0 && spec.replayOf() < made.size()
                        ? made.get(spec.replayOf())
                        : new ObservationEvent(2, UUID.randomUUID(), SUBMISSIONS[spec.submission()], "EUDA",
                        "PI02.WASTEWATER_LOAD", "P" + spec.series() / DIMENSIONS.length,
                        DIMENSIONS[spec.series() % DIMENSIONS.length], T0.plusSeconds(spec.receivedSeconds()), spec.rows());
                made.add(event);
                events.add(event);
            }
            batches.add(events);
        }
        return batches;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] dimensions() {
        return new Map[] {Map.of("STAT", "DAILY_MEAN", "SUBSTANCE", "COCAINE"), Map.of()};
    }

    private static Map<String, ReferenceStore.Version> current(Connection connection) throws SQLException {
        Map<String, ReferenceStore.Version> found = new HashMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery("""
                select s.series_key, o.period, o.value, o.status, o.comment, o.submission_id, o.received_at, v.event_id
                from observation o join series s on s.id = o.series_id
                join lateral (select event_id from observation_version v where v.series_id = o.series_id
                              and v.period = o.period order by v.id desc limit 1) v on true""")) {
            while (rows.next()) {
                found.put(rows.getString(1) + "|" + rows.getString(2), version(rows, false));
            }
        }
        return found;
    }

    private static List<ReferenceStore.Version> versions(Connection connection) throws SQLException {
        List<ReferenceStore.Version> found = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery("""
                select s.series_key, v.period, v.value, v.status, v.comment, v.submission_id, v.received_at,
                       v.event_id, v.deleted
                from observation_version v join series s on s.id = v.series_id order by v.id""")) {
            while (rows.next()) {
                found.add(version(rows, rows.getBoolean(9)));
            }
        }
        return found;
    }

    private static ReferenceStore.Version version(ResultSet rows, boolean deleted) throws SQLException {
        return new ReferenceStore.Version(rows.getString(1), rows.getString(2), rows.getBigDecimal(3),
                rows.getString(4), rows.getString(5), deleted, rows.getObject(6, UUID.class),
                rows.getObject(8, UUID.class), rows.getObject(7, OffsetDateTime.class).toInstant());
    }

    private static Map<String, Long> dataVersions(Connection connection) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery(
                "select series_key, data_version from series where data_version > 0")) {
            while (rows.next()) {
                found.put(rows.getString(1), rows.getLong(2));
            }
        }
        return found;
    }

    private static Map<String, Long> expectedDataVersions(ReferenceStore expected) {
        Map<String, Long> counts = new HashMap<>();
        expected.history.forEach(v -> counts.merge(v.seriesKey(), 1L, Long::sum));
        return counts;
    }

    private static Set<UUID> processed(Connection connection) throws SQLException {
        Set<UUID> found = new HashSet<>();
        try (ResultSet rows = connection.createStatement().executeQuery("select event_id from processed_event")) {
            while (rows.next()) {
                found.add(rows.getObject(1, UUID.class));
            }
        }
        return found;
    }
}
