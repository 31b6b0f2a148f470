package eu.drugsplan.gateway.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** view=draft (issue 16): sent to the measure's view with drafts, refused where there is none, never ignored. */
@QuarkusTest
@TestProfile(GatewayWithBackends.class)
class DraftViewTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/trends/PI10.OST_CLIENTS?area=SE&view=draft&MEDICATION=SROM | /api/v1/submissions/drafts/PI10.OST_CLIENTS?area=SE&MEDICATION=SROM",
            "/api/v1/data/PI09.DRUG_INDUCED_DEATHS?view=draft                    | /api/v1/submissions/drafts/PI09.DRUG_INDUCED_DEATHS",
            "/api/v1/data/PI09.DRUG_INDUCED_DEATHS?vi%65w=dr%61ft&area=AT        | /api/v1/submissions/drafts/PI09.DRUG_INDUCED_DEATHS?area=AT"})
    void a_measure_read_with_view_draft_is_sent_to_the_view_with_drafts(String target, String location) {
        given().urlEncodingEnabled(false).redirects().follow(false).get(target).then().statusCode(303)
                .header("Location", equalTo(location)).header("Cache-Control", equalTo("no-store"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/scoreboard?view=draft                        | draft-view-not-here",
            "/api/v1/data/PI09.DRUG_INDUCED_DEATHS/AT.F?view=draft | draft-view-not-here",
            "/api/v1/data/PI09.DRUG_INDUCED_DEATHS?view=official   | invalid-parameter",
            "/api/v1/data/PI09.DRUG_INDUCED_DEATHS?view=           | invalid-parameter",
            "/api/v1/trends/PI09.DRUG_INDUCED_DEATHS?view=draft&view=draft | invalid-parameter"})
    void any_other_view_is_a_problem_not_an_official_answer(String target, String type) {
        given().urlEncodingEnabled(false).redirects().follow(false).get(target).then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/" + type));
    }

    @Test
    void the_query_keeps_every_other_pair_as_sent() {
        assertThat(DraftView.values("a=1&view=draft&b=%2B")).isEqualTo(List.of("draft"));
        assertThat(DraftView.without("a=1&view=draft&b=%2B")).isEqualTo("a=1&b=%2B");
        assertThat(DraftView.values("review=draft&viewer=x")).isEmpty();
        assertThat(DraftView.values(null)).isEmpty();
    }
}
