package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Releases;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import eu.drugsplan.testsupport.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class ObservabilityTest {

    @TestHTTPResource(value = "metrics", management = true) // under the management root, /q
    URL metrics;

    private static final String GOOD_AND_BAD = """
            {"observations": [
              {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2019", "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": 31},
              {"measure": "deaths", "area": "AT", "period": "2019", "value": 31}
            ]}""";

    @Test
    void the_intake_counts_submissions_and_rows_and_rejections_by_reason() {
        double submissions = meter("submissions_total{outcome=\"validated\"");
        double accepted = meter("submissions_rows_total{outcome=\"accepted\"");
        double rejected = meter("submissions_rows_total{outcome=\"rejected\"");
        double badMeasure = meter("submissions_rows_rejected_total{reason=\"MEASURE_INVALID\"");

        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body(GOOD_AND_BAD)
                .post("/api/v1/submissions").then().statusCode(201);

        assertThat(meter("submissions_total{outcome=\"validated\"")).isEqualTo(submissions + 1);
        assertThat(meter("submissions_rows_total{outcome=\"accepted\"")).isEqualTo(accepted + 1);
        assertThat(meter("submissions_rows_total{outcome=\"rejected\"")).isEqualTo(rejected + 1);
        assertThat(meter("submissions_rows_rejected_total{reason=\"MEASURE_INVALID\"")).isEqualTo(badMeasure + 1);
        // every reason is listed before it has happened, so dashboards and rates see it from the start
        assertThat(meter("submissions_rows_rejected_total{reason=\"ROW_MALFORMED\"")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void metrics_and_health_answer_on_the_management_port_only() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get(metrics).then().statusCode(200);
    }

    @Test
    void a_published_record_carries_the_trace_of_the_request_that_submitted_it() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String id = given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .contentType(ContentType.JSON).body(GOOD_AND_BAD.replace("2019", "2018"))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
        Releases.release(id);

        var published = TopicProbe.await("observations.v1", r -> r.value().contains(id), Duration.ofSeconds(20));

        assertThat(published).isNotEmpty().allSatisfy(record -> {
            Header traceparent = record.headers().lastHeader("traceparent");
            assertThat(traceparent).isNotNull();
            assertThat(new String(traceparent.value(), StandardCharsets.UTF_8))
                    .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        });
    }

    /** The value of the first Prometheus sample whose name and labels start so; fails if there is none. */
    private double meter(String nameAndFirstLabel) {
        String prometheus = given().get(metrics).then().statusCode(200).extract().asString();
        return prometheus.lines()
                .filter(line -> line.startsWith(nameAndFirstLabel))
                // the value follows the labels; an exemplar (trace and span id) may follow the value
                .map(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + nameAndFirstLabel + " in /q/metrics"));
    }
}
