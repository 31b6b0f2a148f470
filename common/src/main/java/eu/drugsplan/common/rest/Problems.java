package eu.drugsplan.common.rest;

import eu.drugsplan.contracts.problem.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** contracts' {@link Problem} at the JAX-RS edge: built from a JAX-RS status, answered as a response. */
public final class Problems {

    public static final MediaType MEDIA_TYPE = MediaType.valueOf(Problem.MEDIA_TYPE);
    /** 422 (RFC 9110 15.5.21), which JAX-RS 3.1 has no constant for. */
    public static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private Problems() {
    }

    public static Problem of(Response.StatusType status, String slug, String detail) {
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), slug, detail);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }
}
