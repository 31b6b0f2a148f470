package eu.drugsplan.submissions.service.review;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.submissions.service.review.ReviewRules.Apply;
import eu.drugsplan.submissions.service.review.ReviewRules.Case;
import eu.drugsplan.submissions.service.review.ReviewRules.Decision;
import eu.drugsplan.submissions.service.review.ReviewRules.Refused;
import eu.drugsplan.submissions.service.review.ReviewRules.Unchanged;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReviewRulesTest {

    private static final Actor EUDA_REVIEWER = new Actor("anna", "EUDA", true);
    private static final Actor EUROPOL_REVIEWER = new Actor("bert", "EUROPOL", true);
    private static final Actor AUSTRIA = new Actor("at-focal-point", "AT", false);
    private static final Actor AUSTRIA_COLLEAGUE = new Actor("at-second", "AT", false);
    /** An EUDA person who submitted and is a reviewer too. */
    private static final Actor EUDA_SUBMITTER = new Actor("carla", "EUDA", true);

    private static Case austria(ReviewState state, String... releasedBy) {
        return new Case(state, "AT", "at-focal-point", Set.of("EUDA"), Set.of(releasedBy));
    }

    static Stream<Arguments> releases() {
        return Stream.of(
                Arguments.of("the right body releases", austria(ReviewState.IN_REVIEW), EUDA_REVIEWER,
                        "apply RELEASED"),
                Arguments.of("a double click", austria(ReviewState.RELEASED, "EUDA"), EUDA_REVIEWER, "unchanged"),
                Arguments.of("released and official", austria(ReviewState.OFFICIAL, "EUDA"), EUDA_REVIEWER,
                        "unchanged"),
                Arguments.of("another body", austria(ReviewState.IN_REVIEW), EUROPOL_REVIEWER, "403 not-your-body"),
                Arguments.of("the focal point itself", austria(ReviewState.IN_REVIEW), AUSTRIA, "403 not-a-reviewer"),
                Arguments.of("a returned submission", austria(ReviewState.RETURNED), EUDA_REVIEWER,
                        "409 review-state-conflict"),
                Arguments.of("a withdrawn submission", austria(ReviewState.WITHDRAWN), EUDA_REVIEWER,
                        "409 review-state-conflict"),
                Arguments.of("nothing under review", new Case(ReviewState.OFFICIAL, "EUDA", "carla", Set.of(),
                        Set.of()), EUDA_REVIEWER, "409 review-state-conflict"),
                Arguments.of("four eyes: the submitter", new Case(ReviewState.IN_REVIEW, "EUDA", "carla",
                        Set.of("EUDA"), Set.of()), EUDA_SUBMITTER, "403 four-eyes"),
                Arguments.of("four eyes: a colleague", new Case(ReviewState.IN_REVIEW, "EUDA", "carla",
                        Set.of("EUDA"), Set.of()), EUDA_REVIEWER, "apply RELEASED"),
                Arguments.of("one body of two", new Case(ReviewState.IN_REVIEW, "AT", "at-focal-point",
                        Set.of("EUDA", "EUROPOL"), Set.of()), EUDA_REVIEWER, "apply IN_REVIEW"),
                Arguments.of("the second body of two", new Case(ReviewState.IN_REVIEW, "AT", "at-focal-point",
                        Set.of("EUDA", "EUROPOL"), Set.of("EUDA")), EUROPOL_REVIEWER, "apply RELEASED"),
                Arguments.of("the first body again", new Case(ReviewState.IN_REVIEW, "AT", "at-focal-point",
                        Set.of("EUDA", "EUROPOL"), Set.of("EUDA")), EUDA_REVIEWER, "unchanged"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void release(String name, Case c, Actor actor, String expected) {
        assertThat(describe(ReviewRules.release(c, actor))).isEqualTo(expected);
    }

    static Stream<Arguments> warningAcceptances() {
        return Stream.of(
                Arguments.of("the right body accepts", austria(ReviewState.IN_REVIEW), EUDA_REVIEWER,
                        "apply IN_REVIEW"),
                Arguments.of("one body of two released already", austria(ReviewState.IN_REVIEW, "EUROPOL"),
                        EUDA_REVIEWER, "apply IN_REVIEW"),
                Arguments.of("another body", austria(ReviewState.IN_REVIEW), EUROPOL_REVIEWER, "403 not-your-body"),
                Arguments.of("the focal point", austria(ReviewState.IN_REVIEW), AUSTRIA, "403 not-a-reviewer"),
                Arguments.of("four eyes: the submitter", new Case(ReviewState.IN_REVIEW, "EUDA", "carla",
                        Set.of("EUDA"), Set.of()), EUDA_SUBMITTER, "403 four-eyes"),
                Arguments.of("returned", austria(ReviewState.RETURNED), EUDA_REVIEWER, "409 review-state-conflict"),
                Arguments.of("released, embargoed", austria(ReviewState.RELEASED, "EUDA"), EUDA_REVIEWER,
                        "409 review-state-conflict"),
                Arguments.of("official", austria(ReviewState.OFFICIAL, "EUDA"), EUDA_REVIEWER,
                        "409 review-state-conflict"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warningAcceptances")
    void acceptWarnings(String name, Case c, Actor actor, String expected) {
        assertThat(describe(ReviewRules.acceptWarnings(c, actor))).isEqualTo(expected);
    }

    static Stream<Arguments> returns() {
        return Stream.of(
                Arguments.of("the right body returns", austria(ReviewState.IN_REVIEW), EUDA_REVIEWER,
                        "apply RETURNED"),
                Arguments.of("again", austria(ReviewState.RETURNED), EUDA_REVIEWER, "unchanged"),
                Arguments.of("another body", austria(ReviewState.IN_REVIEW), EUROPOL_REVIEWER, "403 not-your-body"),
                Arguments.of("the focal point", austria(ReviewState.IN_REVIEW), AUSTRIA, "403 not-a-reviewer"),
                Arguments.of("after the release", austria(ReviewState.RELEASED, "EUDA"), EUDA_REVIEWER,
                        "409 review-state-conflict"),
                Arguments.of("official", austria(ReviewState.OFFICIAL, "EUDA"), EUDA_REVIEWER,
                        "409 review-state-conflict"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("returns")
    void returnToReporter(String name, Case c, Actor actor, String expected) {
        assertThat(describe(ReviewRules.returnToReporter(c, actor))).isEqualTo(expected);
    }

    static Stream<Arguments> withdrawals() {
        return Stream.of(
                Arguments.of("in review", austria(ReviewState.IN_REVIEW), AUSTRIA, "apply WITHDRAWN"),
                Arguments.of("by a colleague of the reporter", austria(ReviewState.IN_REVIEW), AUSTRIA_COLLEAGUE,
                        "apply WITHDRAWN"),
                Arguments.of("returned", austria(ReviewState.RETURNED), AUSTRIA, "apply WITHDRAWN"),
                Arguments.of("again", austria(ReviewState.WITHDRAWN), AUSTRIA, "unchanged"),
                Arguments.of("by a reviewer", austria(ReviewState.IN_REVIEW), EUDA_REVIEWER,
                        "403 not-your-submission"),
                Arguments.of("released", austria(ReviewState.RELEASED, "EUDA"), AUSTRIA, "409 review-state-conflict"),
                Arguments.of("official", austria(ReviewState.OFFICIAL, "EUDA"), AUSTRIA, "409 review-state-conflict"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawals")
    void withdraw(String name, Case c, Actor actor, String expected) {
        assertThat(describe(ReviewRules.withdraw(c, actor))).isEqualTo(expected);
    }

    @Test
    void aReleaseKeepsTheBodiesThatReleasedBefore() {
        Case c = new Case(ReviewState.IN_REVIEW, "AT", "at-focal-point", Set.of("EUDA", "EUROPOL"), Set.of("EUDA"));
        assertThat(((Apply) ReviewRules.release(c, EUROPOL_REVIEWER)).releasedBy())
                .containsExactlyInAnyOrder("EUDA", "EUROPOL");
    }

    @Test
    void aReviewerForSeveralBodiesReleasesForEachOfTheSubmissionsBodiesItHolds() {
        Actor both = new Actor("erik", "EUDA", true, Set.of("EUDA", "EUROPOL", "COM"));
        Case c = new Case(ReviewState.IN_REVIEW, "AT", "at-focal-point", Set.of("EUDA", "EUROPOL"), Set.of());
        Apply apply = (Apply) ReviewRules.release(c, both);
        assertThat(apply.next()).isEqualTo(ReviewState.RELEASED);
        assertThat(apply.releasedBy()).containsExactlyInAnyOrder("EUDA", "EUROPOL");
        Actor neither = new Actor("fay", "EUDA", true, Set.of("COM"));
        assertThat(describe(ReviewRules.release(c, neither))).as("the token's bodies, not its reporter")
                .isEqualTo("403 not-your-body");
    }

    @Test
    void whoseRowsWaitForWhom() {
        MeasureReview wastewater = new MeasureReview("EUDA", true);
        MeasureReview prevalence = new MeasureReview("EUDA", false);
        assertThat(wastewater.heldFor("EUDA")).as("EUDA's own waste-water data").isNull();
        assertThat(wastewater.heldFor("AT")).as("a focal point's waste-water data").isEqualTo("EUDA");
        assertThat(prevalence.heldFor("EUDA")).as("EUDA's own prevalence: four eyes").isEqualTo("EUDA");
        assertThat(prevalence.heldFor("AT")).isEqualTo("EUDA");
        assertThat(MeasureReview.DEFAULT.heldFor("AT")).isEqualTo("EUDA");
    }

    private static String describe(Decision decision) {
        if (decision instanceof Apply apply) {
            return "apply " + apply.next();
        }
        if (decision instanceof Refused refused) {
            return refused.status() + " " + refused.code();
        }
        assertThat(decision).isInstanceOf(Unchanged.class);
        return "unchanged";
    }
}
