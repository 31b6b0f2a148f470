package eu.drugsplan.submissions.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.format.BodyFormat;
import eu.drugsplan.submissions.format.CsvDialect;
import eu.drugsplan.submissions.format.SheetParameters;
import eu.drugsplan.submissions.repository.IdempotencyKeys;
import eu.drugsplan.submissions.repository.SubmissionStatus;
import eu.drugsplan.submissions.service.IntakeRequest;
import eu.drugsplan.submissions.service.IntakeResult;
import eu.drugsplan.submissions.service.RowSource;
import eu.drugsplan.submissions.service.SubmissionIntake;
import eu.drugsplan.submissions.service.SubmissionQueries;
import eu.drugsplan.submissions.service.SubmissionStatusView;
import eu.drugsplan.submissions.service.SubmissionSummary;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions", description = "How focal points and agencies send data")
public class SubmissionResource {

    private final SubmissionIntake intake;
    private final SubmissionQueries queries;
    private final IdempotencyKeys idempotencyKeys;
    private final ReporterIdentity identity;
    private final SubmissionsConfig config;
    private final IntakeBodies bodies;

    public SubmissionResource(SubmissionIntake intake, SubmissionQueries queries, IdempotencyKeys idempotencyKeys,
                              ReporterIdentity identity, SubmissionsConfig config, IntakeBodies bodies) {
        this.bodies = bodies;
        this.intake = intake;
        this.queries = queries;
        this.idempotencyKeys = idempotencyKeys;
        this.identity = identity;
        this.config = config;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", BodyFormat.SDMX_CSV_TYPE, BodyFormat.XLSX_TYPE,
            BodyFormat.SDMX_ML_TYPE})
    @RolesAllowed("submitter")
    @Operation(summary = "Submit observations as JSON, CSV, SDMX-CSV 2.0, SDMX-ML 2.1 or an xlsx workbook; the answer is the import "
            + "summary (201), 202 with the status resource for a large CSV, 200 for a dry run",
            description = "A workbook (" + BodyFormat.XLSX_TYPE + ") is read in the long layout (the CSV columns) or "
                    + "in the wide layout of published tables (an area column, a column per period); what the wide "
                    + "layout's header block does not say is given by the query parameters measure, unit and one per "
                    + "fixed dimension (e.g. MEDICATION=METHADONE, a code of the dimension's list). A template for a "
                    + "measure comes from GET /api/v1/measures/{code}/template.xlsx and posts back unchanged, without "
                    + "query parameters. Every conflict of a workbook names its cell ('HSR-3-2'!B6).")
    // the body is read as a stream (it may be a gigabyte of CSV), so what it and the answer hold is said here
    @APIResponse(responseCode = "201", description = "Stored: the import summary",
            headers = @Header(name = "Location", description = "The submission's status resource",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionSummary.class)))
    @APIResponse(responseCode = "202", description = "A large CSV (or Prefer: respond-async): validated and stored "
            + "in the background; follow Location",
            headers = @Header(name = "Location", description = "The submission's status resource",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionSummary.class)))
    @APIResponse(responseCode = "200", description = "A dry run: the summary of what would be stored, nothing stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionSummary.class)))
    public Response submit(@RequestBody(required = true, content = {
                               @Content(mediaType = MediaType.APPLICATION_JSON,
                                       schema = @Schema(implementation = SubmissionRequest.class)),
                               @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                                       description = "RFC 4180, a header of measure, area, period, value, status, "
                                               + "comment, action and one column per dimension")),
                               @Content(mediaType = BodyFormat.SDMX_CSV_TYPE, schema = @Schema(type = SchemaType.STRING,
                                       description = "SDMX-CSV 2.0")),
                               @Content(mediaType = BodyFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING,
                                       format = "binary", description = "An xlsx workbook (Office Open XML), long or "
                                               + "wide layout; larger than the body limit or a zip bomb: 413")),
                               @Content(mediaType = BodyFormat.SDMX_ML_TYPE, schema = @Schema(type = SchemaType.STRING,
                                       description = "SDMX-ML 2.1 StructureSpecificData (version=2.1 or no version): "
                                               + "each Obs one row, the DataSet's action the rows' action"))})
                           InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                           @QueryParam("dryRun") @DefaultValue("false")
                           @Parameter(schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String dryRunParameter,
                           @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) String idempotencyKey,
                           @HeaderParam("Prefer") String prefer,
                           @HeaderParam(HttpHeaders.CONTENT_ENCODING) @Parameter(hidden = true) String contentEncoding,
                           // read with the dimension parameters from the query (SheetRequest)
                           @QueryParam("measure") @Parameter(description = "xlsx in the wide layout: the measure of "
                                   + "the table, when its header block does not name it (a catalogue code, e.g. "
                                   + "PI10.OST_CLIENTS); with any other format a 400") String measureParameter,
                           @QueryParam("unit") @Parameter(description = "xlsx in the wide layout: the unit of the "
                                   + "table, when its header block does not say it: the measure's unit in the catalogue "
                                   + "or its unit kind (values are never converted), else a 400") String unitParameter,
                           UriInfo uri) throws IOException {
        boolean dryRun = IntakeBodies.dryRun(dryRunParameter);
        BodyFormat format = BodyFormat.of(contentType);
        Optional<ContentCoding> coding = ContentCoding.of(contentEncoding);
        if (coding.isEmpty()) {
            return ContentCoding.unsupported(contentEncoding, uri.getPath());
        }
        Optional<Character> decimal = format.isCsv() ? CsvDialect.declaredDecimal(contentType) : Optional.empty();
        SheetParameters sheet = SheetRequest.parameters(format, uri.getQueryParameters());
        String reporter = identity.reporter();
        SpooledBody spooled = SpooledBody.spool(body, bodies.spooling(format, coding.get(), decimal));
        try {
            Optional<Response> replay = dryRun ? Optional.empty() : replay(reporter, idempotencyKey, spooled, uri);
            if (replay.isPresent()) {
                spooled.delete();
                return replay.get();
            }
            boolean async = !dryRun && (format.isCsv()
                    && (spooled.lines() - 1 > config.asyncRowThreshold() || respondAsync(prefer))
                    || format == BodyFormat.SDMX_ML && respondAsync(prefer));
            RowSource rows = bodies.rows(format, spooled, decimal, sheet);
            IntakeResult result = intake.submit(new IntakeRequest(reporter, identity.subject(), format.mediaType(), rows, dryRun, async,
                    Optional.ofNullable(idempotencyKey), spooled.sha256(), spooled::delete));
            return answer(result.status(), result.summary(), uri);
        } catch (RuntimeException | IOException e) {
            spooled.delete();
            throw e;
        }
    }

    @GET
    @Authenticated
    @Operation(summary = "Submissions, newest first: a focal point sees its own, a reviewer or admin every one")
    public SubmissionQueries.SubmissionPage list(@QueryParam("reporter") String reporter,
                                                 @QueryParam("status") SubmissionStatus status,
                                                 @QueryParam("from") Instant from, @QueryParam("to") Instant to,
                                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return queries.list(new SubmissionQueries.Filter(reporter, status, from, to), viewer(), page, size);
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "The status of one submission: summary, conflicts, timeline (own submissions, or any for a reviewer)")
    public SubmissionStatusView get(@PathParam("id") UUID id) {
        return queries.find(id, viewer()).orElseThrow(() -> notFound(id));
    }

    /** A submission that does not exist and one the caller may not see are the same answer: nothing is told. */
    static ProblemException notFound(UUID id) {
        return new ProblemException(Problems.of(Response.Status.NOT_FOUND, "submission-not-found",
                "No submission " + id + " that you may see."));
    }

    private SubmissionQueries.Viewer viewer() {
        return identity.viewer();
    }

    private Optional<Response> replay(String reporter, String key, SpooledBody spooled, UriInfo uri) {
        if (key == null) {
            return Optional.empty();
        }
        return idempotencyKeys.find(reporter, key).map(first -> {
            if (!first.requestHash().equals(spooled.sha256())) {
                throw new ProblemException(Problems.of(Problems.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "The Idempotency-Key '" + key + "' was used for a different body; use a new key for a new submission."));
            }
            SubmissionSummary summary = queries.summary(first.submissionId()).orElseThrow();
            return answer(first.responseStatus(), summary, uri);
        });
    }

    private static Response answer(int status, SubmissionSummary summary, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(status).entity(summary);
        if (summary.id() != null) {
            URI location = uri.getBaseUriBuilder().path(SubmissionResource.class).path(summary.id().toString()).build();
            response.location(location);
        }
        return response.build();
    }

    private static boolean respondAsync(String prefer) {
        return prefer != null && prefer.toLowerCase().contains("respond-async");
    }
}
