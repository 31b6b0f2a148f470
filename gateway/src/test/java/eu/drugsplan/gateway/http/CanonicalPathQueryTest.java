package eu.drugsplan.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The query's percent-encoding: a broken one reached the services, whose JAX-RS layer answered an empty 400
 * (no problem document), found by the generated reads of the e2e suite ({@code ?area=%}).
 */
class CanonicalPathQueryTest {

    @ParameterizedTest(name = "{0} -> accepted {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/codelists?area=%       | false",
            "/api/v1/codelists?area=%2      | false",
            "/api/v1/codelists?a%=1         | false",
            "/api/v1/codelists?area=%zz     | false",
            "/api/v1/codelists?area=%G1     | false",
            "/api/v1/codelists?area=%00     | false",
            "/api/v1/codelists?area=%25     | true",
            "/api/v1/codelists?area=%e9     | true",
            "/api/v1/codelists?area=%C3%A9  | true",
            "/api/v1/codelists?area=a+b     | true",
            "/api/v1/codelists?             | true",
            "/api/v1/codelists?area=AT%2BBE | true"})
    void a_query_is_accepted_only_with_whole_percent_encodings(String target, boolean accepted) {
        assertThat(CanonicalPath.of(target).accepted()).as(target).isEqualTo(accepted);
    }
}
