package eu.drugsplan.reporting.rest;

import eu.drugsplan.reporting.service.Scoreboard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scoreboard")
@Tag(name = "Scoreboard", description = "Is the Action Plan working? Series counted by overall assessment")
public class ScoreboardResource {

    private final Scoreboard scoreboard;
    private final Conditional conditional;

    public ScoreboardResource(Scoreboard scoreboard, Conditional conditional) {
        this.scoreboard = scoreboard;
        this.conditional = conditional;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Series per overall assessment (IMPROVING, DETERIORATING, NO_SIGNIFICANT_CHANGE, "
            + "INSUFFICIENT_DATA, NOT_APPLICABLE): in total, per indicator and measure, and per country. "
            + "Counts the catalogue's headline series (e.g. the daily mean of each waste-water site and substance, "
            + "not every statistic) unless ?series=all. Conditional with If-None-Match.")
    public Response scoreboard(
            @Parameter(description = "'headline' (default): only the headline series of each measure (its headline "
                    + "selection in the catalogue); 'all': every series. 400 otherwise",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("series") String series,
            @Context Request request) {
        boolean headlineOnly = SeriesScope.parse(series, SeriesScope.HEADLINE) == SeriesScope.HEADLINE;
        return conditional.answer(request, scoreboard.versionTag(headlineOnly), () -> scoreboard.current(headlineOnly));
    }
}
