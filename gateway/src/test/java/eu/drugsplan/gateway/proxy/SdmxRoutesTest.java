package eu.drugsplan.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The SDMX APIs (/sdmx/2.1, /sdmx/3.0) go to indicators-service, as public reads like /api/v1/data. */
@QuarkusTest
@TestProfile(GatewayWithBackends.class)
class SdmxRoutesTest {

    @Test
    void both_sdmx_apis_are_routed_to_the_indicators_service_with_their_path_unchanged() {
        given().get("/sdmx/2.1/dataflow/all/all/latest").then().statusCode(200)
                .body("service", equalTo("indicators")).body("path", equalTo("/sdmx/2.1/dataflow/all/all/latest"))
                .body("bearer", equalTo(false));
        // as clients send it: '*' and '~' written as such (rest-assured would encode them, and the gateway refuses an
        // encoded unreserved character such as %7E)
        given().urlEncodingEnabled(false).get("/sdmx/3.0/structure/dataflow/DRUGS_PLAN/*/~").then().statusCode(200)
                .body("service", equalTo("indicators")).body("path", equalTo("/sdmx/3.0/structure/dataflow/DRUGS_PLAN/*/~"));
        // rsdmx writes a trailing '/' after the provider
        given().get("/sdmx/2.1/data/PI09_DRUG_INDUCED_DEATHS/all/all/").then().statusCode(200)
                .body("path", equalTo("/sdmx/2.1/data/PI09_DRUG_INDUCED_DEATHS/all/all/"));
    }

    /**
     * The key of every series of a three-dimension dataflow is '..', which SDMX clients send as such; the gateway
     * routes it as the same key written explicitly (SdmxKeyPath), so the backend never sees a dot segment.
     */
    @Test
    void an_sdmx_key_of_dots_only_reaches_the_backend_written_explicitly() {
        given().urlEncodingEnabled(false).get("/sdmx/2.1/data/PI09_DRUG_INDUCED_DEATHS/../all?startPeriod=2015")
                .then().statusCode(200).body("service", equalTo("indicators"))
                .body("path", equalTo("/sdmx/2.1/data/PI09_DRUG_INDUCED_DEATHS/*.*.*/all"))
                .body("rawQuery", equalTo("startPeriod=2015"));
        given().urlEncodingEnabled(false).get("/sdmx/2.1/data/PI09_DRUG_INDUCED_DEATHS/..")
                .then().statusCode(200).body("path", equalTo("/sdmx/2.1/data/PI09_DRUG_INDUCED_DEATHS/*.*.*"));
        given().urlEncodingEnabled(false).get("/sdmx/3.0/data/dataflow/DRUGS_PLAN/PI01_DRUG_RELATED_HOMICIDES/1.0.0/.")
                .then().statusCode(200).body("path", equalTo("/sdmx/3.0/data/dataflow/DRUGS_PLAN/PI01_DRUG_RELATED_HOMICIDES/1.0.0/*.*"));
        // a dot segment anywhere else is still an ambiguous path, also when a key rewrite happened before it
        given().urlEncodingEnabled(false).get("/sdmx/2.1/data/../..").then().statusCode(400);
        given().urlEncodingEnabled(false).get("/sdmx/2.1/data/X/../../api").then().statusCode(400);
        given().urlEncodingEnabled(false).get("/sdmx/2.1/dataflow/..").then().statusCode(400);
        given().urlEncodingEnabled(false).get("/api/v1/data/PI09.DRUG_INDUCED_DEATHS/..").then().statusCode(400);
    }

    @Test
    void writing_is_not_offered_on_the_sdmx_apis() {
        given().body("x").post("/sdmx/2.1/data/PI09_DRUG_INDUCED_DEATHS").then().statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void the_sdmx_paths_pass_the_same_checks_as_the_api() {
        // an ambiguous path is refused before any route (CanonicalPath), also under /sdmx
        given().urlEncodingEnabled(false).get("/sdmx/2.1/dataflow/%2e%2e/x").then().statusCode(400);
    }
}
