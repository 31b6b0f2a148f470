package eu.drugsplan.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import eu.drugsplan.contracts.problem.Problem;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place per service where failures become {@code application/problem+json}. Stack traces go to
 * the log, never to the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return answer(Problems.of(Response.Status.BAD_REQUEST, "unknown-property",
                        "Unknown property '" + e.getPropertyName() + "' at " + pointer(e)), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return answer(Problems.of(Response.Status.BAD_REQUEST, "unreadable-body",
                        "The body is not valid JSON for this resource: " + e.getOriginalMessage()), uri);
    }

    /**
     * Quarkus maps this subtype itself, with an empty 400 in production; a body of the wrong shape ({@code []},
     * a string where an array belongs, nothing at all) must get the same problem document as broken JSON.
     */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return answer(Problems.of(Response.Status.BAD_REQUEST, "invalid-request",
                "The request does not meet its constraints.").withViolations(violations), uri);
    }

    @ServerExceptionMapper
    public Response domainProblem(ProblemException e, UriInfo uri) {
        return answer(e.problem(), uri);
    }

    /**
     * JAX-RS answers 404 when a query or path parameter cannot be converted to its declared type
     * ({@code status=BOGUS}, {@code from=yesterday}, an id that is no UUID), and only then with a cause: the
     * resource exists, the request is wrong, so that is a 400. A 404 without a cause (no such route) stays one.
     */
    @ServerExceptionMapper
    public Response unconvertibleParameter(NotFoundException e, UriInfo uri) {
        if (e.getCause() == null) {
            return webApplication(e, uri);
        }
        return answer(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter",
                        "A query or path parameter is not of its documented type (a whole number, an ISO 8601 "
                                + "instant, a UUID or one of the listed codes); see /api/v1/openapi."), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return answer(Problems.of(status, slug(status), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "unexpected failure on %s", uri.getPath());
        return answer(Problems.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "The server failed to handle the request; it has been logged."), uri);
    }

    private static Response answer(Problem problem, UriInfo uri) {
        return Problems.response(problem.at(uri.getPath()));
    }

    private static String pointer(UnrecognizedPropertyException e) {
        StringBuilder pointer = new StringBuilder();
        e.getPath().forEach(ref -> pointer.append('/')
                .append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex())));
        return pointer.length() == 0 ? "/" : pointer.toString();
    }

    /** "submit.request.observations" reads better as "observations". */
    private static String leaf(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private static String slug(Response.StatusType status) {
        return status.getReasonPhrase().toLowerCase().replace(' ', '-');
    }
}
