package eu.drugsplan.reporting.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stands in for indicators-service's catalogue in this service's own tests: a JDK HTTP server answering
 * {@code /api/v1/measures}, {@code /api/v1/measures/{code}} and {@code /api/v1/codelists/REF_AREA} with JSON
 * fixtures shaped like indicators-service's CatalogueViews (src/test/resources/catalogue). The end-to-end
 * tests run the real catalogue.
 */
public class CatalogueStub implements QuarkusTestResourceLifecycleManager {

    private static final String MEASURES = "/api/v1/measures";
    private static final String CODELISTS = "/api/v1/codelists/";

    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        JsonNode measures = fixture("measures.json");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(MEASURES, exchange -> measures(exchange, measures));
        server.createContext(CODELISTS, exchange -> {
            String id = exchange.getRequestURI().getPath().substring(CODELISTS.length());
            answer(exchange, "REF_AREA".equals(id) ? fixture("codelist-REF_AREA.json") : null);
        });
        server.start();
        return Map.of("quarkus.rest-client.catalogue.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void measures(HttpExchange exchange, JsonNode measures) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(MEASURES)) {
            answer(exchange, measures);
            return;
        }
        String code = path.substring(MEASURES.length() + 1);
        JsonNode match = null;
        for (JsonNode measure : measures) {
            if (measure.get("code").asText().equals(code)) {
                match = measure;
            }
        }
        answer(exchange, match);
    }

    private void answer(HttpExchange exchange, JsonNode body) throws IOException {
        byte[] bytes = body != null ? json.writeValueAsBytes(body)
                : "{\"title\":\"Not Found\",\"status\":404}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body != null ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private JsonNode fixture(String name) {
        try (InputStream in = CatalogueStub.class.getResourceAsStream("/catalogue/" + name)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
