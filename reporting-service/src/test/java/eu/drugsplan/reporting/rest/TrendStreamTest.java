package eu.drugsplan.reporting.rest;

import static eu.drugsplan.reporting.support.SeriesEvents.send;
import static eu.drugsplan.reporting.support.SeriesEvents.uniqueCode;
import static eu.drugsplan.reporting.support.Trends.awaitVersion;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.reporting.support.CatalogueOnTopic;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogueOnTopic.class)
class TrendStreamTest {

    private static final String DEATHS = "PI09.DRUG_INDUCED_DEATHS";

    @TestHTTPResource("/api/v1/trends/stream")
    URL stream;

    @Test
    void a_stream_subscriber_receives_the_changes_of_its_measure_and_area_and_no_others() throws Exception {
        String area = uniqueCode();
        String otherArea = uniqueCode();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = subscribe(URI.create(stream + "?measure=" + DEATHS + "&area=" + area),
                lines);
        try {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            awaitLine(lines, line -> line.startsWith(":"));   // the subscription is in place
            send(DEATHS, otherArea, Map.of("SEX", "M"), 1, "2020", 1);
            awaitVersion(DEATHS, Map.of("area", otherArea), 1);
            String key = send(DEATHS, area, Map.of("SEX", "M"), 1, "2020", 7);

            List<String> received = new ArrayList<>();
            String data = awaitLine(lines, line -> {
                received.add(line);
                return line.startsWith("data:");
            });

            assertThat(data).contains("\"seriesKey\":\"" + key + "\"").contains("\"value\":7.0");
            assertThat(received).anyMatch(line -> line.matches("event: ?trend"));
            assertThat(received).noneMatch(line -> line.contains(otherArea));
        } finally {
            response.body().close();
        }
    }

    private static HttpResponse<Stream<String>> subscribe(URI uri, BlockingQueue<String> lines) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return response;
    }

    private static String awaitLine(BlockingQueue<String> lines, java.util.function.Predicate<String> match)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && match.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no matching line within 30 s");
    }
}
