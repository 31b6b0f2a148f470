package eu.drugsplan.submissions.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.drugsplan.common.rest.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A semicolon CSV with decimal commas is read as its sender meant it, or refused: never misread. */
class CsvDialectTest {

    static final CsvDialect COMMA_DECIMAL = new CsvDialect(';', ',');

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '#', value = {
        "measure,area,period,value                                   # ,",
        "measure;area;period;value                                   # ;",
        "\"measure\";\"area\";period;value                           # ;",
        "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA                      # ,",
        "STRUCTURE[;],STRUCTURE_ID,ACTION,REF_AREA                   # ,",
        "STRUCTURE[|];STRUCTURE_ID;ACTION;REF_AREA                   # ;",
        "STRUCTURE[;];STRUCTURE_ID;ACTION;REF_AREA                   # ;",
        "measure                                                     # ,"})
    void the_separator_is_the_first_comma_or_semicolon_of_the_header_outside_quotes_and_brackets(String header,
                                                                                                 char separator) {
        assertThat(CsvDialect.separator(header.trim())).isEqualTo(separator);
    }

    @Test
    void a_semicolon_body_without_a_declared_decimal_mark_is_refused_as_a_whole() throws IOException {
        Path body = write("\uFEFFmeasure;area;period;value\r\nPI10.OST_COVERAGE;AT;2021;1,5\r\n");
        assertThatThrownBy(() -> CsvDialect.of(body, Optional.empty()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().type().toString()).endsWith("/csv-decimal-undeclared");
                    assertThat(e.problem().detail()).contains("decimal=\",\"");
                });
    }

    @Test
    void a_declared_semicolon_body_and_a_plain_comma_body_are_read_with_their_marks() throws IOException {
        assertThat(CsvDialect.of(write("\uFEFFmeasure;area\r\n"), Optional.of(','))).isEqualTo(new CsvDialect(';', ','));
        assertThat(CsvDialect.of(write("measure;area\n"), Optional.of('.'))).isEqualTo(new CsvDialect(';', '.'));
        assertThat(CsvDialect.of(write("measure,area\n"), Optional.empty())).isEqualTo(new CsvDialect(',', '.'));
        assertThat(CsvDialect.of(write(""), Optional.empty())).isEqualTo(new CsvDialect(',', '.'));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1,5 | 1.5", "-0,25 | -0.25", "153 | 153", "1,5E3 | 1.5E3", "NaN | NaN", "- | -"})
    void with_a_declared_decimal_comma_the_comma_is_the_decimal_mark(String sent, String read) {
        assertThat(COMMA_DECIMAL.value(sent)).contains(read);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.234", "1.234,5", "1,234,5", "0.5"})
    void with_a_declared_decimal_comma_a_dot_or_a_second_comma_is_refused_never_guessed(String sent) {
        assertThat(COMMA_DECIMAL.value(sent)).isEmpty();
    }

    @Test
    void a_dot_decimal_leaves_every_value_as_sent() {
        CsvDialect dot = new CsvDialect(';', '.');
        assertThat(dot.value("1,5")).contains("1,5");
        assertThat(dot.value("1.5")).contains("1.5");
    }

    @Test
    void the_decimal_parameter_takes_a_comma_or_a_dot_and_nothing_else() {
        assertThat(CsvDialect.declaredDecimal(new MediaType("text", "csv", Map.of("decimal", ",")))).contains(',');
        assertThat(CsvDialect.declaredDecimal(new MediaType("text", "csv", Map.of("decimal", ".")))).contains('.');
        assertThat(CsvDialect.declaredDecimal(MediaType.valueOf("text/csv"))).isEmpty();
        assertThatThrownBy(() -> CsvDialect.declaredDecimal(new MediaType("text", "csv", Map.of("decimal", "'"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(415));
    }

    /** Whatever number a spreadsheet writes with a decimal comma reads back as the same number. */
    @Property(seed = "20261201", tries = 500)
    void a_number_written_with_a_decimal_comma_reads_back_equal(@ForAll("decimals") BigDecimal number) {
        String written = number.toPlainString().replace('.', ',');
        assertThat(new BigDecimal(COMMA_DECIMAL.value(written).orElseThrow())).isEqualByComparingTo(number);
    }

    /** A value grouped with dots (1.234.567,5 or 1.234) is never read as some other number. */
    @Property(seed = "20261201", tries = 500)
    void a_number_grouped_by_dots_is_refused(@ForAll("decimals") BigDecimal number) {
        String grouped = String.format(java.util.Locale.GERMANY, "%,.2f", number.abs().add(BigDecimal.valueOf(1000)));
        assertThat(COMMA_DECIMAL.value(grouped)).isEmpty();
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1e12), BigDecimal.valueOf(1e12)).ofScale(4);
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "body", ".csv"), text, StandardCharsets.UTF_8);
    }
}
