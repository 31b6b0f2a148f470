package eu.drugsplan.reporting.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The part of indicators-service's catalogue API that trends, EU totals and the scoreboard need. */
@RegisterRestClient(configKey = "catalogue")
@Path("/api/v1")
public interface CatalogueClient {

    @GET
    @Path("measures/{code}")
    RestResponse<MeasureInfo> measure(@PathParam("code") String code);

    @GET
    @Path("measures")
    List<MeasureInfo> measures();

    @GET
    @Path("codelists/{id}")
    CodelistInfo codelist(@PathParam("id") String id);

    /** The catalogue's measure, reduced to what judging, totalling and counting trends need. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeasureInfo(String code, String indicator, String unit, String desiredDirection, String euTotalRule,
                       Double stableBandPercent, List<String> dimensions, Map<String, String> headline) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CodelistInfo(String id, List<CodeInfo> codes) {
    }

    /** A code and its parent (a Member State's parent is EU27_2020, a waste-water site's its country). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CodeInfo(String code, String label, String parent, Map<String, Object> properties) {
    }
}
