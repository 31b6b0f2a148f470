package eu.drugsplan.indicators.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.outbox.OutboxEvent;
import eu.drugsplan.contracts.catalogue.CatalogueEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * At start the catalogue goes through the outbox to its topic, whole: every measure with what a trend needs, as
 * the catalogue API serves it, and the REF_AREA code list with parents and properties.
 */
@QuarkusTest
class CatalogueAnnouncerTest {

    @Inject
    ObjectMapper json;

    @Test
    void the_catalogue_published_at_start_is_the_catalogue_the_api_serves() throws Exception {
        List<OutboxEvent> published = OutboxEvent.list("messageKey = ?1 order by id", CatalogueEvent.KEY);
        assertThat(published).isNotEmpty();
        OutboxEvent last = published.get(published.size() - 1);
        assertThat(last.topic).isEqualTo("catalogue.v1");
        CatalogueEvent event = json.readValue(last.payload, CatalogueEvent.class);
        assertThat(event.version()).isEqualTo(CatalogueEvent.CURRENT_VERSION);
        assertThat(last.eventId).isEqualTo(event.eventId());

        List<Map<String, Object>> measures = given().get("/api/v1/measures").jsonPath().getList("");
        assertThat(event.measures()).hasSameSizeAs(measures);
        for (Map<String, Object> served : measures) {
            CatalogueEvent.Measure measure = event.measure((String) served.get("code")).orElseThrow();
            assertThat(measure.indicator()).isEqualTo(served.get("indicator"));
            assertThat(measure.unit()).isEqualTo(served.get("unit"));
            assertThat(measure.desiredDirection().name()).isEqualTo(served.get("desiredDirection"));
            assertThat(measure.euTotalRule()).isEqualTo(served.get("euTotalRule"));
            assertThat(measure.dimensions()).isEqualTo(served.get("dimensions"));
            assertThat(measure.headline()).isEqualTo(served.get("headline"));
        }

        JsonPath areas = given().get("/api/v1/codelists/REF_AREA").jsonPath();
        Map<String, CatalogueEvent.Area> byCode = event.areas().stream()
                .collect(Collectors.toMap(CatalogueEvent.Area::code, a -> a));
        assertThat(byCode.keySet()).containsExactlyInAnyOrderElementsOf(areas.getList("codes.code"));
        assertThat(byCode.get("AT").parent()).isEqualTo("EU27_2020");
        String site = areas.getString("codes.find { it.properties.longitude != null }.code");
        assertThat(byCode.get(site).properties().get("longitude")).isInstanceOf(Number.class);
    }
}
