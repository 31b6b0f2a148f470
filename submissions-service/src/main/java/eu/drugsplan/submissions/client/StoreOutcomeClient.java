package eu.drugsplan.submissions.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** What indicators-service's store did with the events of a submission (internal API, 404 until one is applied). */
@RegisterRestClient(configKey = "store")
@Path("/internal/v1/submissions")
public interface StoreOutcomeClient {

    @GET
    @Path("{id}/outcome")
    Response outcome(@PathParam("id") UUID submissionId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OutcomeDto(UUID submissionId, long applied, long inserted, long revised, long unchanged, long deleted,
                      long nothingToDelete, Instant lastAppliedAt) {
    }
}
