package eu.drugsplan.gateway.security;

import eu.drugsplan.contracts.security.ClaimRules;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shared claim rules with this gateway's settings: the same clock skew SmallRye JWT allows on the expiry
 * (mp.jwt.verify.clock.skew), and the longest lifetime a token may have (drugsplan.jwt.max-lifetime).
 */
public class TokenClaimRules {

    @Produces
    @Singleton
    ClaimRules claimRules(@ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int clockSkewSeconds,
                          @ConfigProperty(name = "drugsplan.jwt.max-lifetime", defaultValue = "24h") Duration maxLifetime) {
        return new ClaimRules(Duration.ofSeconds(clockSkewSeconds), maxLifetime);
    }
}
