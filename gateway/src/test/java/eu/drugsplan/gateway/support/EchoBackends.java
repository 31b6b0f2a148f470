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
 * so that routing can be checked (the OpenAPI documents merged in tests are src/test/resources/openapi-stubs). A request
 * with {@code If-None-Match: "echo"} gets a bodiless 304.
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
            // a thread per exchange: tests hold hundreds of streams and unfinished bodies open at once
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> answer(service, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(String service, HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().endsWith("/stream")) {
            stream(exchange);
            return;
        }
        long bytes = 0;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[65536];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                bytes += n;
            }
        }
        String path = exchange.getRequestURI().getPath();
        if ("\"echo\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            // a conditional request that matches: a bodiless 304, as the services send for an unchanged trend
            exchange.getResponseHeaders().set("ETag", "\"echo\"");
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        pause(exchange.getRequestURI().getQuery());
        String json = "{\"service\":\"" + service + "\",\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\"" + path
                + "\",\"rawQuery\":\"" + exchange.getRequestURI().getRawQuery()
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

    /** ?sleep=millis: the service takes that long to answer (after reading the body). */
    private static void pause(String query) {
        if (query != null && query.startsWith("sleep=")) {
            try {
                Thread.sleep(Long.parseLong(query.substring("sleep=".length())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Like the trend stream: a first comment, then a heartbeat every 200 ms until the client goes away. */
    private static void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(":subscribed\n\n".getBytes(StandardCharsets.UTF_8));
            while (true) {
                out.flush();
                Thread.sleep(200);
                out.write(":heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | InterruptedException gone) {
            // the client (the gateway) closed the stream
        }
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }
}
