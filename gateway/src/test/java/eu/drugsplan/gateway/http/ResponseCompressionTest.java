package eu.drugsplan.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The gateway compresses the JSON it proxies for a client that accepts gzip, and only then; event streams never.
 * The JDK client decompresses nothing by itself, so the bytes on the wire are what is checked.
 */
@QuarkusTest
@TestProfile(GatewayWithBackends.class)
class ResponseCompressionTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void proxied_json_is_gzip_compressed_for_a_client_that_accepts_gzip() throws Exception {
        HttpResponse<byte[]> answer = get("/api/v1/summaries/measures/PI02.WASTEWATER_LOAD", "gzip");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String json = gunzip(answer.body());
        // the echo backend names who answered: the summaries are reporting-service's
        assertThat(json).contains("\"service\":\"reporting\"", "\"path\":\"/api/v1/summaries/measures/PI02.WASTEWATER_LOAD\"");
    }

    @Test
    void a_client_that_does_not_accept_gzip_gets_the_plain_body() throws Exception {
        HttpResponse<byte[]> answer = get("/api/v1/trends/PI09.DRUG_INDUCED_DEATHS", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Encoding").orElse("identity")).isEqualTo("identity");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).startsWith("{\"service\":\"reporting\"");
    }

    @Test
    void a_trend_stream_is_never_compressed() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/trends/stream"))
                .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(5)).build();
        HttpResponse<InputStream> answer = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            byte[] first = body.readNBytes(":subscribed".length());

            assertThat(answer.headers().firstValue("Content-Encoding").orElse("identity")).isEqualTo("identity");
            assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(":subscribed");
        }
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(10));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
