package eu.drugsplan.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every backend points at a port where nothing listens. */
@QuarkusTest
@TestProfile(BackendDownTest.NoBackends.class)
class BackendDownTest {

    public static class NoBackends implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(JwtKeysResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.backends.indicators", "http://127.0.0.1:9",
                    "gateway.backends.submissions", "http://127.0.0.1:9",
                    "gateway.backends.reporting", "http://127.0.0.1:9");
        }
    }

    @Test
    void a_backend_that_is_down_answers_503_as_a_problem_and_never_hangs() {
        given().get("/api/v1/trends/PI09.DRUG_INDUCED_DEATHS")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503))
                .body("type", equalTo("https://drugsplan.eu/problems/backend-unavailable"))
                .body("instance", equalTo("/api/v1/trends/PI09.DRUG_INDUCED_DEATHS"));
    }

    @Test
    void every_answer_carries_a_request_id_and_a_given_one_is_kept() {
        given().get("/api/v1/data/PI09.DRUG_INDUCED_DEATHS")
                .then().header(ForwardingHeaders.REQUEST_ID, matchesPattern("[0-9a-f-]{36}"));
        given().header(ForwardingHeaders.REQUEST_ID, "dashboard-42")
                .auth().oauth2(Tokens.forReporter("AT", "submitter")).post("/api/v1/submissions")
                .then().statusCode(503).header(ForwardingHeaders.REQUEST_ID, "dashboard-42");
    }

    @Test
    void a_path_outside_the_public_api_is_not_proxied() {
        given().get("/api/v1/unknown").then().statusCode(404);
    }
}
