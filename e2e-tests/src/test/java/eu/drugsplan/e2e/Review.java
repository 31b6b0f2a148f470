package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Issue 16: an accepted submission is official only once every reviewing body of its measures has released it.
 * The classes that submit and then read the public data release their submissions here, right after they are
 * accepted, each body by a reviewer of its own (a person other than the submitter: four eyes), and wait until the
 * submission is {@code OFFICIAL} (its rows are then on their way to the store, as an unreviewed submission's were
 * on its 201).
 */
final class Review {

    /** The publisher makes a released submission official within a second or so; a loaded machine takes longer. */
    private static final Duration OFFICIAL_WITHIN = Duration.ofSeconds(60);

    private Review() {
    }

    /** A reviewer of the body, with the test keys: {@code reviewer-euda} of EUDA, never a submitter's subject. */
    static String reviewer(String body) {
        return Tokens.forPerson("reviewer-" + body.toLowerCase(Locale.ROOT), body, "reviewer");
    }

    /** Releases the submission by each of its reviewing bodies that has not yet, and waits until it is official. */
    static void release(String gatewayUrl, String submissionId) {
        release(gatewayUrl, List.of(submissionId), Review::reviewer);
    }

    /** Releases every one of the submissions, then waits until all are official. */
    static void release(String gatewayUrl, List<String> submissionIds) {
        release(gatewayUrl, submissionIds, Review::reviewer);
    }

    /**
     * As {@link #release(String, List)}, with the reviewer token of each body from {@code reviewers} (a suite that
     * verifies another provider's tokens: IdentityProviderThroughGatewayTest). A reviewer reads any submission, so
     * the token of EUDA's reviewer reads them.
     */
    static void release(String gatewayUrl, List<String> submissionIds, Function<String, String> reviewers) {
        for (String id : submissionIds) {
            JsonPath submission = read(gatewayUrl, id, reviewers);
            assertThat(submission.getMap("review")).as("the review of submission %s (null: nothing accepted): %s",
                    id, submission.prettify()).isNotNull();
            String state = submission.getString("review.state");
            if (state.equals("OFFICIAL") || state.equals("RELEASED")) {
                continue; // released on submission, or released before
            }
            assertThat(state).as("submission %s", id).isEqualTo("IN_REVIEW");
            List<String> released = submission.getList("review.releasedBy", String.class);
            for (String body : submission.getList("review.reviewingBodies", String.class)) {
                if (released == null || !released.contains(body)) {
                    given().baseUri(gatewayUrl).auth().oauth2(reviewers.apply(body))
                            .contentType(ContentType.JSON).body("{}")
                            .post("/api/v1/submissions/" + id + "/release")
                            .then().log().ifValidationFails().statusCode(200);
                }
            }
        }
        for (String id : submissionIds) {
            await().atMost(OFFICIAL_WITHIN).pollInterval(Duration.ofMillis(200)).until(() ->
                    "OFFICIAL".equals(state(gatewayUrl, id, reviewers)));
        }
    }

    /** The review state, or null while the submission cannot be read. */
    private static String state(String gatewayUrl, String id, Function<String, String> reviewers) {
        var response = given().baseUri(gatewayUrl).auth().oauth2(reviewers.apply("EUDA"))
                .get("/api/v1/submissions/" + id);
        return response.statusCode() == 200 ? response.jsonPath().getString("review.state") : null;
    }

    private static JsonPath read(String gatewayUrl, String id, Function<String, String> reviewers) {
        return given().baseUri(gatewayUrl).auth().oauth2(reviewers.apply("EUDA"))
                .get("/api/v1/submissions/" + id).then().statusCode(200).extract().jsonPath();
    }
}
