package eu.drugsplan.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.drugsplan.gateway.support.GatewayWithBackends;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed api/openapi.json, from which api-client generates the Java client, must be the document the
 * gateway serves: otherwise the client describes an API that no longer exists. The gateway serves what its build
 * bundled from the services' own builds, so this is checked here, on this build's real documents, with no service
 * running. With -Dapi.snapshot.update=true (deploy/local/openapi-snapshot.sh) the test rewrites the snapshot
 * instead.
 */
@QuarkusTest
@TestProfile(PublicApiSnapshotTest.RealServiceDocuments.class)
class PublicApiSnapshotTest {

    static final Path SNAPSHOT = Path.of("..").toAbsolutePath().normalize().resolve("api/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The gateway with the documents its build bundled, not the stand-ins of the other tests. */
    public static class RealServiceDocuments extends GatewayWithBackends {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.openapi.schemas", "classpath:openapi");
        }
    }

    @Test
    void the_committed_snapshot_is_the_document_the_gateway_serves() throws Exception {
        JsonNode served = JSON.readTree(given().get("/api/v1/openapi").then().statusCode(200).extract().asString());
        assertThat(served.path("paths").has("/api/v1/indicators")).as("indicators-service's paths").isTrue();
        assertThat(served.path("paths").has("/api/v1/submissions")).as("submissions-service's paths").isTrue();
        assertThat(served.path("paths").has("/api/v1/trends/{measure}")).as("reporting-service's paths").isTrue();

        // the gateway names itself as the server, at whatever address it runs: that describes a deployment, not the
        // API, and a client sets its base URI anyway
        ((ObjectNode) served).remove("servers");
        String expected = canonical(served);
        if (Boolean.getBoolean("api.snapshot.update")) {
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
