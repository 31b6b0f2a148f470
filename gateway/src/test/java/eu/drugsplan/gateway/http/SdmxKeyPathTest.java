package eu.drugsplan.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which SDMX keys of dots only are written explicitly, and which targets are left to CanonicalPath's refusal. */
class SdmxKeyPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "/sdmx/2.1/data/F/..                              | /sdmx/2.1/data/F/*.*.*",
            "/sdmx/2.1/data/F/../all                          | /sdmx/2.1/data/F/*.*.*/all",
            "/sdmx/2.1/data/F/../all/                         | /sdmx/2.1/data/F/*.*.*/all/",
            "/sdmx/2.1/data/F/.?startPeriod=2015              | /sdmx/2.1/data/F/*.*?startPeriod=2015",
            "/sdmx/2.1/data/DRUGS_PLAN,F,1.0/../all?x=..      | /sdmx/2.1/data/DRUGS_PLAN,F,1.0/*.*.*/all?x=..",
            "/sdmx/2.1/availableconstraint/F/../all/SEX       | /sdmx/2.1/availableconstraint/F/*.*.*/all/SEX",
            "/sdmx/3.0/data/dataflow/A/F/1.0.0/..             | /sdmx/3.0/data/dataflow/A/F/1.0.0/*.*.*",
            "/sdmx/3.0/availability/dataflow/A/F/1.0.0/./SEX  | /sdmx/3.0/availability/dataflow/A/F/1.0.0/*.*/SEX",
            // not a key of dots only, or not at a key position: CanonicalPath judges them as they are
            "/sdmx/2.1/data/F/AT..TOTAL                       | none",
            "/sdmx/2.1/data/F/...                             | none",
            "/sdmx/2.1/data/..                                | none",
            "/sdmx/2.1/data/F/all/..                          | none",
            "/sdmx/2.1/dataflow/all/..                        | none",
            "/sdmx/3.0/data/dataflow/A/F/..                   | none",
            "/api/v1/data/F/..                                | none",
            // more segments after the dots than a key may have there: a dot segment, not a key
            "/sdmx/3.0/data/dataflow/A/F/1.0.0/./KEY          | none",
            "/sdmx/3.0/data/dataflow/A/F/1.0.0/../KEY         | none",
            "/sdmx/3.0/availability/dataflow/A/F/1.0.0/./K/C  | none",
            "/sdmx/2.1/data/F/./KEY/all                       | none",
            "/sdmx/2.1/data/F/../all//                        | none",
            "/sdmx/2.1/availableconstraint/F/./K/all/SEX      | none",
            "/sdmx/3.0/data/dataflow/A/F/1.0.0/./             | /sdmx/3.0/data/dataflow/A/F/1.0.0/*.*/",
            "http://host/sdmx/2.1/data/F/..                   | none"})
    void a_dot_only_key_is_written_with_a_star_for_every_part(String target, String explicit) {
        assertThat(SdmxKeyPath.explicit(target)).isEqualTo(explicit);
    }
}
