package eu.drugsplan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.drugsplan.testsupport.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real-data round trip: the EUDA waste-water file is loaded through the gateway by the dataset loader
 * (tools/dataset-loader, as deploy/local/load-datasets.sh runs it), as EUDA, and every series of every site
 * and metabolite reads back through the public data API with exactly the values of the file. Only the
 * waste-water file is loaded: the country-level bulletin data would overlap the other end-to-end tests.
 */
class RealWastewaterRoundTripTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DATASETS = ROOT.resolve("../shared/datasets").normalize();
    private static final Path LOADER = ROOT.resolve("tools/dataset-loader/target");

    private static Suite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        assumeTrue(Files.isDirectory(DATASETS.resolve("euda-wastewater-2025")), "the shared datasets are not here");
        // the full build packages tools/dataset-loader before e2e-tests; a run of e2e-tests alone may not have it
        assumeTrue(Files.exists(LOADER.resolve("dataset-loader.jar")), "tools/dataset-loader is not packaged");
        suite = Suite.start();
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void every_wastewater_value_of_every_site_and_metabolite_reads_back_exactly_as_in_the_file() throws Exception {
        Path tokens = Files.createTempFile("dataset-loader-tokens", ".properties");
        Files.writeString(tokens, "EUDA=" + Tokens.forReporter("EUDA", "submitter") + "\n");

        Result load = runLoader(List.of("--tokens", tokens.toString(), "--only-wastewater", "--wait", "240"));

        assertThat(load.output()).contains("Prepared ", "waste water: ", "Round trip OK");
        assertThat(load.output()).doesNotContain("Rejected by the API");
        assertThat(load.exitCode()).as(load.output()).isZero();

        // the check alone, on what is stored now, agrees too
        Result verify = runLoader(List.of("--verify", "--wait", "0"));
        assertThat(verify.exitCode()).as(verify.output()).isZero();
    }

    private static Result runLoader(List<String> options) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("java", "-cp",
                LOADER.resolve("dataset-loader.jar") + java.io.File.pathSeparator + LOADER.resolve("lib") + "/*",
                "eu.drugsplan.loader.DatasetLoader", DATASETS.toString(), "--gateway", suite.gatewayUrl()));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(text);
        return new Result(process.exitValue(), text);
    }

    private record Result(int exitCode, String output) {
    }
}
