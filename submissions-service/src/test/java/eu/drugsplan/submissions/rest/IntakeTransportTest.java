package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Database;
import eu.drugsplan.submissions.support.Releases;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import eu.drugsplan.testsupport.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How bodies travel: gzip bodies are decoded with a limit on what they expand to, other codings are refused
 * instead of being read as text, and no observation event outgrows the broker's record size. The limits are
 * small here so that a bomb and an oversized series stay quick: an 8 MB body, 64 KiB events, and a producer
 * that refuses records over 128 KiB, as a broker would past its message.max.bytes.
 */
@QuarkusTest
@TestProfile(IntakeTransportTest.SmallLimits.class)
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class IntakeTransportTest {

    static final Path SPOOL = Path.of("target", "transport-spool");
    static final int EVENT_BUDGET = 64 * 1024;
    static final int PRODUCER_LIMIT = 128 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CSV = """
            measure,area,period,value,status,comment,action,SEX,AGE
            PI09.DRUG_INDUCED_DEATHS,AT,2019,120,,"checked, twice",,M,TOTAL
            PI09.DRUG_INDUCED_DEATHS,AT,2020,118,,,,M,TOTAL
            """;
    static final String OBSERVATIONS = """
            {"observations": [
              {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2018",
               "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": 31},
              {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2019",
               "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": 29}]}
            """;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "8M",
                    "submissions.spool-directory", SPOOL.toString(),
                    "submissions.observations-per-event", "1000",
                    "submissions.event-max-bytes", Integer.toString(EVENT_BUDGET),
                    "mp.messaging.outgoing.outbox.max.request.size", Integer.toString(PRODUCER_LIMIT));
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_gzip_csv_is_decoded_and_its_rows_stored() {
        String id = post("text/csv", "gzip", gzip(CSV.getBytes(StandardCharsets.UTF_8)))
                .statusCode(201).body("received", equalTo(2)).body("accepted", equalTo(2))
                .extract().path("id");
        assertThat(Database.observationsOf(dataSource, id)).isEqualTo(2);
    }

    @Test
    void a_gzip_json_body_is_decoded_and_its_rows_stored() {
        String id = post("application/json", "x-gzip", gzip(OBSERVATIONS.getBytes(StandardCharsets.UTF_8)))
                .statusCode(201).body("accepted", equalTo(2))
                .extract().path("id");
        assertThat(Database.observationsOf(dataSource, id)).isEqualTo(2);
    }

    @Test
    void the_same_rows_compressed_or_not_are_the_same_body_for_an_idempotency_key() {
        byte[] csv = CSV.replace("2019", "2011").replace("2020", "2012").getBytes(StandardCharsets.UTF_8);
        String first = given().auth().oauth2(token()).contentType("text/csv").header("Idempotency-Key", "gzip-or-not")
                .body(csv).when().post("/api/v1/submissions").then().statusCode(201).extract().path("id");
        String again = given().auth().oauth2(token()).contentType("text/csv").header("Idempotency-Key", "gzip-or-not")
                .header("Content-Encoding", "gzip").body(gzip(csv))
                .when().post("/api/v1/submissions").then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
    }

    /** 100 KB of gzip that expands to 100 MB, past the 8 MB limit: refused while it expands, nothing kept. */
    @Test
    void a_gzip_bomb_is_413_and_leaves_nothing_behind() throws IOException {
        byte[] bomb = gzipBomb(100L << 20);
        assertThat(bomb.length).isLessThan(200_000);
        long submissions = submissions();

        post("text/csv", "gzip", bomb)
                .statusCode(413).contentType(containsString("application/problem+json"))
                .body("type", containsString("body-too-large")).body("detail", containsString("8388608"));

        assertThat(submissions()).isEqualTo(submissions);
        assertThat(spooled()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-evil", "br", "deflate", "compress", "gzip, gzip", "gzip, identity"})
    void any_other_content_encoding_is_415_naming_gzip(String coding) {
        long submissions = submissions();
        post("text/csv", coding, CSV.getBytes(StandardCharsets.UTF_8))
                .statusCode(415).contentType(containsString("application/problem+json"))
                .header("Accept-Encoding", "gzip")
                .body("type", containsString("unsupported-content-encoding"));
        assertThat(submissions()).isEqualTo(submissions);
    }

    @Test
    void identity_is_the_body_as_sent() {
        post("text/csv", "identity", CSV.replace("2019", "2013").replace("2020", "2014").getBytes(StandardCharsets.UTF_8))
                .statusCode(201).body("accepted", equalTo(2));
    }

    @Test
    void a_body_that_is_not_gzip_or_is_cut_off_is_400() throws IOException {
        long submissions = submissions();
        post("text/csv", "gzip", CSV.getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("type", containsString("unreadable-body"));
        byte[] whole = gzip(CSV.getBytes(StandardCharsets.UTF_8));
        post("text/csv", "gzip", java.util.Arrays.copyOf(whole, whole.length / 2))
                .statusCode(400).body("type", containsString("unreadable-body"));
        assertThat(submissions()).isEqualTo(submissions);
        assertThat(spooled()).isEmpty();
    }

    /**
     * Two series of 126 years each, every row with a comment of 1,000 three-byte characters: 380 KB a series,
     * one event each before, over the event budget and refused by the producer. Now every event is within the
     * budget, and Kafka receives every row once, in row order.
     */
    @Test
    void the_rows_of_a_series_larger_than_a_record_are_split_into_events_within_the_budget_in_row_order() throws Exception {
        String comment = "\u20AC".repeat(1000);
        StringBuilder csv = new StringBuilder("measure,area,period,value,comment,SUBSTANCE,RECALL_PERIOD,AGE,SEX\n");
        List<String> years = IntStream.rangeClosed(1900, 2025).mapToObj(Integer::toString).toList();
        for (String year : years) {
            for (String sex : List.of("F", "M")) {
                csv.append("PI07.PREVALENCE,AT,").append(year).append(",1.5,").append(comment)
                        .append(",CANNABIS,LAST_YEAR,Y15-34,").append(sex).append('\n');
            }
        }
        String id = post("text/csv", null, csv.toString().getBytes(StandardCharsets.UTF_8))
                .statusCode(201).body("accepted", equalTo(2 * years.size())).extract().path("id");

        List<String> payloads = outboxPayloads(id);
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(2 * 6);
        assertThat(payloads).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(EVENT_BUDGET));
        assertThat(periodsBySeries(payloads.stream())).allSatisfy((series, periods) -> assertThat(periods).isEqualTo(years));

        Releases.release(id);
        List<ConsumerRecord<String, String>> published = TopicProbe.await("observations.v1",
                r -> r.value().contains(id), payloads.size(), Duration.ofSeconds(60));
        assertThat(published).hasSize(payloads.size());
        Stream<String> inOffsetOrder = published.stream()
                .sorted(Comparator.comparing((ConsumerRecord<String, String> r) -> r.partition()).thenComparing(ConsumerRecord::offset))
                .map(ConsumerRecord::value);
        Map<String, List<String>> delivered = periodsBySeries(inOffsetOrder);
        assertThat(delivered).hasSize(2).allSatisfy((series, periods) -> assertThat(periods).isEqualTo(years));
    }

    private static ValidatableResponse post(String type, String coding, byte[] body) {
        var request = given().auth().oauth2(token()).contentType(type).body(body);
        if (coding != null) {
            request.header("Content-Encoding", coding);
        }
        return request.when().post("/api/v1/submissions").then();
    }

    private static String token() {
        return Tokens.forReporter("AT", "submitter");
    }

    private long submissions() {
        return Database.count(dataSource, "select count(*) from submission");
    }

    private static List<Path> spooled() throws IOException {
        if (!Files.isDirectory(SPOOL)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.toList();
        }
    }

    private List<String> outboxPayloads(String submissionId) throws SQLException {
        List<String> payloads = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select payload from " + Database.EVENTS + " e where payload like ? order by id")) {
            select.setString(1, "%\"submissionId\":\"" + submissionId + "\"%");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
        }
        return payloads;
    }

    /** The periods of each series' events, concatenated in the order given. */
    private static Map<String, List<String>> periodsBySeries(Stream<String> payloads) {
        Map<String, List<String>> periods = new LinkedHashMap<>();
        payloads.forEach(payload -> {
            JsonNode event = read(payload);
            List<String> series = periods.computeIfAbsent(event.path("dimensions").toString(), k -> new ArrayList<>());
            event.path("observations").forEach(o -> series.add(o.path("period").asText()));
        });
        return periods;
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A CSV header followed by spaces: a few hundred bytes of gzip per megabyte expanded. */
    static byte[] gzipBomb(long expanded) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
            zip.write("measure,area,period,value\n".getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long written = 0; written < expanded; written += spaces.length) {
                zip.write(spaces);
            }
        }
        return out.toByteArray();
    }
}
