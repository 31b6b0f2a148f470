package eu.drugsplan.gateway.support;

import eu.drugsplan.testsupport.JwtKeysResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The gateway in front of the echo backends, verifying tokens signed with this build's test key. */
public class GatewayWithBackends implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EchoBackends.class), new TestResourceEntry(JwtKeysResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.cors.origins", "https://dashboard.example.eu",
                "gateway.rate-limit.requests", "100000");
    }

    /** Reading published data needs a token with a reading role. */
    public static class ReadersOnly extends GatewayWithBackends {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.access.public-read", "false", "gateway.rate-limit.requests", "100000");
        }
    }

    /** Three requests per minute per caller, to see the fourth refused. */
    public static class RateLimited extends GatewayWithBackends {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.requests", "3", "gateway.rate-limit.period", "1m");
        }
    }

    /** People may sign in to the dashboard, with the stand-in provider of OidcProviderStub. */
    public static class WithSignIn extends GatewayWithBackends {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EchoBackends.class), new TestResourceEntry(JwtKeysResource.class),
                    new TestResourceEntry(OidcProviderStub.class));
        }
    }
}
