package eu.drugsplan.submissions.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Statistical Bulletin's published spreadsheets (../shared/datasets, or DATASETS_DIR) and what an independent
 * reader makes of them: {@code src/test/resources/xlsx/published_cells.py}, standard-library Python, written apart
 * from the intake, lists every reported cell.
 */
public final class BulletinFiles {

    /** One reported cell: ref such as B5, the country as written (without '*'), its column's header, the value. */
    public record ReportedCell(String sheet, String ref, String country, String header, String value, boolean note) {
    }

    private BulletinFiles() {
    }

    public static Path datasets() {
        String configured = System.getenv("DATASETS_DIR");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/datasets is not next to the repository: the published tables the"
                + " tests read are missing");
    }

    public static Path file(String relative) {
        return datasets().resolve(relative);
    }

    public static List<ReportedCell> reportedCells(Path xlsx) {
        try {
            Path script = Path.of(BulletinFiles.class.getResource("/xlsx/published_cells.py").toURI());
            Process process = new ProcessBuilder("python3", script.toString(), xlsx.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("published_cells.py failed on " + xlsx);
            }
            return new ObjectMapper().readValue(out, new TypeReference<List<ReportedCell>>() { });
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
