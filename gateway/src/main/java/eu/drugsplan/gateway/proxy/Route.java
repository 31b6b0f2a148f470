package eu.drugsplan.gateway.proxy;

import java.util.List;

/** Which service owns which part of the public API. */
public enum Route {
    INDICATORS(List.of("/api/v1/indicators", "/api/v1/measures", "/api/v1/codelists", "/api/v1/reporters",
            "/api/v1/data",
            "/api/v1/coverage",
            // SDMX REST 1.5.0 at /sdmx/2.1 and SDMX REST 2.x at /sdmx/3.0 (docs/sdmx.md); public reads like /api/v1/data
            "/sdmx")),
    // the review queue and audit of issue 16 are submissions-service's, like the release and return of a submission
    SUBMISSIONS(List.of("/api/v1/submissions", "/api/v1/review")),
    REPORTING(List.of("/api/v1/trends", "/api/v1/scoreboard", "/api/v1/summaries"));

    private final List<String> prefixes;

    Route(List<String> prefixes) {
        this.prefixes = prefixes;
    }

    public List<String> prefixes() {
        return prefixes;
    }
}
