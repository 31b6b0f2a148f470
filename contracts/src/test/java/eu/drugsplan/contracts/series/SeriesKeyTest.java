package eu.drugsplan.contracts.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The series key is the Kafka record key: one series must have one text, whatever order its dimensions came in. */
class SeriesKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PI01.DRUG_RELATED_DEATHS:AT                     | PI01.DRUG_RELATED_DEATHS | AT | 0",
        "PI01.DRUG_RELATED_DEATHS:AT:                    | PI01.DRUG_RELATED_DEATHS | AT | 0",
        "PI01.DRUG_RELATED_DEATHS:AT:SEX=F               | PI01.DRUG_RELATED_DEATHS | AT | 1",
        "PI01.DRUG_RELATED_DEATHS:AT:AGE=Y15-24,SEX=F    | PI01.DRUG_RELATED_DEATHS | AT | 2",
        "PI01.DRUG_RELATED_DEATHS:AT:SEX=F,AGE=Y15-24    | PI01.DRUG_RELATED_DEATHS | AT | 2",
        "M:EU27_2020:A=x:y                               | M                        | EU27_2020 | 1"})
    void a_key_text_names_measure_area_and_dimensions(String text, String measure, String area, int dimensions) {
        SeriesKey key = SeriesKey.parse(text);
        assertThat(key.measure()).isEqualTo(measure);
        assertThat(key.area()).isEqualTo(area);
        assertThat(key.dimensions()).hasSize(dimensions);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "M:AT:SEX=F,AGE=Y15-24 | M:AT:AGE=Y15-24,SEX=F",
        "M:AT:                 | M:AT",
        "M:AT                  | M:AT",
        "M:AT:B=2,C=3,A=1      | M:AT:A=1,B=2,C=3"})
    void the_text_lists_dimensions_in_name_order_so_one_series_has_one_key(String given, String canonical) {
        assertThat(SeriesKey.parse(given)).hasToString(canonical);
        assertThat(SeriesKey.parse(canonical)).isEqualTo(SeriesKey.parse(given));
    }

    @Test
    void the_order_dimensions_are_given_in_does_not_matter() {
        Map<String, String> oneOrder = new LinkedHashMap<>();
        oneOrder.put("SEX", "F");
        oneOrder.put("AGE", "TOTAL");
        Map<String, String> otherOrder = new LinkedHashMap<>();
        otherOrder.put("AGE", "TOTAL");
        otherOrder.put("SEX", "F");
        assertThat(SeriesKey.of("M", "AT", oneOrder)).isEqualTo(SeriesKey.of("M", "AT", otherOrder))
                .hasToString("M:AT:AGE=TOTAL,SEX=F");
    }

    @Test
    void no_dimensions_and_null_dimensions_are_the_same_key() {
        assertThat(SeriesKey.of("M", "AT", null)).isEqualTo(SeriesKey.of("M", "AT", Map.of())).hasToString("M:AT");
    }

    @Test
    void the_dimensions_of_a_key_cannot_be_changed_afterwards() {
        TreeMap<String, String> dimensions = new TreeMap<>(Map.of("SEX", "F"));
        SeriesKey key = SeriesKey.of("M", "AT", dimensions);
        dimensions.put("AGE", "TOTAL");
        assertThat(key).hasToString("M:AT:SEX=F");
        assertThatThrownBy(() -> key.dimensions().put("AGE", "TOTAL"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"M", "", "M:AT:SEX", "M:AT:=F", "M:AT:SEX=F,AGE"})
    void a_text_without_measure_and_area_or_with_a_dimension_without_name_is_not_a_key(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> SeriesKey.parse(text));
    }

    @Test
    void measure_and_area_are_required() {
        assertThatNullPointerException().isThrownBy(() -> SeriesKey.of(null, "AT", Map.of()));
        assertThatNullPointerException().isThrownBy(() -> SeriesKey.of("M", null, Map.of()));
    }
}
