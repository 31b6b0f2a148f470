package eu.drugsplan.reporting.service;

import static eu.drugsplan.reporting.support.SeriesEvents.send;
import static eu.drugsplan.reporting.support.SeriesEvents.uniqueCode;
import static eu.drugsplan.reporting.support.Trends.awaitTrends;
import static eu.drugsplan.reporting.support.Trends.awaitVersion;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.reporting.support.CatalogueOnTopic;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogueOnTopic.class)
class EuTotalsTest {

    private static final String DEATHS = "PI09.DRUG_INDUCED_DEATHS";
    private static final String EU = "EU27_2020";
    private static final List<String> MEMBER_STATES = List.of("BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES",
            "FR", "HR", "IT", "CY", "LV", "LT", "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE");

    @Test
    void an_eu_total_sums_only_the_member_states_that_reported_and_says_how_many_did() {
        String sex = uniqueCode();
        Map<String, String> dimensions = Map.of("SEX", sex, "AGE", "TOTAL");
        send(DEATHS, "AT", dimensions, 1, "2019", 100, "2020", 110);
        send(DEATHS, "BE", dimensions, 1, "2020", 50);
        send(DEATHS, "NO", dimensions, 1, "2020", 1000);   // a Reitox partner, not a Member State
        send(DEATHS, "AT001", dimensions, 1, "2020", 7);   // a site inside Austria, not a Member State
        for (String area : List.of("AT", "BE", "NO", "AT001")) {
            awaitVersion(DEATHS, Map.of("area", area, "SEX", sex), 1);
        }

        JsonPath total = awaitVersion(DEATHS, Map.of("area", EU, "SEX", sex), 2);

        assertThat(total.getBoolean("trends[0].computed")).isTrue();
        assertThat(total.getString("trends[0].seriesKey")).isEqualTo(DEATHS + ":EU27_2020:AGE=TOTAL,SEX=" + sex + "#SUM");
        assertThat(total.getString("trends[0].area")).isEqualTo(EU);
        assertThat(total.getList("trends[0].points.period")).containsExactly("2019", "2020");
        assertThat(total.getList("trends[0].points.value", Double.class)).containsExactly(100.0, 160.0);
        assertThat(total.getList("trends[0].coverage.period")).containsExactly("2019", "2020");
        assertThat(total.getList("trends[0].coverage.reporting", Integer.class)).containsExactly(1, 2);
        assertThat(total.getList("trends[0].coverage.memberStates", Integer.class)).containsExactly(27, 27);
        assertThat(total.getList("trends[0].coverage.complete", Boolean.class)).containsExactly(false, false);
        // the total is judged like any series: 100 -> 160 is an increase
        assertThat(total.getString("trends[0].yearOnYear.label")).isEqualTo("INCREASE");
    }

    @Test
    void a_revised_country_value_replaces_its_share_of_the_total_instead_of_adding_to_it() {
        String sex = uniqueCode();
        Map<String, String> dimensions = Map.of("SEX", sex, "AGE", "TOTAL");
        send(DEATHS, "FR", dimensions, 1, "2020", 10, "2021", 20);
        awaitVersion(DEATHS, Map.of("area", "FR", "SEX", sex), 1);
        send(DEATHS, "FR", dimensions, 2, "2021", 25);

        JsonPath total = awaitVersion(DEATHS, Map.of("area", EU, "SEX", sex), 2);

        // 2020 was withdrawn from the French series and 2021 revised from 20 to 25
        assertThat(total.getList("trends[0].points.period")).containsExactly("2021");
        assertThat(total.getList("trends[0].points.value", Double.class)).containsExactly(25.0);
        assertThat(total.getList("trends[0].coverage.reporting", Integer.class)).containsExactly(1);
    }

    @Test
    void an_eu_total_is_complete_only_for_the_periods_all_27_member_states_reported() {
        String sex = uniqueCode();
        Map<String, String> dimensions = Map.of("SEX", sex, "AGE", "TOTAL");
        for (String country : MEMBER_STATES) {
            if (country.equals("SE")) {
                send(DEATHS, country, dimensions, 1, "2021", 1);
            } else {
                send(DEATHS, country, dimensions, 1, "2021", 1, "2022", 2);
            }
        }

        JsonPath total = awaitTrends(DEATHS, Map.of("area", EU, "SEX", sex),
                body -> body.getList("trends").size() == 1 && body.getInt("trends[0].coverage[0].reporting") == 27
                        && body.getInt("trends[0].coverage[1].reporting") == 26);

        assertThat(total.getList("trends[0].coverage.period")).containsExactly("2021", "2022");
        assertThat(total.getList("trends[0].coverage.complete", Boolean.class)).containsExactly(true, false);
        assertThat(total.getList("trends[0].coverage.value", Double.class)).containsExactly(27.0, 52.0);
        assertThat(total.getList("trends[0].points.value", Double.class)).containsExactly(27.0, 52.0);
    }

    @Test
    void an_eu27_series_reported_by_an_agency_is_kept_apart_from_the_computed_total() {
        String sex = uniqueCode();
        Map<String, String> dimensions = Map.of("SEX", sex, "AGE", "TOTAL");
        send(DEATHS, "AT", dimensions, 1, "2020", 5);
        send(DEATHS, EU, dimensions, 1, "2020", 999);

        JsonPath both = awaitTrends(DEATHS, Map.of("area", EU, "SEX", sex), body -> body.getList("trends").size() == 2);

        assertThat(both.getList("trends.computed", Boolean.class)).containsExactlyInAnyOrder(true, false);
        assertThat(both.getDouble("trends.find { it.computed }.latest.value")).isEqualTo(5.0);
        assertThat(both.getDouble("trends.find { !it.computed }.latest.value")).isEqualTo(999.0);
        assertThat(both.getString("trends.find { !it.computed }.seriesKey"))
                .isEqualTo(DEATHS + ":EU27_2020:AGE=TOTAL,SEX=" + sex);
        assertThat(both.getList("trends.find { !it.computed }.coverage")).isNull();
    }

    @Test
    void a_measure_whose_eu_rule_is_not_sum_gets_no_eu_total() {
        String substance = uniqueCode();
        Map<String, String> dimensions = Map.of("SUBSTANCE", substance, "STAT", "MEAN");
        String load = "PI02.WASTEWATER_LOAD";
        send(load, "AT", dimensions, 1, "2020", 300.5);
        send(load, "BE", dimensions, 1, "2020", 200.25);
        awaitVersion(load, Map.of("area", "AT", "SUBSTANCE", substance), 1);
        awaitVersion(load, Map.of("area", "BE", "SUBSTANCE", substance), 1);

        JsonPath total = awaitTrends(load, Map.of("area", EU, "SUBSTANCE", substance), body -> true);

        assertThat(total.getList("trends")).isEmpty();
    }
}
