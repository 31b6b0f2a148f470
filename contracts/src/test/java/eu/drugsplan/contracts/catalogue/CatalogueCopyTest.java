package eu.drugsplan.contracts.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import eu.drugsplan.contracts.series.Frequency;
import eu.drugsplan.contracts.trend.DesiredDirection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The copy of the catalogue: the newest publication wins, a reader waits once for the first one. */
class CatalogueCopyTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void a_newer_catalogue_replaces_the_copy_and_an_older_or_repeated_one_does_not() {
        CatalogueCopy copy = new CatalogueCopy(Duration.ZERO);
        CatalogueEvent first = catalogue("V15", T0, DesiredDirection.DOWN);
        CatalogueEvent older = catalogue("V14", T0.minusSeconds(60), DesiredDirection.UP);
        CatalogueEvent newer = catalogue("V16", T0.plusSeconds(60), DesiredDirection.UP);

        assertThat(copy.replace(first)).isTrue();
        assertThat(copy.replace(older)).isFalse();
        assertThat(copy.current()).contains(first);
        assertThat(copy.replace(newer)).isTrue();
        assertThat(copy.current()).contains(newer);
        assertThat(copy.current().orElseThrow().measure("PI09.X").orElseThrow().desiredDirection())
                .isEqualTo(DesiredDirection.UP);
    }

    @Test
    void without_a_catalogue_the_first_read_waits_for_it_and_later_reads_do_not_wait() {
        CatalogueCopy copy = new CatalogueCopy(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(copy.current()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        started = System.nanoTime();
        assertThat(copy.current()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
        assertThat(copy.known()).isFalse();
    }

    @Test
    void a_waiting_reader_gets_the_catalogue_as_soon_as_it_arrives() throws Exception {
        CatalogueCopy copy = new CatalogueCopy(Duration.ofSeconds(30));
        CompletableFuture<java.util.Optional<CatalogueEvent>> reader = CompletableFuture.supplyAsync(copy::current);
        Thread.sleep(100);
        CatalogueEvent event = catalogue("V15", T0, DesiredDirection.DOWN);
        copy.replace(event);
        assertThat(reader.get(5, java.util.concurrent.TimeUnit.SECONDS)).contains(event);
        assertThat(copy.known()).isTrue();
    }

    /** A record of the topic as it travels: JSON, read past unknown fields, refused when of a later version. */
    @Test
    void a_record_of_the_topic_is_kept_read_past_or_skipped_by_what_it_is() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        CatalogueCopy copy = new CatalogueCopy(Duration.ZERO);
        String event = json.writeValueAsString(catalogue("V15", T0, DesiredDirection.DOWN));

        assertThat(copy.accept("not json", json)).isEqualTo(CatalogueCopy.Outcome.UNREADABLE);
        assertThat(copy.accept(event.replace("\"version\":1", "\"version\":2"), json))
                .isEqualTo(CatalogueCopy.Outcome.TOO_NEW);
        assertThat(copy.known()).isFalse();
        assertThat(copy.accept(event.replace("{\"version\"", "{\"addedLater\":true,\"version\""), json))
                .isEqualTo(CatalogueCopy.Outcome.KEPT);
        assertThat(copy.accept(event, json)).isEqualTo(CatalogueCopy.Outcome.KEPT);
        assertThat(copy.current().orElseThrow().measure("PI09.X").orElseThrow().headline()).containsEntry("SEX", "T");
    }

    private static CatalogueEvent catalogue(String version, Instant at, DesiredDirection direction) {
        return new CatalogueEvent(CatalogueEvent.CURRENT_VERSION, UUID.randomUUID(), version, at,
                List.of(new CatalogueEvent.Measure("PI09.X", "PI09", "number", direction, "SUM", null,
                        List.of("SEX"), Map.of("SEX", "T"), UnitKind.COUNT, Frequency.A, true, List.of(), null, false, null)),
                List.of(new CatalogueEvent.Area("AT", "Austria", "EU27_2020", Map.of())), Map.of(), List.of());
    }
}
