package eu.drugsplan.common.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The COPY text format as PostgreSQL's documentation of COPY defines it: tab between columns, \N for null. */
class CopyTextTest {

    @ParameterizedTest(name = "[{0}] is written [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "plain                 | plain",
            "back\\slash           | back\\\\slash",
            "\"caf\u00e9 \u00e0 l'\u00e9t\u00e9\" | \"caf\u00e9 \u00e0 l'\u00e9t\u00e9\"",
            "\\N                   | \\\\N"})
    void escapesTheBackslashSoAValueIsNeverReadAsNull(String value, String written) {
        assertThat(new CopyText().field(value).endRow().toString()).isEqualTo(written + "\n");
    }

    @Test
    void escapesTheSeparatorsARowIsCutAt() {
        assertThat(new CopyText().field("a\tb\nc\rd").endRow().toString()).isEqualTo("a\\tb\\nc\\rd\n");
    }

    @Test
    void writesNullAsBackslashNAndSeparatesColumnsByTabs() {
        String rows = new CopyText().field(7L).field((String) null).field(new BigDecimal("1E+3")).field(true)
                .endRow().field(UUID.fromString("00000000-0000-0000-0000-000000000001"))
                .field(Instant.parse("2024-01-02T03:04:05Z")).field((BigDecimal) null).endRow().toString();

        assertThat(rows).isEqualTo("7\t\\N\t1000\tt\n"
                + "00000000-0000-0000-0000-000000000001\t2024-01-02T03:04:05Z\t\\N\n");
    }

    @Test
    void streamsToAWriterAsItDoesToMemory() {
        StringWriter out = new StringWriter();
        new CopyText(out).field("x\ty").field(1L).endRow();

        assertThat(out).hasToString(new CopyText().field("x\ty").field(1L).endRow().toString());
    }
}
