package eu.drugsplan.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A stand-in OpenID Connect provider that serves only its discovery document (plain JDK HTTP server), for the
 * gateway's sign-in configuration. A second server of its own controls it, so that a test (whose classes may come
 * from another class loader than this resource's) can take the provider down - nothing listens on its port any
 * more - bring it back on the same port, and count how often the gateway asked: {@link #control(String)}.
 */
public class OidcProviderStub implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_PATH = "/realms/test";
    private static final String CONTROL_PROPERTY = "test.oidc-stub.control";

    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private HttpServer provider;
    private HttpServer control;
    private int port;

    @Override
    public synchronized Map<String, String> start() {
        up(0);
        try {
            control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        control.createContext("/", exchange -> {
            String command = exchange.getRequestURI().getPath().substring(1);
            synchronized (this) {
                switch (command) {
                    case "down" -> provider.stop(0);
                    case "up" -> up(port);
                    default -> {
                    }
                }
            }
            reply(exchange, String.valueOf(discoveryRequests.get()));
        });
        control.start();
        return Map.of("gateway.sign-in.issuer", issuer(port), "gateway.sign-in.client-id", "drugsplan-dashboard",
                "gateway.sign-in.cache-for", "3s",
                CONTROL_PROPERTY, "http://127.0.0.1:" + control.getAddress().getPort());
    }

    /** From a test: "down", "up" or "count"; the answer is how many discovery requests the provider has had. */
    public static int control(String command) {
        String base = ConfigProvider.getConfig().getValue(CONTROL_PROPERTY, String.class);
        try {
            return Integer.parseInt(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/" + command))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String issuer() {
        return ConfigProvider.getConfig().getValue("gateway.sign-in.issuer", String.class);
    }

    private static String issuer(int port) {
        return "http://127.0.0.1:" + port + REALM_PATH;
    }

    private void up(int onPort) {
        for (int attempt = 0; ; attempt++) {
            try {
                provider = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
                break;
            } catch (IOException e) {
                // the port of a provider just stopped may take a moment to be free again
                if (attempt >= 50) {
                    throw new IllegalStateException(e);
                }
                pause();
            }
        }
        port = provider.getAddress().getPort();
        provider.createContext(REALM_PATH + "/.well-known/openid-configuration", exchange -> {
            discoveryRequests.incrementAndGet();
            String base = issuer(port) + "/protocol/openid-connect";
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply(exchange, "{\"issuer\":\"" + issuer(port) + "\",\"authorization_endpoint\":\"" + base + "/auth\","
                    + "\"token_endpoint\":\"" + base + "/token\",\"end_session_endpoint\":\"" + base + "/logout\","
                    + "\"jwks_uri\":\"" + base + "/certs\",\"code_challenge_methods_supported\":[\"plain\",\"S256\"]}");
        });
        provider.start();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public synchronized void stop() {
        provider.stop(0);
        control.stop(0);
    }
}
