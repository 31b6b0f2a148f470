package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The committed api/openapi.json, from which api-client generates the Java client, must be the document the
 * gateway serves: otherwise the client describes an API that no longer exists. With
 * -Dapi.snapshot.update=true (deploy/local/openapi-snapshot.sh) the test rewrites the snapshot instead.
 */
@ExtendWith(SharedSuiteExtension.class)
class PublicApiSnapshotTest {

    static final Path SNAPSHOT = Path.of("..").toAbsolutePath().normalize().resolve("api/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static Suite suite;

    @BeforeAll
    static void useTheSharedSuite(Suite shared) throws Exception {
        suite = shared;
    }

    @Test
    void the_committed_snapshot_is_the_document_the_gateway_serves() throws Exception {
        String body = given().baseUri(suite.gatewayUrl()).get("/api/v1/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode served = JSON.readTree(body);
        // a service that did not answer is left out of the document: such a document must never become the snapshot
        assertThat(served.path("paths").has("/api/v1/indicators")).as("indicators-service's paths").isTrue();
        assertThat(served.path("paths").has("/api/v1/submissions")).as("submissions-service's paths").isTrue();
        assertThat(served.path("paths").has("/api/v1/trends/{measure}")).as("reporting-service's paths").isTrue();

        // the gateway names itself as the server, at whatever address it runs: that describes a deployment, not the
        // API, and a client sets its base URI anyway
        ((ObjectNode) served).remove("servers");
        String expected = canonical(served);
        if (Boolean.getBoolean("api.snapshot.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, expected, StandardCharsets.UTF_8);
        }
        assertThat(SNAPSHOT).as("the snapshot; write it with deploy/local/openapi-snapshot.sh").exists();
        // compared in one layout, so that only a change of content fails, and shown as text, so that the diff says which
        assertThat(canonical(JSON.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8))))
                .as("%s differs from the gateway's /api/v1/openapi; refresh it with deploy/local/openapi-snapshot.sh "
                        + "and rebuild api-client", SNAPSHOT)
                .isEqualTo(expected);
    }

    private static String canonical(JsonNode document) throws Exception {
        return JSON.writeValueAsString(document) + "\n";
    }
}
