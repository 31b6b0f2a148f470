package eu.drugsplan.submissions.service;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.submissions.client.StoreOutcomeClient.FailureDto;
import eu.drugsplan.submissions.client.StoreOutcomeClient.OutcomeDto;
import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.service.SubmissionTimeline.StepState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The "stored" step shows the store's outcome: an event the store gave up on (dead-lettered) makes it FAILED
 * with the store's reason. Before, it stayed PENDING forever, since applied never reached the events.
 */
class SubmissionTimelineStoredStepTest {

    private static final Instant FAILED_AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void a_failed_event_makes_the_step_failed_with_the_stores_reason() {
        OutcomeDto outcome = outcome(3, 2, 1, List.of(new FailureDto(UUID.randomUUID(), 2,
                "the comment holds a character that cannot be stored", FAILED_AT)));

        SubmissionTimeline.Step step = SubmissionTimeline.stored(submission(5), outcome);

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.at()).isEqualTo(FAILED_AT);
        assertThat(step.reason()).isEqualTo("2 of 5 observations could not be stored: "
                + "the comment holds a character that cannot be stored");
    }

    @Test
    void more_failed_events_are_counted_in_the_reason() {
        OutcomeDto outcome = outcome(0, 4, 3, List.of(new FailureDto(UUID.randomUUID(), 2, "first", FAILED_AT)));

        assertThat(SubmissionTimeline.stored(submission(4), outcome).reason())
                .isEqualTo("4 of 4 observations could not be stored: first (and 2 more failed events)");
    }

    @Test
    void without_failures_the_step_is_done_once_every_observation_is_applied_and_pending_before() {
        assertThat(SubmissionTimeline.stored(submission(2), outcome(2, 0, 0, List.of())).state())
                .isEqualTo(StepState.DONE);
        assertThat(SubmissionTimeline.stored(submission(2), outcome(1, 0, 0, List.of())).state())
                .isEqualTo(StepState.PENDING);
        assertThat(SubmissionTimeline.stored(submission(2), null).state()).isEqualTo(StepState.PENDING);
        assertThat(SubmissionTimeline.stored(submission(2), null).reason()).isNull();
    }

    private static Submission submission(int accepted) {
        Submission submission = new Submission();
        submission.accepted = accepted;
        return submission;
    }

    private static OutcomeDto outcome(long applied, long failed, long failedEvents, List<FailureDto> failures) {
        return new OutcomeDto(UUID.randomUUID(), applied, applied, 0, 0, 0, 0, FAILED_AT.minusSeconds(5), failed,
                failedEvents, failures);
    }
}
