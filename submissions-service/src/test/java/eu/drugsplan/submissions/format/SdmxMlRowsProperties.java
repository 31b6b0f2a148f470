package eu.drugsplan.submissions.format;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.service.ObservationRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A valid SDMX-ML message broken in generated ways (cut anywhere, a fragment of XML or text put anywhere, a range
 * deleted): reading it either refuses the message as a whole with a 400 before any row, or reads rows named by
 * their path; it never fails in any other way (which the resource would answer with a 500).
 */
class SdmxMlRowsProperties {

    static final String VALID = SdmxMlRowsTest.message(SdmxMlRowsTest.DATAFLOW, SdmxMlRowsTest.dataSet("Replace",
            "<Series FREQ=\"A\" REF_AREA=\"AT\" SEX=\"T\" AGE=\"TOTAL\"><Obs TIME_PERIOD=\"2021\" OBS_VALUE=\"235\"/>"
                    + "<Obs TIME_PERIOD=\"2022\" OBS_VALUE=\"2.5E3\" OBS_STATUS=\"P\" OBS_COMMENT=\"c &amp; d\"/></Series>"
                    + "<Group type=\"G\" REF_AREA=\"AT\"/><Series REF_AREA=\"AT\" SEX=\"M\" AGE=\"TOTAL\"/>"))
            + SdmxMlRowsTest.dataSet("Delete", "<Obs REF_AREA=\"AT\" SEX=\"F\" AGE=\"TOTAL\" TIME_PERIOD=\"2020\"/>");

    record Mutation(int at, int length, String inserted) {

        String apply(String message) {
            int from = Math.min(at, message.length());
            int to = Math.min(message.length(), from + length);
            return message.substring(0, from) + inserted + message.substring(to);
        }
    }

    @Property(tries = 400, seed = "20261203")
    void a_broken_message_is_refused_whole_or_read_row_by_row(@ForAll("mutations") List<Mutation> mutations)
            throws IOException {
        String body = VALID;
        for (Mutation mutation : mutations) {
            body = mutation.apply(body);
        }
        Path file = Files.createTempFile("generated", ".xml");
        try {
            Files.write(file, body.getBytes(StandardCharsets.UTF_8));
            List<ObservationRow> rows = new ArrayList<>();
            try (SdmxMlRows read = SdmxMlRows.open(file, SdmxMlRowsTest.VOCABULARY)) {
                read.forEachRemaining(rows::add);
            } catch (ProblemException refused) {
                assertThat(refused.problem().status()).as(body).isEqualTo(400);
                return;
            }
            assertThat(rows).as(body).allSatisfy(row -> assertThat(row.pointer()).startsWith("/DataSet["));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<String> fragments = Arbitraries.oneOf(
                Arbitraries.of("", "<", ">", "&", "&x;", "&#0;", "\"", "'", "]]>", "<![CDATA[", "<!DOCTYPE m>",
                        "<Obs/>", "<Obs OBS_VALUE=\"1\">", "</Series>", "<Series>", "</message:DataSet>",
                        "<message:DataSet ss:structureRef=\"DF1\">", "<?xml version=\"1.0\"?>", "\u0000", "\uFFFE",
                        " xmlns=\"urn:other\"", " ss:structureRef=\"NONE\"", "<Ref id=\"\"/>", "<URN>urn:x</URN>"),
                Arbitraries.strings().ofMaxLength(12));
        // as often as anywhere, at the start of an element: where a stray element changes the message's shape
        List<Integer> tags = new ArrayList<>();
        for (int i = VALID.indexOf('<'); i >= 0; i = VALID.indexOf('<', i + 1)) {
            tags.add(i);
        }
        Arbitrary<Integer> at = Arbitraries.oneOf(Arbitraries.integers().between(0, VALID.length()), Arbitraries.of(tags));
        Arbitrary<Integer> length = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 40));
        Arbitrary<Mutation> mutation = Combinators.combine(at, length, fragments).as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(3);
    }
}
