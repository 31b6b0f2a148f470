package eu.drugsplan.gateway.rest;

import eu.drugsplan.gateway.http.Problems;
import eu.drugsplan.gateway.signin.SignInProvider;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the dashboard signs people in with (gateway README, "Signing in"): the provider's endpoints and the
 * dashboard's public client, or {@code enabled: false} when no provider is configured, or a 503 problem naming
 * the reason when the provider does not answer. The dashboard's own configuration, not part of the public API.
 */
@Path("/sign-in.json")
public class SignInResource {

    private final SignInProvider provider;

    public SignInResource(SignInProvider provider) {
        this.provider = provider;
    }

    @GET
    @Operation(hidden = true)
    public CompletionStage<Response> get() {
        return provider.state().thenApply(SignInResource::answer);
    }

    private static Response answer(SignInProvider.State state) {
        if (state instanceof SignInProvider.Offered offered) {
            return json(new JsonObject().put("enabled", true)
                    .put("issuer", offered.endpoints().issuer())
                    .put("clientId", offered.endpoints().clientId())
                    .put("scope", offered.endpoints().scope())
                    .put("authorizationEndpoint", offered.endpoints().authorizationEndpoint())
                    .put("tokenEndpoint", offered.endpoints().tokenEndpoint())
                    .put("endSessionEndpoint", offered.endpoints().endSessionEndpoint().orElse(null)));
        }
        if (state instanceof SignInProvider.Unavailable unavailable) {
            return Response.status(503).type(Problems.MEDIA_TYPE)
                    .header("Retry-After", "10").header("Cache-Control", "no-store")
                    .entity(Problems.document(HttpResponseStatus.SERVICE_UNAVAILABLE, "sign-in-unavailable",
                            "Signing in is not possible now: " + unavailable.reason() + ". Published data stays "
                                    + "readable, and tokens issued before keep working until they expire.",
                            "/sign-in.json"))
                    .build();
        }
        return json(new JsonObject().put("enabled", false)
                .put("detail", "No sign-in provider is configured for this dashboard (SIGN_IN_ISSUER, SIGN_IN_CLIENT_ID)."));
    }

    private static Response json(JsonObject body) {
        return Response.ok(body.encode(), "application/json").header("Cache-Control", "no-cache").build();
    }
}
