package eu.drugsplan.submissions.service.plausibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Median, MAD and modified z-score against Python's statistics.median (reference.py, scores.tsv). */
class RobustScoreTest {

    static Stream<String[]> scores() throws IOException {
        try (InputStream in = RobustScoreTest.class.getResourceAsStream("/plausibility/scores.tsv")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")).skip(1)
                    .map(l -> l.split("\t", -1)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("scores")
    void asTheReferenceComputesThem(String history, String value, String median, String mad, String score) {
        double[] h = Arrays.stream(history.split(";")).mapToDouble(Double::parseDouble).toArray();

        assertThat(RobustScore.median(h)).isEqualTo(Double.parseDouble(median));
        assertThat(RobustScore.mad(h)).isEqualTo(Double.parseDouble(mad));
        OptionalDouble z = RobustScore.modifiedZ(h, Double.parseDouble(value));
        if (score.isEmpty()) {
            assertThat(z).isEmpty();
        } else {
            assertThat(z.getAsDouble()).isCloseTo(Double.parseDouble(score), within(Math.abs(Double.parseDouble(score)) * 1e-12));
        }
    }
}
