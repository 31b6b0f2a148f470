package eu.drugsplan.submissions.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.service.IntakePipeline;
import eu.drugsplan.submissions.service.ObservationRow;
import eu.drugsplan.submissions.service.PeriodRange;
import eu.drugsplan.submissions.service.ReporterRights;
import eu.drugsplan.submissions.service.RowValidator;
import eu.drugsplan.submissions.service.SubmissionKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Generated wide workbooks (areas spelt as tables spell them, blanks, ':', numbers, broken cells, error cells,
 * footnotes, stray text rows), read and validated as the intake does, for Austria's focal point:
 * <ul>
 *   <li>reading never fails but with a 400 or 413 problem (never a 5xx);</li>
 *   <li>every reported cell becomes one observation named by its own cell, and the accepted ones are exactly
 *       Austria's cells with a count in them, each key once;</li>
 * </ul>
 * (that a refused workbook leaves nothing behind is the intake's single transaction, SpreadsheetIntakeTest).
 */
class XlsxRowsProperties {

    /** A generated cell, and whether Austria's row holding it would be accepted. */
    record Generated(Object cell, boolean reported, boolean count) {
    }

    record Line(String name, List<Generated> cells) {
    }

    @Property(tries = 60, seed = "20261202")
    void a_generated_wide_workbook_is_read_cell_by_cell_and_accepted_exactly_where_valid(
            @ForAll("periods") List<Integer> years, @ForAll("lines") List<Line> lines) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Health and social responses > Needle and syringe programmes > Syringes provision"));
        List<Object> header = new ArrayList<>(List.of("Country"));
        header.addAll(years);
        rows.add(header);
        int expectedReported = 0;
        int expectedAccepted = 0;
        for (Line line : lines) {
            List<Object> row = new ArrayList<>(List.of(line.name()));
            List<Generated> cells = line.cells().subList(0, Math.min(years.size(), line.cells().size()));
            cells.forEach(c -> row.add(c.cell()));
            rows.add(row);
            boolean dataRow = !line.name().isBlank() && !line.name().startsWith("(");
            long reported = cells.stream().filter(Generated::reported).count();
            if (dataRow) {
                expectedReported += reported;
                long counts = cells.stream().filter(Generated::count).count();
                expectedAccepted += austria(line) ? counts : 0;
            }
        }
        Path file = Files.createTempFile("generated", ".xlsx");
        try {
            Workbooks.write(file, new Workbooks.Sheet1("HSR-5-1-1", rows));
            IntakePipeline pipeline = pipeline();
            Set<String> pointers = new HashSet<>();
            try (XlsxRows read = XlsxRows.open(file, SheetCatalogue.VOCABULARY,
                    SheetLayoutsTest.request(SheetCatalogue.SYRINGES, null), SheetReaderTest.LIMITS, 1_000_000)) {
                while (read.hasNext()) {
                    ObservationRow row = read.next();
                    assertThat(pointers.add(row.pointer())).as("one observation per cell: " + row.pointer()).isTrue();
                    pipeline.consume(row);
                }
            } catch (ProblemException e) {
                assertThat(e.problem().status()).isIn(400, 413);
                return;
            }
            assertThat(pipeline.counts().received()).isEqualTo(expectedReported);
            assertThat(pipeline.counts().accepted()).isEqualTo(expectedAccepted);
            assertThat(pipeline.takeChunk().acceptedRows()).isEqualTo(expectedAccepted);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<List<Integer>> periods() {
        return Arbitraries.integers().between(1990, 2024).list().ofMinSize(1).ofMaxSize(6).uniqueElements();
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        Arbitrary<String> names = Arbitraries.of("Austria", "Austria *", " Austria ", "AUT", "Belgium", "Greece *",
                "Atlantis", "", "(1) Austria: partial data", "Source: national focal points");
        Arbitrary<Generated> cells = Arbitraries.oneOf(
                Arbitraries.just(new Generated(null, false, false)),
                Arbitraries.just(new Generated(":", false, false)),
                Arbitraries.just(new Generated(" ", false, false)),
                Arbitraries.integers().between(0, 2_000_000).map(n -> new Generated(n, true, true)),
                Arbitraries.integers().between(-50, -1).map(n -> new Generated(n, true, false)),
                Arbitraries.just(new Generated(2.5, true, false)),
                Arbitraries.just(new Generated("12x", true, false)),
                Arbitraries.just(new Generated(new Workbooks.Error(FormulaError.NA), true, false)),
                Arbitraries.just(new Generated(true, true, false)));
        Arbitrary<Line> line = Combinators.combine(names, cells.list().ofMaxSize(6)).as(Line::new);
        // one row per area: a second row for Austria would repeat its keys, which DUPLICATE_KEY judges elsewhere
        return line.list().ofMaxSize(12).uniqueElements(l -> austria(l) ? "Austria" : l.name());
    }

    private static boolean austria(Line line) {
        String name = line.name().replace("*", "").trim();
        return name.equals("Austria") || name.equals("AUT");
    }

    private static IntakePipeline pipeline() {
        RowValidator validator = new RowValidator(SheetCatalogue.CATALOGUE,
                ReporterRights.of("AT", SheetCatalogue.CATALOGUE), new PeriodRange(1900, 2027));
        return new IntakePipeline(validator, new ObjectMapper().findAndRegisterModules().writer(), UUID.randomUUID(), "AT", Instant.now(), 1000,
                1000, 1 << 19, new SubmissionKeys(1000), IntakePipeline.WarningCheck.NONE);
    }
}
