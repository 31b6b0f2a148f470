package eu.drugsplan.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadlineSelectionTest {

    /** "A=x B=y" as a map; "-" for none. */
    private static Map<String, String> codes(String text) {
        Map<String, String> codes = new HashMap<>();
        if (!text.equals("-")) {
            Arrays.stream(text.split(" ")).map(p -> p.split("=")).forEach(p -> codes.put(p[0], p[1]));
        }
        return codes;
    }

    @ParameterizedTest(name = "selection [{0}], series [{1}]: headline {2}")
    @CsvSource(delimiter = ';', value = {
            // waste water: the daily mean of every substance is a headline series, no other statistic
            "STAT=DAILY_MEAN;SUBSTANCE=COCAINE STAT=DAILY_MEAN;true",
            "STAT=DAILY_MEAN;SUBSTANCE=MDMA STAT=DAILY_MEAN;true",
            "STAT=DAILY_MEAN;SUBSTANCE=COCAINE STAT=WEEKEND_MEAN;false",
            "STAT=DAILY_MEAN;SUBSTANCE=COCAINE STAT=MON;false",
            // a series without the dimension is not the headline's
            "STAT=DAILY_MEAN;SUBSTANCE=COCAINE;false",
            // every dimension of the selection must match
            "SEX=T AGE=TOTAL;SEX=T AGE=TOTAL;true",
            "SEX=T AGE=TOTAL;SEX=M AGE=TOTAL;false",
            "SEX=T AGE=TOTAL;SEX=T AGE=Y15-19;false",
            // codes are compared exactly
            "SEX=T;SEX=t;false",
            // no selection: every series is a headline series
            "-;SEX=M;true",
            "-;-;true"
    })
    void a_series_is_a_headline_series_when_it_has_every_code_of_the_selection(String selection, String series,
                                                                                boolean headline) {
        assertThat(HeadlineSelection.of(codes(selection)).matches(codes(series))).isEqualTo(headline);
    }

    @ParameterizedTest(name = "selection [{0}], query [{1}]: filter [{2}]")
    @CsvSource(delimiter = ';', value = {
            // nothing asked: the headline codes
            "STAT=DAILY_MEAN;-;STAT=DAILY_MEAN",
            // another dimension asked: it is kept, the headline added
            "STAT=DAILY_MEAN;SUBSTANCE=COCAINE|MDMA;STAT=DAILY_MEAN SUBSTANCE=COCAINE|MDMA",
            // the headline's dimension asked: the caller's codes win
            "STAT=DAILY_MEAN;STAT=WEEKEND_MEAN|MON;STAT=WEEKEND_MEAN|MON",
            "SEX=T AGE=TOTAL;SEX=M;AGE=TOTAL SEX=M",
            // no selection: the query unchanged
            "-;SEX=M|F;SEX=M|F",
            "-;-;-"
    })
    void the_default_filter_adds_the_headline_code_of_every_dimension_the_query_does_not_name(
            String selection, String query, String filter) {
        assertThat(HeadlineSelection.of(codes(selection)).defaults(filters(query))).isEqualTo(filters(filter));
    }

    /** "A=x|y B=z" as a filter. */
    private static Map<String, Set<String>> filters(String text) {
        Map<String, Set<String>> filters = new HashMap<>();
        codes(text).forEach((k, v) -> filters.put(k, new TreeSet<>(Arrays.asList(v.split("\\|")))));
        return filters;
    }
}
