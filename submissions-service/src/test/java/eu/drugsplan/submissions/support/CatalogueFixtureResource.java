package eu.drugsplan.submissions.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for indicators-service in this module's tests: serves the catalogue from JSON fixtures shaped
 * like its CatalogueViews (generated from its V3/V4 migrations), with a strong ETag and 304 on If-None-Match,
 * and answers the store-outcome endpoint with 404 (nothing applied) and the stored-series read with none, as
 * the real ones do before anything is stored.
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

    static final String ETAG = "\"catalogue-5\"";
    public static final AtomicInteger NOT_MODIFIED = new AtomicInteger();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/measures", exchange -> serve(exchange, "catalogue/measures.json"));
        server.createContext("/api/v1/reporters", exchange -> serve(exchange, "catalogue/reporters.json"));
        server.createContext("/api/v1/codelists/", exchange -> serve(exchange,
                "catalogue/codelists/" + exchange.getRequestURI().getPath().substring("/api/v1/codelists/".length()) + ".json"));
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
        return Map.of("quarkus.rest-client.catalogue.url", url, "quarkus.rest-client.store.url", url,
                "quarkus.rest-client.history.url", url);
    }

    private static void serve(HttpExchange exchange, String resource) throws IOException {
        if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            NOT_MODIFIED.incrementAndGet();
            send(exchange, 304, ETAG, null);
            return;
        }
        try (InputStream in = CatalogueFixtureResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                send(exchange, 404, null, "{\"status\":404}".getBytes());
                return;
            }
            send(exchange, 200, ETAG, in.readAllBytes());
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
