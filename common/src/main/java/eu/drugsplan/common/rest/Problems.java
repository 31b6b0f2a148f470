package eu.drugsplan.common.rest;

import eu.drugsplan.contracts.problem.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** contracts' {@link Problem} at the JAX-RS edge: built from a JAX-RS status, answered as a response. */
public final class Problems {

    public static final MediaType MEDIA_TYPE = MediaType.valueOf(Problem.MEDIA_TYPE);

    private Problems() {
    }

    public static Problem of(Response.StatusType status, String slug, String detail) {
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), slug, detail);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }
}
