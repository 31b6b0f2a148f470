package eu.drugsplan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import eu.drugsplan.client.ApiClient;
import eu.drugsplan.client.ApiException;
import eu.drugsplan.client.ApiResponse;
import eu.drugsplan.client.api.CatalogueApi;
import eu.drugsplan.client.api.DataApi;
import eu.drugsplan.client.api.SdmxApi;
import eu.drugsplan.client.api.SubmissionsApi;
import eu.drugsplan.client.api.TrendsApi;
import eu.drugsplan.client.model.DataView;
import eu.drugsplan.client.model.ObservationInput;
import eu.drugsplan.client.model.ObservationView;
import eu.drugsplan.client.model.SeriesView;
import eu.drugsplan.client.model.Step;
import eu.drugsplan.client.model.StepState;
import eu.drugsplan.client.model.SubmissionRequest;
import eu.drugsplan.client.model.SubmissionStatusView;
import eu.drugsplan.client.model.SubmissionSummary;
import eu.drugsplan.client.model.TrendView;
import eu.drugsplan.client.model.TrendsView;
import eu.drugsplan.testsupport.SdmxRoutes;
import eu.drugsplan.testsupport.Tokens;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java client that api-client generates from api/openapi.json, used as a focal point would use it, against
 * the real services behind the gateway: if the document described the API wrongly, these calls would fail.
 */
@ExtendWith(SharedSuiteExtension.class)
class GeneratedClientThroughGatewayTest {

    private static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";
    // an area no other e2e test writes, since the e2e databases are shared within a run
    private static final String AREA = "LU";
    private static final Map<String, String> DIMENSIONS = Map.of("SEX", "M", "AGE", "TOTAL");

    private static Suite suite;

    @BeforeAll
    static void useTheSharedSuite(Suite shared) throws Exception {
        suite = shared;
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(suite.gatewayUrl());
        if (token != null) {
            // the native library has no bearer support of its own: every request passes through this hook
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static ObservationInput deaths(String period, int value) {
        return new ObservationInput().measure(MEASURE).area(AREA).period(period).dimensions(DIMENSIONS)
                .value(BigDecimal.valueOf(value));
    }

    @Test
    void a_focal_point_submits_with_the_generated_client_and_reads_its_status_its_data_and_the_trend() throws Exception {
        SubmissionsApi submissions = new SubmissionsApi(client(Tokens.forReporter(AREA, "submitter")));
        SubmissionRequest request = new SubmissionRequest().observations(List.of(
                deaths("2015", 6), deaths("2016", 8), deaths("2017", 9), deaths("2018", 12)));

        ApiResponse<SubmissionSummary> answer = submissions.postSubmissionsWithHttpInfo(request, null, null, null, null, null);

        assertThat(answer.getStatusCode()).isEqualTo(201);
        SubmissionSummary summary = answer.getData();
        assertThat(summary.getReporter()).isEqualTo(AREA);
        assertThat(summary.getAccepted()).isEqualTo(4);
        assertThat(summary.getRejected()).isZero();
        assertThat(summary.getConflicts()).isEmpty();
        assertThat(answer.getHeaders().get("location")).singleElement().asString()
                .endsWith("/api/v1/submissions/" + summary.getId());
        Review.release(suite.gatewayUrl(), String.valueOf(summary.getId()));

        SubmissionStatusView stored = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> submissions.getSubmissionsById(summary.getId()),
                        status -> status.getTimeline().stream().anyMatch(step -> "stored".equals(step.getName())
                                && step.getState() == StepState.DONE));
        assertThat(stored.getId()).isEqualTo(summary.getId());
        assertThat(stored.getInserted()).isEqualTo(4L);
        assertThat(stored.getTimeline()).extracting(Step::getName).contains("received", "validated", "published");

        // reading is open: the data and the trends need no token
        DataView data = new DataApi(client(null)).getDataByMeasure(MEASURE, AREA, null, null, null, null, null, null);
        assertThat(data.getMeasure()).isEqualTo(MEASURE);
        SeriesView series = data.getSeries().stream().filter(s -> s.getDimensions().equals(DIMENSIONS))
                .findFirst().orElseThrow();
        assertThat(series.getArea()).isEqualTo(AREA);
        assertThat(series.getObservations()).extracting(ObservationView::getPeriod)
                .containsExactly("2015", "2016", "2017", "2018");
        assertThat(series.getObservations()).extracting(ObservationView::getValue)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.valueOf(6), BigDecimal.valueOf(8), BigDecimal.valueOf(9), BigDecimal.valueOf(12));

        TrendsApi trends = new TrendsApi(client(null));
        TrendView trend = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> latestTrend(trends.getTrendsByMeasure(MEASURE, null, AREA, null, null)), t -> t != null && t.getPointCount() == 4);
        assertThat(trend.getSeriesKey()).isEqualTo(series.getSeriesKey());
        assertThat(trend.getLatest().getPeriod()).isEqualTo("2018");
        // Sen's slope of 6, 8, 9, 12: the median of the six pairwise slopes 2, 1.5, 2, 1, 2, 3
        assertThat(trend.getSenSlope().getSlope()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void the_generated_client_reads_the_sdmx_routes_and_the_template_as_downloads_and_gets_sdmx_errors() throws Exception {
        SdmxApi sdmx = new SdmxApi(client(null));
        // an SDMX message is a download (format: binary), whatever format the route answers in
        File flow = sdmx.getSdmx21Dataflow("DRUGS_PLAN", SdmxRoutes.FLOW, "1.0", null, null, null);
        assertThat(Files.readString(flow.toPath())).contains("Dataflow", "id=\"" + SdmxRoutes.FLOW + "\"");
        File codes = sdmx.getSdmx30StructureItems("codelist", "DRUGS_PLAN", "CL_SEX", "1.0.0", "M", null, null, null);
        assertThat(Files.readString(codes.toPath())).contains("CL_SEX", "isPartial");

        assertThatThrownBy(() -> sdmx.getSdmx21Dataflow("DRUGS_PLAN", "NO_SUCH_FLOW", "1.0", null, null, null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(404);
                    assertThat(SdmxRoutes.isSdmxError(refused.getResponseHeaders().firstValue("content-type").orElse(""),
                            refused.getResponseBody())).as(refused.getResponseBody()).isTrue();
                });

        File template = new CatalogueApi(client(null)).getMeasuresByCodeTemplateXlsx(MEASURE);
        byte[] workbook = Files.readAllBytes(template.toPath());
        assertThat(new String(workbook, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).as("a zip").isEqualTo("PK");
    }

    private static TrendView latestTrend(TrendsView view) {
        return view.getTrends().stream().filter(t -> DIMENSIONS.equals(t.getDimensions())).findFirst().orElse(null);
    }

    @Test
    void the_generated_client_reports_the_gateways_refusal_of_a_reader_who_submits() {
        SubmissionsApi submissions = new SubmissionsApi(client(Tokens.forReporter(AREA, "reader")));
        SubmissionRequest request = new SubmissionRequest().observations(List.of(deaths("2019", 13)));

        assertThatThrownBy(() -> submissions.postSubmissions(request, null, null, null, null, null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(403);
                    assertThat(refused.getResponseBody()).contains("\"status\":403");
                });
    }
}
