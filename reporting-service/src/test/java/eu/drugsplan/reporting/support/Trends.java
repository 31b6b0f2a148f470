package eu.drugsplan.reporting.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** Reads trends the way a dashboard does, waiting for the consumer to catch up. */
public final class Trends {

    private Trends() {
    }

    /** Waits until GET /api/v1/trends/{measure} with these query parameters answers what the test expects. */
    public static JsonPath awaitTrends(String measure, Map<String, String> query, Predicate<JsonPath> until) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = given().queryParams(query).get("/api/v1/trends/" + measure).then().statusCode(200)
                    .extract().jsonPath();
            return until.test(last[0]);
        });
        return last[0];
    }

    /** Waits until the series of this area (and these dimensions) is served at this data version. */
    public static JsonPath awaitVersion(String measure, Map<String, String> query, long dataVersion) {
        return awaitTrends(measure, query, body -> body.getList("trends").size() == 1
                && body.getLong("trends[0].dataVersion") == dataVersion);
    }
}
