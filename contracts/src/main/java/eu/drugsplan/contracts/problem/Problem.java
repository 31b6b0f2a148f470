package eu.drugsplan.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem document, the one error shape of every service and of the gateway: a client reads one kind
 * of error whoever refused its request. Framework-free so that the gateway's Vert.x routes and the services'
 * JAX-RS mappers write the same record.
 *
 * @param type       {@link #TYPE_BASE} and a slug naming the kind of problem; clients branch on it
 * @param title      the HTTP reason phrase of the status
 * @param instance   the request path the problem happened at, when known
 * @param violations the invalid fields of a request refused as a whole; null when none are named
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://drugsplan.eu/problems/";

    public Problem {
        Objects.requireNonNull(type, "type");
        violations = violations == null ? null : List.copyOf(violations);
    }

    /** One invalid input field of a request that was refused as a whole. */
    public record Violation(String field, String message) {
    }

    /** A problem of the given status and reason phrase, of the kind {@code slug}. */
    public static Problem of(int status, String reasonPhrase, String slug, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), reasonPhrase, status, detail, null, null);
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, instance, list);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, violations);
    }
}
