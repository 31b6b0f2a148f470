package eu.drugsplan.submissions.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Two settings of a deployment, in one test profile because each profile costs the module a Quarkus build at
 * test discovery and a restart (about 12 s on two cores), and neither setting changes what the other tests:
 * <ul>
 * <li>the outbox relay polls only once an hour, so only the wake-up on commit can publish within a test's wait
 * ({@code RelayWakeUpTest});</li>
 * <li>only 192.0.2.1 (a documentation address) is the trusted proxy, while the test client calls from 127.0.0.1
 * ({@code UntrustedForwardingTest}).</li>
 * </ul>
 */
public class PollHourlyGatewayElsewhere implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("outbox.poll-interval", "1h", "quarkus.http.proxy.trusted-proxies", "192.0.2.1");
    }
}
