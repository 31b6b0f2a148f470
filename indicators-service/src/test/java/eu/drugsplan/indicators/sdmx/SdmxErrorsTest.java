package eu.drugsplan.indicators.sdmx;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.testsupport.SdmxSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Refusals under /sdmx are SDMX error messages, valid against the official schemas, never HTML or problem+json. */
@QuarkusTest
class SdmxErrorsTest {

    @ParameterizedTest(name = "{0} -> {1} (SDMX {2})")
    @CsvSource({
            "/sdmx/2.1/metadatastructure/all/all/latest, 501, 501",
            "/sdmx/2.1/hierarchicalcodelist, 501, 501",
            "/sdmx/2.1/no-such-resource/x, 404, 100",
            "/sdmx/4.0/dataflow, 404, 100",
            "/sdmx, 404, 100",
            "/sdmx/3.0/registration/x, 501, 501",
    })
    void anUnservedPathIsAnSdmxMlErrorMessage(String path, int status, int code) {
        Response r = given().accept("application/xml").get(path);
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/xml");
        String body = r.asString();
        assertThat(SdmxSchemas.xmlErrors(body)).as(body).isEmpty();
        assertThat(body).contains("<message:Error").contains("code=\"" + code + "\"");
    }

    @Test
    void theSameAsSdmxJsonWhenJsonIsAsked() {
        Response r = given().accept("application/vnd.sdmx.structure+json;version=2.0.0")
                .get("/sdmx/2.1/metadatastructure/all/all/latest");
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(SdmxSchemas.structureJsonErrors(r.asString())).as(r.asString()).isEmpty();
        assertThat(r.jsonPath().getInt("errors[0].code")).isEqualTo(501);
        assertThat(r.jsonPath().getString("meta.sender.id")).isEqualTo("DRUGS_PLAN");
    }

    @Test
    void theThreeApiWritesJsonErrorsByDefault() {
        Response r = given().get("/sdmx/3.0/schema/dataflow/DRUGS_PLAN/X/1.0.0");
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(SdmxSchemas.structureJsonErrors(r.asString())).as(r.asString()).isEmpty();
    }

    @Test
    void anSdmxMlErrorMessageFailsTheSchemaWhenItIsBroken() {
        // the validator is the test's: it must see a broken message as broken
        assertThat(SdmxSchemas.xmlErrors("<message:Error xmlns:message=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\"/>")).isNotEmpty();
        assertThat(SdmxSchemas.structureJsonErrors("{\"errors\":[{\"title\":\"no code\"}]}")).isNotEmpty();
    }
}
