package eu.drugsplan.submissions.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.drugsplan.contracts.catalogue.CatalogueEvent;
import eu.drugsplan.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for indicators-service in this module's tests: publishes the catalogue of the JSON fixtures (shaped
 * like its CatalogueViews, generated from its V3/V4 migrations) as indicators-service publishes its own at start
 * (contracts' CatalogueEvent, on a topic of this test application's own, {@code CATALOGUE_TOPIC}), and answers the
 * store-outcome endpoint with 404 (nothing applied) and the stored-series read with none, as the real ones do
 * before anything is stored.
 */
public class CatalogueFixtureResource implements QuarkusTestResourceLifecycleManager {

    /** The one series the stand-in store holds official values of. */
    public static final String STORED_SERIES = "PI09.DRUG_INDUCED_DEATHS:HU:AGE=TOTAL,SEX=F";
    private static final String STORED = "[{\"seriesKey\": \"" + STORED_SERIES + "\", \"values\": ["
            + "{\"period\": \"2014\", \"value\": 30, \"status\": \"A\"},"
            + "{\"period\": \"2015\", \"value\": 32, \"status\": \"A\"},"
            + "{\"period\": \"2016\", \"value\": 31, \"status\": \"A\"},"
            + "{\"period\": \"2017\", \"value\": 35, \"status\": \"A\"},"
            + "{\"period\": \"2018\", \"value\": 36, \"status\": \"A\"}]}]";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CODELISTS = List.of("AGE", "MEDICATION", "OBS_STATUS", "RECALL_PERIOD", "REF_AREA",
            "SDG_TARGET", "SEIZURE_SIZE", "SEX", "STAT", "SUBSTANCE");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/submissions/", exchange -> send(exchange, 404, null,
                "{\"status\":404,\"title\":\"Not Found\"}".getBytes()));
        // nothing is stored yet, as in a new store (the checks compare the rows of a submission with each other),
        // except one Hungarian series with five official years, for the draft trends (DraftTrendsTest)
        server.createContext("/internal/v1/series/current", exchange -> {
            String asked = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            send(exchange, 200, null, (asked.contains("\"" + STORED_SERIES + "\"") ? STORED : "[]").getBytes());
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        String topic = "submissions-test-catalogue-" + UUID.randomUUID();
        TopicProbe.send(topic, CatalogueEvent.KEY, catalogue());
        return Map.of("CATALOGUE_TOPIC", topic, "quarkus.rest-client.store.url", url,
                "quarkus.rest-client.history.url", url);
    }

    /** The fixtures as one catalogue event: each measure's reporters flattened as the event carries them. */
    private static String catalogue() {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", CatalogueEvent.CURRENT_VERSION);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("catalogueVersion", "fixtures");
        event.put("publishedAt", Instant.now().toString());
        ArrayNode measures = event.putArray("measures");
        for (JsonNode measure : fixture("catalogue/measures.json")) {
            ObjectNode flat = ((ObjectNode) measure).deepCopy();
            flat.put("memberStates", measure.path("reporters").path("memberStates").asBoolean(false));
            flat.set("agencies", measure.path("reporters").path("agencies"));
            measures.add(flat);
        }
        ObjectNode codelists = event.putObject("codelists");
        for (String id : CODELISTS) {
            JsonNode codes = fixture("catalogue/codelists/" + id + ".json").get("codes");
            if (id.equals("REF_AREA")) {
                event.set("areas", codes);
            } else {
                codelists.set(id, codes);
            }
        }
        event.set("reporters", fixture("catalogue/reporters.json"));
        return event.toString();
    }

    private static JsonNode fixture(String resource) {
        try (InputStream in = CatalogueFixtureResource.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String etag, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
