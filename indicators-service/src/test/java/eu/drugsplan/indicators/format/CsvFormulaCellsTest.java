package eu.drugsplan.indicators.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvFormulaCellsTest {

    @ParameterizedTest(name = "{0} is written as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            =HYPERLINK("http://evil")   | '=HYPERLINK("http://evil")
            +cmd /C calc                | '+cmd /C calc
            -2+3                        | '-2+3
            @SUM(A1)                    | '@SUM(A1)
            provisional, police data    | provisional, police data
            a = b                       | a = b
            """)
    void a_comment_a_spreadsheet_would_run_as_a_formula_is_written_as_text(String comment, String written) {
        assertThat(CsvDataWriter.inert(comment)).isEqualTo(written);
    }

    @ParameterizedTest(name = "a cell starting with character {0} is written as text")
    @CsvSource({"9", "13"})
    void a_comment_starting_with_a_tab_or_carriage_return_is_written_as_text(int character) {
        String comment = (char) character + "=1+1";
        assertThat(CsvDataWriter.inert(comment)).isEqualTo("'" + comment);
    }
}
