package eu.drugsplan.contracts.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest(name = "[{0}] plausible: {1}")
    @CsvSource(delimiter = '|', value = {
            "3f2c9a1e-0b7d-4e55-9c1a-2b8f6d0e4a11 | true",
            "batch.2024_07-run | true",
            "a | true",
            "'' | false",
            "two words | false",
            "[req=forged] | false",
            "caf\u00e9 | false"})
    void keepsOnlyTokensThatCannotForgeALogLine(String id, boolean plausible) {
        assertThat(RequestIds.plausible(id)).isEqualTo(plausible);
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "carriage\rreturn", "tab\there", "nul\u0000byte"})
    void refusesControlCharacters(String id) {
        assertThat(RequestIds.plausible(id)).isFalse();
    }

    @ParameterizedTest(name = "{0} characters: {1}")
    @CsvSource({"128, true", "129, false"})
    void isAtMost128Characters(int length, boolean plausible) {
        assertThat(RequestIds.plausible("x".repeat(length))).isEqualTo(plausible);
    }
}
