package eu.drugsplan.contracts.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules both readers of the bulletin's tables (loader and intake) share, row by row. */
class PublishedTablesTest {

    /** Footnotes as HSR-5-1-1 (syringes) writes them below its data. */
    private static final List<String> FOOTNOTES = List.of(
            "(1) The table includes syringes provided through fixed and mobile NSP sites",
            "(3) Austria: Data provided from provincial drug coordinators.",
            "(4) Austria: 2005 data cover the two agencies with largest turnover.",
            "(7) Belgium: Data on number of syringes in 2003 are estimates.",
            "(57) -: No reliable data on syringes distributed in England are available.");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Austria *|HSR-5-1-1: Data provided from provincial drug coordinators. 2005 data cover the two agencies with largest turnover.",
            "Belgium *|HSR-5-1-1: Data on number of syringes in 2003 are estimates.",
            "Bulgaria *|HSR-5-1-1: see the table's notes",
            "Austria*|HSR-5-1-1: Data provided from provincial drug coordinators. 2005 data cover the two agencies with largest turnover."})
    void a_starred_country_gets_the_footnotes_that_start_with_its_name(String country, String comment) {
        assertThat(PublishedTables.notesOf("HSR-5-1-1", FOOTNOTES, country)).isEqualTo(comment);
    }

    @ParameterizedTest(name = "[{0}]: footnote {1}, title {2}, header {3}, not reported {4}")
    @CsvSource(delimiter = '|', value = {
            "(1) Finland: Number of methadone clients|true|false|false|false",
            "(12)Czechia: estimates|true|false|false|false",
            "Drug law offences  >  Offences By Drug  >  Cannabis|false|true|false|false",
            "Country|false|false|true|false",
            "''|false|false|false|true",
            ":|false|false|false|true",
            "' : '|false|false|false|true",
            "Austria *|false|false|false|false",
            "(a) not a numbered note|false|false|false|false"})
    void rows_are_told_apart_by_their_first_cell(String cell, boolean footnote, boolean title, boolean header,
                                                 boolean notReported) {
        assertThat(PublishedTables.isFootnote(cell)).isEqualTo(footnote);
        assertThat(PublishedTables.isTitle(cell)).isEqualTo(title);
        assertThat(PublishedTables.isHeader(cell)).isEqualTo(header);
        assertThat(PublishedTables.notReported(cell)).isEqualTo(notReported);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Drug law offences  >  Offences By Drug  >  Cocaine (powder)  >  Supply|Drug law offences,Offences By Drug,Cocaine (powder),Supply",
            "Prevalence of drug use > Cannabis|Prevalence of drug use,Cannabis"})
    void a_title_splits_into_its_parts(String title, String parts) {
        assertThat(PublishedTables.titleParts(title)).containsExactly(parts.split(","));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"'  Czech   Republic *'|czech republic", "AUT|aut", "Türkiye|türkiye"})
    void names_compare_without_blanks_case_or_note_pointer(String name, String normal) {
        assertThat(PublishedTables.normal(PublishedTables.areaName(name))).isEqualTo(normal);
    }

    @ParameterizedTest(name = "a long note is cut to {1} characters")
    @CsvSource({"2000, 1000"})
    void a_long_note_is_cut_to_what_a_comment_holds(int length, int limit) {
        String note = "(1) Spain: " + "x".repeat(length);
        assertThat(PublishedTables.notesOf("T", List.of(note), "Spain *")).hasSize(limit).endsWith("...");
    }
}
