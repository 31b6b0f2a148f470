package eu.drugsplan.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Compresses the proxied answers of the media types Quarkus compresses ({@code quarkus.http.compress-media-types}:
 * JSON, problem documents, CSV ...) for clients that accept gzip or deflate. With compression enabled Quarkus marks
 * every answer {@code Content-Encoding: identity}, and lifts that only for its own static files and REST resources,
 * never for a plain Vert.x route such as the proxy's; this lifts it for the same media types. Event streams are not
 * in the list: a compressor would hold their events back. An answer a backend compressed itself keeps its encoding.
 */
@ApplicationScoped
public class ResponseCompression implements Handler<RoutingContext> {

    private static final String IDENTITY = "identity";

    private final Set<String> mediaTypes;

    public ResponseCompression(@ConfigProperty(name = "quarkus.http.compress-media-types") List<String> mediaTypes) {
        this.mediaTypes = mediaTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    @Override
    public void handle(RoutingContext context) {
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            if (IDENTITY.equalsIgnoreCase(headers.get(HttpHeaders.CONTENT_ENCODING))
                    && compressible(headers.get(HttpHeaders.CONTENT_TYPE))) {
                headers.remove(HttpHeaders.CONTENT_ENCODING);
            }
        });
        context.next();
    }

    boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return mediaTypes.contains(type.toLowerCase(Locale.ROOT));
    }
}
