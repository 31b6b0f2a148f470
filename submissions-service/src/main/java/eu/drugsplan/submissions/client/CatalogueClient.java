package eu.drugsplan.submissions.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The catalogue API of indicators-service. Raw responses, because a 304 (unchanged since the ETag we hold)
 * is an answer here, not an error.
 */
@RegisterRestClient(configKey = "catalogue")
@Path("/api/v1")
public interface CatalogueClient {

    @GET
    @Path("measures")
    Response measures(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String etag);

    @GET
    @Path("codelists/{id}")
    Response codelist(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String etag);

    @GET
    @Path("reporters")
    Response reporters(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String etag);
}
