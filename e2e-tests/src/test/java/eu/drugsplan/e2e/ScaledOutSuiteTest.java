package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.testsupport.TopicProbe;
import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of indicators-service and of reporting-service, as a cluster scales them out, against the
 * real broker and PostgreSQL: every observation is stored once, every series announced once per change
 * (two outbox relays, one advisory lock) and every trend computed once (one consumer group per service).
 * <p>
 * The one e2e class with a suite of its own, not the {@link SharedSuite}: it counts every record of its topics
 * and every trend its reporting replicas computed, which holds only where no other class sends anything, and
 * two replicas of every consumer for all classes would cost each run two more services. Its suite runs on
 * databases of its own (e2e_scaled_*, created by deploy/local/test.sh), so that the shared suite's outbox
 * relays, still running on the shared databases, never publish its records.
 */
class ScaledOutSuiteTest {

    private static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";
    /** Areas no other end-to-end test submits for, so that the series stay this test's alone wherever it runs. */
    private static final List<String> AREAS = List.of("BE", "BG", "CZ", "DK", "EE", "IE");
    private static final List<String> SEXES = List.of("M", "F");
    private static final int FIRST_YEAR = 2010;
    private static final int YEARS = 10;
    private static final String REVISED_YEAR = "2015";
    /** Ten periods, then one revision: eleven changes per series. */
    private static final int CHANGES_PER_SERIES = YEARS + 1;
    private static final int SERIES = AREAS.size() * SEXES.size();

    private static Suite suite;

    @BeforeAll
    static void startTwoReplicasOfTheConsumers() throws Exception {
        suite = Suite.startWithReplicas(Map.of("indicators-service", 2, "reporting-service", 2));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void every_observation_is_stored_once_and_every_trend_computed_once_with_two_replicas_of_each_consumer() {
        // a submission per area and year, interleaved, then one revision of every series; each released (issue 16),
        // the revisions only once the first values are official, so that they are the later versions
        List<String> first = new ArrayList<>();
        for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
            for (String area : AREAS) {
                first.add(submit(area, String.valueOf(year), 0));
            }
        }
        Review.release(suite.gatewayUrl(), first);
        List<String> revisions = new ArrayList<>();
        for (String area : AREAS) {
            revisions.add(submit(area, REVISED_YEAR, 1));
        }
        Review.release(suite.gatewayUrl(), revisions);

        awaitEverySeriesAndTrendAtTheLastChange();

        // stored once: each series has its ten periods, the revision, and a data version per change
        JsonPath data = given().baseUri(suite.gatewayUrl()).queryParam("area", String.join(",", AREAS))
                .get("/api/v1/data/" + MEASURE).then().statusCode(200).extract().jsonPath();
        assertThat(data.getList("series")).hasSize(SERIES);
        for (int i = 0; i < SERIES; i++) {
            String series = "series[" + i + "]";
            assertThat(data.getLong(series + ".dataVersion")).as(data.getString(series + ".seriesKey")).isEqualTo(CHANGES_PER_SERIES);
            assertThat(data.getList(series + ".observations")).hasSize(YEARS);
            assertThat(data.getDouble(series + ".observations.find { it.period == '" + REVISED_YEAR + "' }.value"))
                    .isEqualTo(value(data.getString(series + ".area"), data.getString(series + ".dimensions.SEX"),
                            Integer.parseInt(REVISED_YEAR), 1));
        }

        // every observation event published once by submissions-service
        Map<String, Integer> observationEvents = countBy(records(suite.environment("OBSERVATIONS_TOPIC"),
                SERIES * CHANGES_PER_SERIES), ScaledOutSuiteTest::eventId);
        assertThat(observationEvents).hasSize(SERIES * CHANGES_PER_SERIES);
        assertThat(observationEvents.values()).containsOnly(1);

        // every change of a series announced once, although both indicators replicas run an outbox relay
        List<ConsumerRecord<String, String>> updates = records(suite.environment("SERIES_UPDATED_TOPIC"), 0);
        Map<String, Integer> announcements = countBy(updates, r -> r.key() + "@" + dataVersion(r.value()));
        assertThat(announcements.values()).as("series-updated events per series and data version").containsOnly(1);
        Map<String, Long> lastVersion = new HashMap<>();
        updates.forEach(r -> lastVersion.merge(r.key(), dataVersion(r.value()), Math::max));
        assertThat(lastVersion).hasSize(SERIES);
        assertThat(lastVersion.values()).containsOnly((long) CHANGES_PER_SERIES);

        // each trend computed once: the two reporting replicas together computed one trend per event, and
        // both took part (one consumer group, the partitions shared between them)
        // (an event is either computed, or passed over for a newer one of its series in the same batch)
        List<Long> computedPerReplica = suite.managementUrls("reporting-service").stream()
                .map(url -> meterCount(url, "trend_update_seconds_count")).toList();
        long passedOver = suite.managementUrls("reporting-service").stream()
                .mapToLong(url -> meterCount(url, "trend_updates_superseded_total")).sum();
        assertThat(computedPerReplica.stream().mapToLong(Long::longValue).sum() + passedOver).isEqualTo(updates.size());
        assertThat(computedPerReplica).allMatch(count -> count > 0);
        assertBothReplicasShareTheGroup(suite.environment("INDICATORS_GROUP_ID"));
        assertBothReplicasShareTheGroup(suite.environment("REPORTING_GROUP_ID"));
    }

