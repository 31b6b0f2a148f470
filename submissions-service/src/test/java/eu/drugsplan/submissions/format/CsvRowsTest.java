package eu.drugsplan.submissions.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.service.ObservationRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CSV body is read as UTF-8 or refused whole: a replacing decoder turned malformed bytes into U+FFFD, a
 * storable character, and the row was accepted with another comment than the one sent (found by the e2e
 * generator: a lone surrogate written as the three bytes a careless encoder writes).
 */
class CsvRowsTest {

    private static final String HEADER = "measure,area,period,value,comment\n";

    @TempDir
    Path directory;

    @ParameterizedTest(name = "comment bytes {0} ({1}) refuse the body")
    @CsvSource({
            "eda080, a lone high surrogate as CESU-8 writes it",
            "edb080, a lone low surrogate as CESU-8 writes it",
            "e9, Latin-1 e-acute sent as UTF-8",
            "c328, a lead byte followed by no continuation",
            "f4908080, a code point above U+10FFFF",
            "c0af, an overlong slash",
            "80, a lone continuation byte"})
    void malformed_utf8_is_a_400_never_a_replaced_character(String hex, String what) throws IOException {
        Path body = body(HEADER.getBytes(StandardCharsets.UTF_8), "PI09.X,AT,2020,5,a".getBytes(StandardCharsets.UTF_8),
                HexFormat.of().parseHex(hex), "b\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> readAll(body)).as(what).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(400));
    }

    @Test
    void a_byte_order_mark_is_left_out_and_characters_outside_ascii_arrive_as_sent() throws IOException {
        Path body = body(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, HEADER.getBytes(StandardCharsets.UTF_8),
                "PI09.X,AT,2020,5,Straße 😀 €\n".getBytes(StandardCharsets.UTF_8));

        List<ObservationRow> rows = readAll(body);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.measure()).isEqualTo("PI09.X");
            assertThat(row.comment()).isEqualTo("Straße 😀 €");
        });
    }

    @Test
    void a_body_without_a_byte_order_mark_keeps_its_first_characters() throws IOException {
        Path body = body("me".getBytes(StandardCharsets.UTF_8), HEADER.substring(2).getBytes(StandardCharsets.UTF_8),
                "PI09.X,AT,2020,5,x\n".getBytes(StandardCharsets.UTF_8));

        assertThat(readAll(body)).singleElement().satisfies(row -> assertThat(row.area()).isEqualTo("AT"));
    }

    private Path body(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return Files.write(directory.resolve("body.csv"), out.toByteArray());
    }

    private static List<ObservationRow> readAll(Path body) {
        List<ObservationRow> rows = new ArrayList<>();
        try (CsvRows source = CsvRows.open(body, BodyFormat.CSV, Optional.empty(),
                new CsvRows.Vocabulary(Set.of(), Set.of()))) {
            source.forEachRemaining(rows::add);
        }
        return rows;
    }
}
