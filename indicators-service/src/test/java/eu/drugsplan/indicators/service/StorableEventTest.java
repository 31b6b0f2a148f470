package eu.drugsplan.indicators.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.contracts.series.TextLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StorableEventTest {

    @Test
    void every_text_at_its_longest_with_allowed_odd_characters_is_storable() {
        String comment = ("tab\t LF\n CR\r 😀 \u200F\u202E ").repeat(100).substring(0, TextLimits.COMMENT - 1) + "x";
        assertThatCode(() -> StorableEvent.check(event(Map.of("SEX", "M".repeat(TextLimits.CODE)),
                "2017-01-31T00:00", "S".repeat(TextLimits.CODE), comment))).doesNotThrowAnyException();
    }

    @Test
    void a_nul_in_a_comment_is_refused_naming_the_comment() {
        assertThatThrownBy(() -> StorableEvent.check(event(Map.of(), "2017", "A", "a\u0000b")))
                .hasMessageContaining("comment");
    }

    @Test
    void texts_past_their_limits_are_refused_naming_the_field() {
        assertThatThrownBy(() -> StorableEvent.check(event(Map.of(), "2017-01-31T00:00:0", "A", null)))
                .hasMessageContaining("period");
        assertThatThrownBy(() -> StorableEvent.check(event(Map.of(), "2017", "A".repeat(65), null)))
                .hasMessageContaining("status");
        assertThatThrownBy(() -> StorableEvent.check(event(Map.of("SEX", "\uD800"), "2017", "A", null)))
                .hasMessageContaining("dimension SEX");
    }

    @Test
    void a_series_key_past_its_byte_limit_is_refused_though_each_code_fits() {
        Map<String, String> dimensions = new TreeMap<>();
        for (int i = 0; i < 20; i++) {
            dimensions.put("D" + i + "_".repeat(TextLimits.CODE - 3), "C".repeat(TextLimits.CODE));
        }
        assertThatThrownBy(() -> StorableEvent.check(event(dimensions, "2017", "A", null)))
                .hasMessageContaining("series key");
    }

    private static ObservationEvent event(Map<String, String> dimensions, String period, String status, String comment) {
        return new ObservationEvent(2, UUID.randomUUID(), UUID.randomUUID(), "EUDA", "PI09.DRUG_INDUCED_DEATHS", "AT",
                dimensions, Instant.now(), List.of(new ObservationChange(ObservationAction.MERGE, period,
                BigDecimal.ONE, status, comment)));
    }
}
