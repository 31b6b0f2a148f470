package eu.drugsplan.reporting.rest;

import static eu.drugsplan.reporting.support.SeriesEvents.send;
import static eu.drugsplan.reporting.support.SeriesEvents.uniqueCode;
import static eu.drugsplan.reporting.support.Trends.awaitTrends;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import eu.drugsplan.reporting.support.CatalogueOnTopic;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every list parameter of the trend query and stream has a cap, 400 past it (README "Bounded answers"). */
@QuarkusTest
@WithTestResource(CatalogueOnTopic.class)
class BoundedTrendQueriesTest {

    private static final String PATH = "/api/v1/trends/PI09.DRUG_INDUCED_DEATHS";

    @Test
    void more_area_or_dimension_codes_than_the_cap_are_refused_and_the_cap_is_answered() {
        given().queryParam("area", codes(301)).get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("301 codes"));
        given().queryParam("SEX", codes(301)).get(PATH).then().statusCode(400).body("detail", containsString("SEX"));
        given().queryParam("area", codes(300)).get(PATH).then().statusCode(200);
    }

    @Test
    void a_code_longer_than_any_code_is_refused() {
        given().queryParam("area", "A".repeat(65)).get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("64 characters"));
    }

    @Test
    void the_stream_caps_its_measure_and_area_lists_too() {
        given().queryParam("area", codes(301)).get("/api/v1/trends/stream").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("measure", codes(301)).get("/api/v1/trends/stream").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** Before V3 series_trend.series_key was varchar(500): a key of long codes the intake accepts failed here. */
    @Test
    void a_series_key_of_codes_at_their_longest_is_stored() {
        String area = (uniqueCode() + "A".repeat(64)).substring(0, 64);
        String key = send("PI09.DRUG_INDUCED_DEATHS", area, Map.of("SEX", "M".repeat(64), "AGE", "Y".repeat(64),
                "STAT" + "X".repeat(60), "S".repeat(64), "EXTRA" + "X".repeat(59), "E".repeat(64), "MORE" + "X".repeat(60), "O".repeat(64)), 1, "2020", 1);
        assertThat(key.length()).isGreaterThan(500);

        awaitTrends("PI09.DRUG_INDUCED_DEATHS", Map.of("area", area), body -> body.getList("trends").size() == 1);
    }

    private static String codes(int count) {
        return IntStream.range(0, count).mapToObj(i -> "C" + i).collect(Collectors.joining(","));
    }
}
