package eu.drugsplan.submissions.rest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.PollHourlyGatewayElsewhere;
import eu.drugsplan.testsupport.JwtKeysResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** X-Forwarded-* headers from an address that is not the trusted proxy change nothing. */
@QuarkusTest
@TestProfile(PollHourlyGatewayElsewhere.class)
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class UntrustedForwardingTest {

    @Test
    void a_caller_that_is_not_the_gateway_cannot_choose_the_location_host() {
        Response created = PublicLocationTest.submit(Map.of("X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "444"));

        assertThat(created.header("Location")).startsWith("http://").doesNotContain("evil.example").doesNotContain(":444");
    }
}
