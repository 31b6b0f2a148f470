package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.client.StoreOutcomeClient;
import com.fasterxml.jackson.annotation.JsonInclude;
import eu.drugsplan.submissions.client.StoreOutcomeClient.FailureDto;
import eu.drugsplan.submissions.client.StoreOutcomeClient.OutcomeDto;
import eu.drugsplan.submissions.repository.Instants;
import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.repository.SubmissionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * received -> validated -> published (Kafka acknowledged every outbox record of the submission) -> stored
 * (indicators-service applied every event). The store is asked over its internal API; when it cannot be
 * reached the step simply stays pending. When the store gave up on an event (it went to the dead-letter topic)
 * the step is FAILED with the store's reason: it would otherwise wait forever.
 */
@ApplicationScoped
public class SubmissionTimeline {

    private static final Logger LOG = Logger.getLogger(SubmissionTimeline.class);

    public enum StepState { DONE, PENDING, FAILED, SKIPPED }

    /** {@code reason}: why a step failed, only then (left out of the JSON otherwise). */
    public record Step(String name, StepState state, Instant at,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

        public Step(String name, StepState state, Instant at) {
            this(name, state, at, null);
        }
    }

    record Timeline(List<Step> steps, OutcomeDto outcome) {
    }

    private final EntityManager entityManager;
    private final StoreOutcomeClient store;

    public SubmissionTimeline(EntityManager entityManager, @RestClient StoreOutcomeClient store) {
        this.entityManager = entityManager;
        this.store = store;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Timeline of(Submission s) {
        Step received = new Step("received", StepState.DONE, s.receivedAt);
        Step validated = validated(s);
        if (validated.state() != StepState.DONE || s.events() == 0) {
            StepState later = validated.state() == StepState.DONE ? StepState.SKIPPED : StepState.PENDING;
            return new Timeline(List.of(received, validated, new Step("published", later, null),
                    new Step("stored", later, null)), null);
        }
        if (s.firstEventId == null) {
            // under review: its events wait for the release (submission_event), none is in the outbox yet
            return new Timeline(List.of(received, validated, new Step("published", StepState.PENDING, null),
                    new Step("stored", StepState.PENDING, null)), null);
        }
        Step published = published(s);
        OutcomeDto outcome = outcome(s);
        return new Timeline(List.of(received, validated, published, stored(s, outcome)), outcome);
    }

    /** Package-private for its unit test. */
    static Step stored(Submission s, OutcomeDto outcome) {
        if (outcome != null && outcome.failedEvents() > 0) {
            Instant at = outcome.failures().stream().map(FailureDto::failedAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            return new Step("stored", StepState.FAILED, at, failureReason(s, outcome));
        }
        boolean stored = outcome != null && outcome.applied() >= s.events();
        return new Step("stored", stored ? StepState.DONE : StepState.PENDING, stored ? outcome.lastAppliedAt() : null);
    }

    /** "3 of 5 observations could not be stored: <the store's reason>", with the count of other failed events. */
    private static String failureReason(Submission s, OutcomeDto outcome) {
        String first = outcome.failures().isEmpty() ? "no reason given" : outcome.failures().get(0).reason();
        long others = outcome.failedEvents() - 1;
        return outcome.failed() + " of " + s.events() + " observations could not be stored: " + first
                + (others > 0 ? " (and " + others + " more failed event" + (others > 1 ? "s" : "") + ")" : "");
    }

    private static Step validated(Submission s) {
        if (s.status == SubmissionStatus.FAILED) {
            return new Step("validated", StepState.FAILED, null);
        }
        boolean done = s.status == SubmissionStatus.VALIDATED || s.status == SubmissionStatus.REJECTED;
        return new Step("validated", done ? StepState.DONE : StepState.PENDING, s.validatedAt);
    }

    /**
     * Published when none of the submission's outbox records is pending. Read only: the time is the one
     * PublicationTimes recorded, or, until it runs, the last publication time of its records (they are purged
     * an hour after publication, long after that).
     */
    private Step published(Submission s) {
        if (s.publishedAt != null) {
            return new Step("published", StepState.DONE, s.publishedAt);
        }
        // one read of the submission's id range: pending records, and when the last one was published
        Object[] range = (Object[]) entityManager.createNativeQuery("select count(*) filter (where published_at is null),"
                        + " max(published_at) from outbox_event where id between ?1 and ?2")
                .setParameter(1, s.firstEventId).setParameter(2, s.lastEventId).getSingleResult();
        if (((Number) range[0]).longValue() > 0) {
            return new Step("published", StepState.PENDING, null);
        }
        return new Step("published", StepState.DONE, range[1] == null ? null : Instants.of(range[1]));
    }

    private OutcomeDto outcome(Submission s) {
        try (Response response = store.outcome(s.id)) {
            if (response.getStatus() == Response.Status.OK.getStatusCode()) {
                return response.readEntity(OutcomeDto.class);
            }
            return null;
        } catch (RuntimeException e) {
            LOG.debugf("store outcome of %s unavailable: %s", s.id, e.getMessage());
            return null;
        }
    }
}
