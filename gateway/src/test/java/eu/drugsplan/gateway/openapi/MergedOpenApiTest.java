package eu.drugsplan.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayWithBackends.class)
class MergedOpenApiTest {

    private static JsonPath document() {
        return given().get("/api/v1/openapi").then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
    }

    @Test
    void the_document_holds_the_routed_paths_of_every_service_and_nothing_else() {
        Map<String, Object> paths = document().getMap("paths");

        assertThat(paths).containsOnlyKeys("/api/v1/indicators", "/api/v1/submissions", "/api/v1/trends/{measure}");
        assertThat(document().getList("tags.name")).containsExactly("Catalogue", "Submissions", "Trends");
    }

    @Test
    void components_two_services_name_alike_are_kept_apart() {
        JsonPath doc = document();

        assertThat(doc.getMap("components.schemas")).containsKeys("Summary", "SubmissionsSummary", "Problem");
        assertThat(doc.getString("paths.'/api/v1/indicators'.get.responses.'200'.content.'application/json'.schema.items.$ref"))
                .isEqualTo("#/components/schemas/Summary");
        assertThat(doc.getString("paths.'/api/v1/submissions'.post.responses.'201'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/SubmissionsSummary");
    }

    @Test
    void components_only_the_services_internal_paths_use_are_left_out() {
        // OutcomeView belongs to an /internal path the gateway does not route; Instant only to OutcomeView
        assertThat(document().getMap("components.schemas")).doesNotContainKeys("OutcomeView", "Instant");
    }

    @Test
    void tags_only_the_services_internal_paths_use_are_left_out() {
        assertThat(document().getList("tags.name")).doesNotContain("Internal");
    }

    @Test
    void every_operation_declares_the_gateways_own_answers_and_its_access_rule() {
        JsonPath doc = document();

        assertThat(doc.getMap("components.securitySchemes")).containsOnlyKeys("bearerAuth");
        assertThat(doc.getMap("paths.'/api/v1/submissions'.post.responses"))
                .containsKeys("201", "401", "403", "413", "429", "503", "504");
        assertThat(doc.getList("paths.'/api/v1/submissions'.post.security")).isEqualTo(List.of(Map.of("bearerAuth", List.of())));
        assertThat(doc.getMap("paths.'/api/v1/indicators'.get.responses"))
                .containsKeys("200", "401", "429", "503", "504").doesNotContainKeys("403", "413");
        // open to anyone ({}), a token allowed
        assertThat(doc.getList("paths.'/api/v1/indicators'.get.security")).hasSize(2);
        assertThat(doc.getString("components.responses.TooManyRequests.content.'application/problem+json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.getString("paths.'/api/v1/trends/{measure}'.get.operationId")).isEqualTo("getTrendsByMeasure");
        assertThat(doc.getString("servers[0].url")).startsWith("http://");
    }

    @Test
    void the_document_comes_as_yaml_on_request() {
        String yaml = given().queryParam("format", "yaml").get("/api/v1/openapi")
                .then().statusCode(200).contentType("application/yaml").extract().asString();

        assertThat(yaml).contains("openapi: \"3.1.0\"").contains("/api/v1/submissions:");
    }

    @Test
    void swagger_ui_shows_the_merged_document() {
        String config = given().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString();

        assertThat(config).contains("/api/v1/openapi");
    }
}
