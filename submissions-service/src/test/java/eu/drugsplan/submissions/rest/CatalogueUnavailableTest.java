package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(CatalogueUnavailableTest.NoCatalogue.class)
@WithTestResource(JwtKeysResource.class)
class CatalogueUnavailableTest {

    /**
     * indicators-service never published a catalogue: the topic is one nobody writes, and indicators-service's
     * address a closed port.
     */
    public static class NoCatalogue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("CATALOGUE_TOPIC", "submissions-test-no-catalogue-" + java.util.UUID.randomUUID(),
                    "%test.catalogue.wait-at-start", "1s", "quarkus.rest-client.store.url", "http://127.0.0.1:9");
        }
    }

    /** Health answers on the management port, not on the API's. */
    @TestHTTPResource(value = "health/ready", management = true) // under the management root, /q
    URL readiness;

    @Test
    void without_a_catalogue_the_service_is_not_ready() {
        given().get(readiness).then().statusCode(503)
                .body("checks.find { it.name == 'catalogue' }.status", equalTo("DOWN"));
    }

    @Test
    void without_a_catalogue_nothing_is_accepted_unvalidated_and_the_answer_is_503() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON)
                .body("{\"observations\": [{\"measure\": \"PI01.DRUG_RELATED_HOMICIDES\", \"area\": \"AT\", \"period\": \"2021\", \"value\": 1}]}")
                .when().post("/api/v1/submissions")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://drugsplan.eu/problems/catalogue-unavailable"));
    }
}