    private static String submit(String area, String period, int revision) {
        StringBuilder rows = new StringBuilder();
        for (String sex : SEXES) {
            if (!rows.isEmpty()) {
                rows.append(',');
            }
            rows.append("""
                    {"measure": "%s", "area": "%s", "period": "%s", "dimensions": {"SEX": "%s", "AGE": "TOTAL"}, "value": %s}"""
                    .formatted(MEASURE, area, period, sex, value(area, sex, Integer.parseInt(period), revision)));
        }
        return given().baseUri(suite.gatewayUrl())
                .auth().oauth2(Tokens.forReporter(area, "submitter"))
                .contentType(ContentType.JSON).body("{\"observations\": [" + rows + "]}")
                .when().post("/api/v1/submissions")
                .then().log().ifValidationFails().statusCode(201).body("accepted", equalTo(SEXES.size()))
                .extract().path("id");
    }

    /** A distinct, reproducible value per series, year and revision. */
    private static double value(String area, String sex, int year, int revision) {
        return 100 + AREAS.indexOf(area) * 10 + SEXES.indexOf(sex) * 5 + (year - FIRST_YEAR) + revision * 1000;
    }

    private static void awaitEverySeriesAndTrendAtTheLastChange() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonPath data = given().baseUri(suite.gatewayUrl()).queryParam("area", String.join(",", AREAS))
                    .get("/api/v1/data/" + MEASURE).jsonPath();
            JsonPath trends = given().baseUri(suite.gatewayUrl()).queryParam("area", String.join(",", AREAS))
                    .get("/api/v1/trends/" + MEASURE).jsonPath();
            List<Object> versions = data.getList("series.dataVersion");
            List<Object> trendVersions = trends.getList("trends.dataVersion");
            return versions != null && trendVersions != null
                    && versions.size() == SERIES && trendVersions.size() == SERIES
                    && versions.stream().allMatch(v -> ((Number) v).longValue() == CHANGES_PER_SERIES)
                    && trendVersions.stream().allMatch(v -> ((Number) v).longValue() == CHANGES_PER_SERIES);
        });
    }

    /** Every record of the topic: at least {@code atLeast}, then whatever else arrives within two seconds. */
    private static List<ConsumerRecord<String, String>> records(String topic, int atLeast) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicProbe.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "scale-out-probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            Instant quietUntil = null;
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (records.size() >= atLeast && !records.isEmpty() && quietUntil == null) {
                    quietUntil = Instant.now().plusSeconds(2);
                }
                if (quietUntil != null && Instant.now().isAfter(quietUntil)) {
                    break;
                }
            }
        }
        return records;
    }

    private static <K> Map<K, Integer> countBy(List<ConsumerRecord<String, String>> records,
                                               java.util.function.Function<ConsumerRecord<String, String>, K> key) {
        Map<K, Integer> counts = new HashMap<>();
        records.forEach(r -> counts.merge(key.apply(r), 1, Integer::sum));
        return counts;
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("event-id");
        return header == null ? JsonPath.from(record.value()).getString("eventId")
                : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long dataVersion(String seriesUpdatedEvent) {
        return JsonPath.from(seriesUpdatedEvent).getLong("dataVersion");
    }

    /**
     * Sums a meter's samples on a replica's management URL; with tracing on, a sample may end with an exemplar
     * ({@code # {trace_id=...}}).
     */
    private static long meterCount(String baseUrl, String meter) {
        String metrics = given().baseUri(baseUrl).get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(meter) + "(\\{[^}]*})?\\s+([0-9.eE+-]+)(\\s.*)?$").matcher(metrics);
        long total = 0;
        while (sample.find()) {
            total += (long) Double.parseDouble(sample.group(2));
        }
        return total;
    }

    private static void assertBothReplicasShareTheGroup(String groupId) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TopicProbe.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
            assertThat(group.members()).as("members of " + groupId).hasSize(2);
            for (MemberDescription member : group.members()) {
                assertThat(member.assignment().topicPartitions()).as(member.clientId() + " in " + groupId).isNotEmpty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
