package eu.drugsplan.reporting.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The part of indicators-service's catalogue API the trend methods need. */
@RegisterRestClient(configKey = "catalogue")
@Path("/api/v1/measures")
public interface CatalogueClient {

    @GET
    @Path("{code}")
    RestResponse<MeasureInfo> measure(@PathParam("code") String code);

    /** The catalogue's measure, reduced to what judging a trend needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeasureInfo(String code, String unit, String desiredDirection, Double stableBandPercent) {
    }
}
