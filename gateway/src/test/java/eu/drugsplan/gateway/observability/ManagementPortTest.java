package eu.drugsplan.gateway.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics live on the management port, never on the public one; the metrics' URI tags are route
 * templates, so they carry no reporter's submission id.
 */
@QuarkusTest
@TestProfile(GatewayWithBackends.class)
class ManagementPortTest {

    @TestHTTPResource(value = "metrics", management = true) // under the management root, /q
    URL metrics;

    @TestHTTPResource(value = "health/ready", management = true) // under the management root, /q
    URL readiness;

    @Test
    void the_public_port_answers_no_metrics_and_no_health() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void the_management_port_answers_metrics_and_health() {
        given().get(readiness).then().statusCode(200).body(containsString("\"status\": \"UP\""));
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void swagger_ui_stays_on_the_public_port() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void submission_ids_do_not_become_uri_tags() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        for (String id : new String[] {first, second}) {
            given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                    .get("/api/v1/submissions/" + id).then().statusCode(200);
        }
        given().get("/api/v1/data/PI09.DRUG_INDUCED_DEATHS/A.AT.F.TOTAL").then().statusCode(200);
        given().get("/api/v1/trends/PI09.DRUG_INDUCED_DEATHS").then().statusCode(200);

        String prometheus = given().get(metrics).then().statusCode(200).extract().asString();

        assertThat(prometheus).contains("uri=\"/api/v1/submissions/{id}\"")
                .contains("uri=\"/api/v1/data/{measure}/{key}\"")
                .contains("uri=\"/api/v1/trends/{measure}\"")
                .doesNotContain(first).doesNotContain(second)
                .doesNotContain("A.AT.F.TOTAL").doesNotContain("uri=\"/api/v1/trends/PI09");
    }
}
