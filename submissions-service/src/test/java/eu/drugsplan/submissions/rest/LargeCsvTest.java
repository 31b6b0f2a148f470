package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Database;
import eu.drugsplan.submissions.support.Fixtures;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The test profile sets the asynchronous threshold to 5,000 rows and chunks of 4,000. */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class LargeCsvTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_twenty_thousand_row_csv_is_answered_202_and_committed_chunk_by_chunk() throws IOException {
        Path csv = wastewaterCsv(20_000, 3);

        String location = given().auth().oauth2(Tokens.forReporter("EUDA", "submitter"))
                .contentType("text/csv").body(csv.toFile())
                .when().post("/api/v1/submissions")
                .then().statusCode(202)
                .body("status", equalTo("PROCESSING"))
                .header("Location", containsString("/api/v1/submissions/"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        JsonPath done = awaitFinished(id);
        assertThat(done.getString("status")).isEqualTo("VALIDATED");
        assertThat(done.getInt("received")).isEqualTo(20_000);
        assertThat(done.getInt("accepted")).isEqualTo(19_997);
        assertThat(done.getInt("rejected")).isEqualTo(3);
        assertThat(done.getInt("chunksCommitted")).isGreaterThanOrEqualTo(5);
        assertThat(done.getList("conflicts.code", String.class)).containsOnly("VALUE_NEGATIVE").hasSize(3);
        assertThat(Database.observationsOf(dataSource, id)).isEqualTo(19_997);
        Files.delete(csv);
    }

    @Test
    void a_small_csv_asking_for_respond_async_is_answered_202() throws IOException {
        Path csv = wastewaterCsv(10, 0);

        String location = given().auth().oauth2(Tokens.forReporter("EUDA", "submitter"))
                .header("Prefer", "respond-async")
                .contentType("text/csv").body(csv.toFile())
                .when().post("/api/v1/submissions")
                .then().statusCode(202).extract().header("Location");

        JsonPath done = awaitFinished(location.substring(location.lastIndexOf('/') + 1));
        assertThat(done.getInt("accepted")).isEqualTo(10);
        Files.delete(csv);
    }

    private static JsonPath awaitFinished(String id) {
        AtomicReference<JsonPath> status = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            status.set(given().auth().oauth2(Tokens.forReporter("EUDA", "submitter"))
                    .when().get("/api/v1/submissions/" + id).then().statusCode(200).extract().jsonPath());
            return !"PROCESSING".equals(status.get().getString("status"));
        });
        return status.get();
    }

    /**
     * Waste-water loads by site, substance, statistic and year, one row per observation (a second row for one
     * would be a DUPLICATE_KEY); the last `negative` rows carry a negative load.
     */
    static Path wastewaterCsv(int rows, int negative) throws IOException {
        List<String> sites = Fixtures.codes("REF_AREA").stream().filter(c -> c.matches("[A-Z]{2}\\d{3}")).toList();
        List<String> substances = Fixtures.codes("SUBSTANCE");
        List<String> stats = Fixtures.codes("STAT");
        Path csv = Files.createTempFile("wastewater-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("measure,area,period,value,status,comment,action,SUBSTANCE,STAT\n");
            for (int i = 0; i < rows; i++) {
                String value = i >= rows - negative ? "-1" : Integer.toString(i % 997);
                int combination = i / sites.size();
                out.write("PI02.WASTEWATER_LOAD," + sites.get(i % sites.size()) + "," + (2000 + combination % 25) + ","
                        + value + ",,,," + substances.get(combination / 25 % substances.size()) + ","
                        + stats.get(combination / 25 / substances.size() % stats.size()) + "\n");
            }
        }
        return csv;
    }
}
