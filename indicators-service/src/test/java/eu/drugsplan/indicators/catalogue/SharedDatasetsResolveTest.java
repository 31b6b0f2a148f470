package eu.drugsplan.indicators.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real published datasets (../shared/datasets, or DATASETS_DIR) must fit the catalogue without loss:
 * every country, site, metabolite, statistic, drug and medication they name resolves to a code, through the
 * code lists' own properties - the way a loader maps them.
 */
@QuarkusTest
class SharedDatasetsResolveTest {

    private static final Path DATASETS = Path.of(System.getenv().getOrDefault("DATASETS_DIR", "../../shared/datasets"));

    @Test
    void every_country_name_and_code_of_the_datasets_is_a_ref_area() {
        Set<String> resolvable = areaNamesAndCodes();
        Set<String> given = new TreeSet<>();
        given.addAll(column("emcdda-statistical-bulletin-2019/drug-induced-deaths-male.csv", "Country", 0));
        given.addAll(column("emcdda-statistical-bulletin-2019/drug-induced-deaths-female.csv", "Country", 0));
        given.addAll(column("emcdda-statistical-bulletin-2019/drug-induced-deaths-aged-15-19.csv", "Country", 0));
        given.addAll(column("emcdda-statistical-bulletin-2019/opioid-substitution-treatment-clients-2017.csv", "Country", 0));
        given.addAll(column("emcdda-statistical-bulletin-2019/cannabis-lifetime-prevalence-aged-25-34.csv", "Country", 3));
        given.addAll(column("emcdda-statistical-bulletin-2019/cocaine-lifetime-prevalence-aged-25-34.csv", "Country", 3));
        given.addAll(column("unodc-drug-seizures/seizures-2018-2022-sample.csv", "Country/Territory", 0));
        given.addAll(column("unodc-drug-seizures/seizures-2018-2022-sample.csv", "msCode", 0));
        given.addAll(column("euda-wastewater-2025/ww2025-all-data.csv", "Country", 0));
        given.addAll(column("euda-wastewater-2025/ww2025-site-info-table.csv", "Country", 0));
        given.removeIf(String::isBlank);
        // the bulletin tables end with numbered footnotes in their first column
        given.removeIf(name -> name.matches("^\\(\\d+\\).*"));

        assertThat(given).hasSizeGreaterThan(30);
        assertThat(given.stream().map(SharedDatasetsResolveTest::withoutNoteMark).filter(n -> !resolvable.contains(n)))
                .as("names and codes that resolve to no REF_AREA code").isEmpty();
    }

    @Test
    void every_waste_water_site_is_a_ref_area_within_its_country() {
        JsonPath areas = given().get("/api/v1/codelists/REF_AREA").then().statusCode(200).extract().jsonPath();
        Map<String, String> parentOf = areas.getList("codes", Map.class).stream()
                .filter(c -> c.get("parent") != null)
                .collect(Collectors.toMap(c -> (String) c.get("code"), c -> (String) c.get("parent")));
        Set<String> sites = new TreeSet<>(column("euda-wastewater-2025/ww2025-site-info-table.csv", "SiteID", 0));
        sites.addAll(column("euda-wastewater-2025/ww2025-all-data.csv", "Site ID", 0));

        assertThat(sites).hasSizeGreaterThan(200);
        assertThat(sites).allSatisfy(site -> assertThat(parentOf).containsKey(site));
    }

    @Test
    void every_metabolite_statistic_drug_and_medication_maps_to_a_code() {
        Set<String> substances = propertyValues("SUBSTANCE", "wastewater", "unodc");
        assertThat(column("euda-wastewater-2025/ww2025-all-data.csv", "Metabolite", 0)).isSubsetOf(substances);
        assertThat(column("unodc-drug-seizures/seizures-2018-2022-sample.csv", "Drug", 0)).isSubsetOf(substances);

        Set<String> statistics = propertyValues("STAT", "wastewater");
        assertThat(header("euda-wastewater-2025/ww2025-all-data.csv").subList(5, 15)).isSubsetOf(statistics);

        Set<String> medications = propertyValues("MEDICATION", "bulletin");
        List<String> clientColumns = header("emcdda-statistical-bulletin-2019/opioid-substitution-treatment-clients-2017.csv")
                .stream().filter(c -> c.startsWith("Number of")).toList();
        assertThat(clientColumns).hasSize(6).isSubsetOf(medications);
    }

    private static Set<String> areaNamesAndCodes() {
        Set<String> resolvable = new HashSet<>();
        JsonPath areas = given().get("/api/v1/codelists/REF_AREA").then().statusCode(200).extract().jsonPath();
        for (Map<?, ?> code : areas.getList("codes", Map.class)) {
            resolvable.add((String) code.get("code"));
            if (code.get("properties") instanceof Map<?, ?> properties) {
                addAll(resolvable, properties.get("names"));
                addAll(resolvable, properties.get("altCodes"));
                addAll(resolvable, properties.get("iso2"));
                addAll(resolvable, properties.get("iso3"));
            }
        }
        return resolvable;
    }

    private static Set<String> propertyValues(String codelist, String... keys) {
        Set<String> values = new HashSet<>();
        JsonPath list = given().get("/api/v1/codelists/" + codelist).then().statusCode(200).extract().jsonPath();
        for (Map<?, ?> code : list.getList("codes", Map.class)) {
            if (code.get("properties") instanceof Map<?, ?> properties) {
                for (String key : keys) {
                    addAll(values, properties.get(key));
                }
            }
        }
        return values;
    }

    private static void addAll(Set<String> into, Object value) {
        if (value instanceof List<?> list) {
            list.forEach(v -> into.add(String.valueOf(v)));
        } else if (value != null) {
            into.add(String.valueOf(value));
        }
    }

    /** The bulletin marks a break or note with a trailing '*'. */
    private static String withoutNoteMark(String name) {
        return name.replace("*", "").trim();
    }

    private static List<String> header(String file) {
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(dataset(file, 0))) {
            return csv.stream().findFirst().map(NamedCsvRecord::getHeader).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> column(String file, String name, int linesBeforeHeader) {
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofNamedCsvRecord(dataset(file, linesBeforeHeader))) {
            return csv.stream().map(r -> r.findField(name).orElse("").trim()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text from its header on: some bulletin tables open with a title block. */
    private static String dataset(String file, int linesBeforeHeader) throws IOException {
        Path path = DATASETS.resolve(file);
        assumeTrue(Files.isReadable(path), "the shared datasets are not beside the repository: " + path.toAbsolutePath());
        List<String> lines = Files.readAllLines(path);
        return String.join("\n", lines.subList(linesBeforeHeader, lines.size()));
    }
}
