package eu.drugsplan.contracts.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservedValuesTest {

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource(nullValues = "none", value = {
            "1.0, 1.00, true", "1, 1, true", "0, -0.0, true", "none, none, true",
            "1, 1.01, false", "none, 0, false", "0, none, false", "-1, 1, false"})
    void two_values_are_one_when_they_are_the_same_number(String a, String b, boolean same) {
        assertThat(ObservedValues.same(a == null ? null : new BigDecimal(a), b == null ? null : new BigDecimal(b)))
                .isEqualTo(same);
    }
}
