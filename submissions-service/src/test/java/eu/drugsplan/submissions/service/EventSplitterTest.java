package eu.drugsplan.submissions.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.contracts.series.TextLimits;
import eu.drugsplan.submissions.service.IntakePipeline.PendingEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * No observation event may exceed the broker's record size: the split by bytes holds whatever the comments
 * hold, and loses, doubles or reorders no row.
 */
class EventSplitterTest {

    static final int KAFKA_RECORD_LIMIT = 1024 * 1024;
    static final int DEFAULT_BUDGET = 512 * 1024;
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final SeriesKey SERIES = SeriesKey.of("PI07.PREVALENCE", "AT",
            Map.of("SUBSTANCE", "CANNABIS", "RECALL_PERIOD", "LAST_YEAR", "AGE", "Y15-34", "SEX", "F"));

    @Test
    void a_thousand_rows_with_the_longest_comments_of_three_byte_characters_become_events_under_the_budget() {
        String comment = "\u20AC".repeat(TextLimits.COMMENT);
        List<ObservationChange> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new ObservationChange(ObservationAction.MERGE, Integer.toString(1000 + i), BigDecimal.valueOf(i),
                    "A", comment));
        }

        List<PendingEvent> events = splitter(1000, DEFAULT_BUDGET).events(SERIES, rows);

        // 1000 rows of 3 KB: one event of 3 MB before, past Kafka's 1 MiB
        assertThat(events).hasSizeGreaterThan(5);
        assertThat(events).allSatisfy(event -> assertThat(bytes(event)).isLessThanOrEqualTo(DEFAULT_BUDGET));
        assertThat(rowsOf(events)).isEqualTo(rows);
    }

    @Test
    void small_rows_stay_one_event_per_thousand_rows() {
        List<ObservationChange> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            rows.add(new ObservationChange(ObservationAction.MERGE, Integer.toString(i), BigDecimal.ONE, null, null));
        }
        List<PendingEvent> events = splitter(1000, DEFAULT_BUDGET).events(SERIES, rows);
        assertThat(events).hasSize(3);
        assertThat(rowsOf(events)).isEqualTo(rows);
    }

    @Property(seed = "20261201", tries = 60)
    void every_event_fits_its_budget_and_the_events_carry_every_row_once_in_order(
            @ForAll("rows") List<ObservationChange> rows, @ForAll @IntRange(min = 1, max = 1000) int rowsPerEvent,
            @ForAll @IntRange(min = 16 * 1024, max = DEFAULT_BUDGET) int budget) {
        List<PendingEvent> events = splitter(rowsPerEvent, budget).events(SERIES, rows);

        Set<UUID> ids = new HashSet<>();
        for (PendingEvent event : events) {
            assertThat(bytes(event)).isLessThanOrEqualTo(budget).isLessThan(KAFKA_RECORD_LIMIT);
            assertThat(read(event).observations()).hasSizeBetween(1, rowsPerEvent);
            assertThat(event.key()).isEqualTo(SERIES.toString());
            assertThat(ids.add(event.eventId())).isTrue();
        }
        assertThat(rowsOf(events)).isEqualTo(rows);
    }

    @Provide
    Arbitrary<List<ObservationChange>> rows() {
        Arbitrary<String> comments = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.strings().ofMaxLength(TextLimits.COMMENT),
                Arbitraries.strings().withChars("\u20AC\u00E9\"\\\t\nx").ofMinLength(900).ofMaxLength(TextLimits.COMMENT),
                Arbitraries.strings().withCharRange('\u4E00', '\u9FFF').ofLength(TextLimits.COMMENT),
                Arbitraries.just("\uD83D\uDE00".repeat(TextLimits.COMMENT / 2)));
        Arbitrary<ObservationChange> change = Combinators.combine(
                Arbitraries.of(ObservationAction.values()),
                Arbitraries.integers().between(1900, 9999).map(Object::toString),
                Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1e12), BigDecimal.valueOf(1e12)).ofScale(3),
                Arbitraries.of("A", "P", "E").injectNull(0.3),
                comments).as(ObservationChange::new);
        return change.list().ofMinSize(1).ofMaxSize(1500);
    }

    static EventSplitter splitter(int rowsPerEvent, int budget) {
        return new EventSplitter(JSON.writerFor(ObservationEvent.class), UUID.randomUUID(), "AT", Instant.now(),
                rowsPerEvent, budget);
    }

    static long bytes(PendingEvent event) {
        return event.payload().getBytes(StandardCharsets.UTF_8).length;
    }

    static ObservationEvent read(PendingEvent event) {
        try {
            return JSON.readValue(event.payload(), ObservationEvent.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static List<ObservationChange> rowsOf(List<PendingEvent> events) {
        List<ObservationChange> rows = new ArrayList<>();
        events.forEach(event -> rows.addAll(read(event).observations()));
        return rows;
    }
}
