package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Location of a new submission is the public URL the client used, as the gateway reports it in X-Forwarded-*
 * headers, not the service's internal address. The test client connects from 127.0.0.1, the trusted proxy.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class PublicLocationTest {

    static final String ONE_ROW = """
            {"observations": [
              {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2015", "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": 29}
            ]}""";

    @Test
    void the_location_names_the_scheme_and_host_the_gateway_forwarded() {
        Response created = submit(Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.drugsplan.eu",
                "X-Forwarded-For", "203.0.113.7"));

        assertThat(created.header("Location"))
                .isEqualTo("https://api.drugsplan.eu/api/v1/submissions/" + created.path("id"));
    }

    @Test
    void the_location_keeps_the_port_of_the_public_address() {
        Response created = submit(Map.of("X-Forwarded-Proto", "http", "X-Forwarded-Host", "127.0.0.1:8080"));

        assertThat(created.header("Location")).isEqualTo("http://127.0.0.1:8080/api/v1/submissions/" + created.path("id"));
    }

    /** The gateway appends to a Forwarded header a client sent, and Quarkus would read the client's host= first. */
    @Test
    void an_rfc_7239_forwarded_header_is_not_believed() {
        Response created = submit(Map.of("Forwarded", "for=203.0.113.7;proto=https;host=evil.example"));

        assertThat(created.header("Location")).doesNotContain("evil.example").startsWith("http://");
    }

    static Response submit(Map<String, String> headers) {
        return given().auth().oauth2(Tokens.forReporter("AT", "submitter")).headers(headers)
                .contentType(ContentType.JSON).body(ONE_ROW)
                .post("/api/v1/submissions").then().statusCode(201).extract().response();
    }
}
