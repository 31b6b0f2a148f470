package eu.drugsplan.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * view=draft (issue 16) on generated queries: whatever else a query carries, DraftView finds every view pair (spelled
 * plainly or percent-encoded) and the query it forwards keeps every other pair, in order, as it was sent.
 */
class DraftViewProperties {

    @Provide
    Arbitrary<List<String>> otherPairs() {
        Arbitrary<String> names = Arbitraries.of("area", "SEX", "MEDICATION", "startPeriod", "v", "views", "review",
                "vie%77x", "a%2Bb", "");
        Arbitrary<String> values = Arbitraries.strings().withChars("ABZaz09_-.%+,=").ofMaxLength(8);
        return Combinators.combine(names, values, Arbitraries.of(true, false))
                .as((name, value, withEquals) -> withEquals ? name + "=" + value : name)
                .filter(pair -> !pair.isEmpty())
                .list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> viewPairs() {
        return Arbitraries.of("view=draft", "vi%65w=draft", "view=dr%61ft", "view=official", "view=", "view",
                "%76iew=draft");
    }

    @Property(tries = 400)
    void every_view_pair_is_found_and_only_it_is_taken_out(@ForAll("otherPairs") List<String> others,
                                                          @ForAll("viewPairs") String view,
                                                          @ForAll("positions") int position) {
        List<String> pairs = new ArrayList<>(others);
        pairs.add(Math.min(position, pairs.size()), view);
        String query = String.join("&", pairs);

        assertThat(DraftView.values(query)).as(query).hasSize(1);
        assertThat(DraftView.without(query)).as(query).isEqualTo(String.join("&", others));
        assertThat(DraftView.values(String.join("&", others))).as("without a view pair").isEmpty();
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 6);
    }
}
