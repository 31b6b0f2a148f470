package eu.drugsplan.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Three stand-in services (plain JDK HTTP servers, no Quarkus) behind the gateway under test. Each answers any
 * API request with what it received - method, path, whether a bearer token came along, how many body bytes -
 * and serves a small OpenAPI document of its own at /q/openapi, so routing and merging can be checked.
 */
public class EchoBackends implements QuarkusTestResourceLifecycleManager {

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : List.of("indicators", "submissions", "reporting")) {
            HttpServer server = serve(service);
            servers.add(server);
            config.put("gateway.backends." + service, "http://127.0.0.1:" + server.getAddress().getPort());
        }
        return config;
    }

    private static HttpServer serve(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> answer(service, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(String service, HttpExchange exchange) throws IOException {
        long bytes = 0;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[65536];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                bytes += n;
            }
        }
        String path = exchange.getRequestURI().getPath();
        String json = path.equals("/q/openapi") ? OpenApiDocuments.of(service)
                : "{\"service\":\"" + service + "\",\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\"" + path
                + "\",\"bearer\":" + (exchange.getRequestHeaders().getFirst("Authorization") != null)
                + ",\"requestId\":\"" + exchange.getRequestHeaders().getFirst("X-Request-Id")
                + "\",\"traceparent\":\"" + exchange.getRequestHeaders().getFirst("traceparent")
                + "\",\"bodyBytes\":" + bytes + "}";
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, out.length);
        try (OutputStream response = exchange.getResponseBody()) {
            response.write(out);
        }
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }
}
