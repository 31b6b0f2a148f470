package eu.drugsplan.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eu.drugsplan.gateway.http.Problems;
import eu.drugsplan.gateway.openapi.MergedOpenApi;
import io.netty.handler.codec.http.HttpResponseStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The one description of the whole public API, merged from the services' own as they were built (JSON, or YAML on
 * request), with this gateway as the server.
 */
@Path("/api/v1/openapi")
public class OpenApiResource {

    static final String YAML = "application/yaml";

    private final MergedOpenApi openApi;
    private final YAMLMapper yaml = new YAMLMapper();

    public OpenApiResource(MergedOpenApi openApi) {
        this.openApi = openApi;
    }

    @GET
    @Operation(hidden = true)
    public Response get(@QueryParam("format") String format, @HeaderParam("Accept") String accept,
                                         UriInfo uri) {
        boolean asYaml = "yaml".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains("yaml") && !accept.contains("json"));
        String server = uri.getBaseUri().toString().replaceAll("/+$", "");
        return answer(openApi.document(), server, asYaml, uri.getPath());
    }

    private Response answer(Optional<ObjectNode> document, String server, boolean asYaml, String path) {
        if (document.isEmpty()) {
            // a build that lacks them stays so until it is rebuilt: not a 503 to retry
            return Response.status(500).type(Problems.MEDIA_TYPE)
                    .entity(Problems.document(HttpResponseStatus.INTERNAL_SERVER_ERROR, "api-description-missing",
                            "This build of the gateway holds no API description of the services.", path))
                    .build();
        }
        ObjectNode served = document.get().deepCopy();
        served.putArray("servers").addObject().put("url", server).put("description", "this gateway");
        // keep "servers" near the top, where readers of the document look for it
        ObjectNode ordered = served.objectNode();
        ordered.set("openapi", served.get("openapi"));
        ordered.set("info", served.get("info"));
        ordered.setAll(served);
        try {
            return asYaml
                    ? Response.ok(yaml.writeValueAsString(ordered), YAML).build()
                    : Response.ok(ordered.toPrettyString(), "application/json").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
