package eu.drugsplan.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.gateway.map.TopologySubset;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The boundaries the dashboard's map of Europe draws: world-atlas' 1:110m countries (fetched with the gateway's
 * build, gateway/pom.xml) cut to the countries that reach into the map's box, computed once. The dashboard's own
 * file, not part of the public API.
 */
@Path("/map/europe-110m.json")
public class EuropeMapResource {

    static final String WORLD = "/META-INF/resources/map/world-atlas-2.0.2/countries-110m.json";
    /** The box of dashboard-map.js (EUROPE), with a margin: a country is kept if any of its points lies in it. */
    static final TopologySubset.Box EUROPE = new TopologySubset.Box(-32, 50, 30, 75);

    private final byte[] body;
    private final EntityTag tag;

    public EuropeMapResource(ObjectMapper json) {
        try (InputStream world = EuropeMapResource.class.getResourceAsStream(WORLD)) {
            if (world == null) {
                throw new IllegalStateException("the map's boundaries are not on the classpath at " + WORLD);
            }
            body = json.writeValueAsBytes(new TopologySubset(json.readTree(world)).within("countries", EUROPE));
            tag = new EntityTag(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Operation(hidden = true)
    public Response get(@Context Request request) {
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = unchanged != null ? unchanged
                : Response.ok(new String(body, StandardCharsets.UTF_8), "application/json");
        return answer.tag(tag).header("Cache-Control", "public, max-age=3600").build();
    }
}
