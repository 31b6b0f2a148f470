package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.drugsplan.contracts.event.SeriesPoint;
import eu.drugsplan.contracts.event.SeriesUpdatedEvent;
import eu.drugsplan.contracts.series.StoredSeries;
import eu.drugsplan.submissions.repository.StoredSeriesCopy;
import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.TopicProbe;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * This service's copy of the official series, kept from the series-updated events (the fixture publishes one
 * Hungarian series, 2014-2018: 30, 32, 31, 35, 36): the intake's plausibility checks compare with it without asking
 * indicators-service, a repeated or late event never replaces a newer one, and a record that is no event goes to
 * this consumer's own dead-letter topic without stopping the ones behind it.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class StoredSeriesCopyTest {

    @Inject
    StoredSeriesCopy copy;

    @ConfigProperty(name = "mp.messaging.incoming.stored-series.topic")
    String topic;

    @ConfigProperty(name = "mp.messaging.outgoing.stored-series-dlq.topic")
    String deadLetterTopic;

    private static SeriesUpdatedEvent event(String key, long dataVersion, String period, int value) {
        return new SeriesUpdatedEvent(SeriesUpdatedEvent.CURRENT_VERSION, UUID.randomUUID(), key,
                "PI09.DRUG_INDUCED_DEATHS", "CZ", Map.of("SEX", "F", "AGE", "TOTAL"), dataVersion, Instant.now(),
                List.of(new SeriesPoint(period, BigDecimal.valueOf(value), "A")));
    }

    private List<StoredSeries.StoredValue> valuesOf(String key) {
        return copy.current(List.of(key)).stream().findFirst().map(StoredSeries::values).orElse(List.of());
    }

    @Test
    void a_value_sent_again_for_a_period_of_the_official_copy_is_a_revision_with_the_copy_s_value() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !valuesOf(CatalogueFixtureResource.STORED_SERIES).isEmpty());
        String row = "{\"measure\": \"PI09.DRUG_INDUCED_DEATHS\", \"area\": \"HU\", \"period\": \"2016\","
                + " \"dimensions\": {\"SEX\": \"F\", \"AGE\": \"TOTAL\"}, \"value\": 40}";

        JsonPath summary = given().auth().oauth2(Tokens.forReporter("HU", "submitter")).contentType(ContentType.JSON)
                .body("{\"observations\": [" + row + "]}").when().post("/api/v1/submissions?dryRun=true")
                .then().statusCode(200).extract().jsonPath();

        assertThat(summary.getList("warnings.code")).contains("REVISION");
        int revision = summary.getList("warnings.code").indexOf("REVISION");
        assertThat(summary.getInt("warnings[" + revision + "].reference")).isEqualTo(31);
        assertThat(summary.getInt("warnings[" + revision + "].value")).isEqualTo(40);
    }

    @Test
    void only_a_newer_data_version_replaces_a_series_whatever_the_order_the_events_come_in() {
        String key = "PI09.DRUG_INDUCED_DEATHS:CZ:AGE=TOTAL,SEX=F|" + UUID.randomUUID();
        copy.keep(List.of(event(key, 7, "2018", 1)));
        copy.keep(List.of(event(key, 6, "2018", 2)));
        copy.keep(List.of(event(key, 7, "2018", 5)));
        assertThat(valuesOf(key)).extracting(StoredSeries.StoredValue::value).containsExactly(BigDecimal.ONE);

        copy.keep(List.of(event(key, 9, "2019", 3), event(key, 8, "2019", 4)));

        assertThat(valuesOf(key)).singleElement().satisfies(value -> {
            assertThat(value.period()).isEqualTo("2019");
            assertThat(value.value()).isEqualByComparingTo("3");
        });
    }

    @Test
    void a_record_that_is_no_event_goes_to_the_dead_letter_topic_and_the_next_one_is_kept() {
        String key = "PI09.DRUG_INDUCED_DEATHS:CZ:AGE=TOTAL,SEX=M|" + UUID.randomUUID();
        String broken = "{\"version\": 1, \"seriesKey\": \"" + key + "\", \"observations\": [}";
        TopicProbe.send(topic, key, broken);
        TopicProbe.send(topic, key, "{\"version\": 1, \"eventId\": \"" + UUID.randomUUID() + "\", \"seriesKey\": \""
                + key + "\", \"measure\": \"PI09.DRUG_INDUCED_DEATHS\", \"area\": \"CZ\", \"dimensions\": {},"
                + " \"dataVersion\": 1, \"changedAt\": \"2026-12-08T00:00:00Z\","
                + " \"observations\": [{\"period\": \"2020\", \"value\": 12.50, \"status\": \"A\"}]}");

        await().atMost(Duration.ofSeconds(30)).until(() -> !valuesOf(key).isEmpty());
        assertThat(valuesOf(key).get(0).value()).isEqualTo(new BigDecimal("12.50"));
        assertThat(TopicProbe.await(deadLetterTopic, record -> broken.equals(record.value()), Duration.ofSeconds(20)))
                .hasSize(1);
    }
}
