package eu.drugsplan.submissions.security;

import eu.drugsplan.contracts.security.ClaimRules;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SmallRye JWT's bearer mechanism, with the claim rules the gateway applies too (contracts' ClaimRules) held
 * before it: a token whose claims have the wrong types, whose iat lies in the future or whose lifetime is too long
 * fails authentication, a 401 like an expired one. The rules run on the claims before the signature is checked
 * because SmallRye itself fails with a ClassCastException (a 500) on a {@code groups} object; that is safe, since
 * the rules can only refuse a token, never accept one. The typed claims go on the identity for ReporterIdentity.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ClaimCheckingJwtMechanism implements HttpAuthenticationMechanism {

    public static final String CLAIMS = "drugsplan.claims";
    private static final String BEARER = "bearer ";

    private final JWTAuthMechanism delegate;
    private final ClaimRules rules;

    public ClaimCheckingJwtMechanism(JWTAuthMechanism delegate,
                                     @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int clockSkewSeconds,
                                     @ConfigProperty(name = "drugsplan.jwt.max-lifetime", defaultValue = "24h") Duration maxLifetime) {
        this.delegate = delegate;
        this.rules = new ClaimRules(Duration.ofSeconds(clockSkewSeconds), maxLifetime);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return delegate.authenticate(context, identityProviderManager);
        }
        ClaimRules.Claims claims;
        try {
            claims = rules.check(authorization.substring(BEARER.length()).trim(), Instant.now());
        } catch (ClaimRules.Refused refused) {
            return Uni.createFrom().failure(new AuthenticationFailedException(refused.getMessage()));
        }
        return delegate.authenticate(context, identityProviderManager).map(identity -> identity == null ? null
                : QuarkusSecurityIdentity.builder(identity).addAttribute(CLAIMS, claims).build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return delegate.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return delegate.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return delegate.getCredentialTransport(context);
    }
}
