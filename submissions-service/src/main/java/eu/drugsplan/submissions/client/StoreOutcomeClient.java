package eu.drugsplan.submissions.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * What indicators-service's store did with the events of a submission, and which it could not apply (internal API,
 * 404 until one is applied or has failed).
 */
@RegisterRestClient(configKey = "store")
@Path("/internal/v1/submissions")
public interface StoreOutcomeClient {

    @GET
    @Path("{id}/outcome")
    Response outcome(@PathParam("id") UUID submissionId);

    /**
     * {@code failed}: observations of the submission's events the store could not apply (they went to the
     * dead-letter topic), {@code failures} the first of those events with the store's reason.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OutcomeDto(UUID submissionId, long applied, long inserted, long revised, long unchanged, long deleted,
                      long nothingToDelete, Instant lastAppliedAt, long failed, long failedEvents,
                      List<FailureDto> failures) {

        public OutcomeDto {
            failures = failures == null ? List.of() : List.copyOf(failures);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FailureDto(UUID eventId, int observations, String reason, Instant failedAt) {
    }
}
