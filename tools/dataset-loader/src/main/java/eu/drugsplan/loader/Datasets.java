package eu.drugsplan.loader;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Maps the shared datasets to observations of the catalogue's measures. Which file feeds which measure is
 * the only knowledge here; every code (country, site, substance, statistic, medication, sex, age, recall
 * period) is looked up in the catalogue's properties.
 */
final class Datasets {

    static final String WASTEWATER_FILE = "euda-wastewater-2025/ww2025-all-data.csv";
    private static final String BULLETIN = "emcdda-statistical-bulletin-2019/";
    private static final String UNODC_FILE = "unodc-drug-seizures/seizures-2018-2022-sample.csv";
    /** The columns of the waste-water file that identify a row; every other column is a statistic. */
    private static final int WASTEWATER_KEY_COLUMNS = 5;

    private final Path directory;
    private final CatalogueCodes codes;

    Datasets(Path directory, CatalogueCodes codes) {
        this.directory = directory;
        this.codes = codes;
    }

    /** Every dataset of the directory that is present. */
    Extract all() throws IOException {
        Extract all = new Extract();
        if (Files.exists(directory.resolve(WASTEWATER_FILE))) {
            all.addAll(wastewater());
        }
        all.addAll(deaths("drug-induced-deaths-male.csv", required("SEX", "bulletin", "Males", "deaths"), "TOTAL"));
        all.addAll(deaths("drug-induced-deaths-female.csv", required("SEX", "bulletin", "Females", "deaths"), "TOTAL"));
        all.addAll(deaths("drug-induced-deaths-aged-15-19.csv", required("SEX", "bulletin", "Total", "deaths"),
                required("AGE", "bulletin", "aged 15-19", "deaths")));
        all.addAll(ost());
        all.addAll(prevalence("cannabis-lifetime-prevalence-aged-25-34.csv"));
        all.addAll(prevalence("cocaine-lifetime-prevalence-aged-25-34.csv"));
        all.addAll(seizures());
        all.addAll(new EurostatTables(directory, codes).all());
        all.addAll(new BulletinTables(directory, codes).all());
        return SeriesBreaks.flag(all.latestPerKey());
    }

    /** EUDA waste water: one row per site, metabolite and year; one observation per statistic column. */
    Extract wastewater() throws IOException {
        Extract extract = new Extract();
        List<CsvRecord> records = CsvFiles.read(directory.resolve(WASTEWATER_FILE));
        List<String> header = records.get(0).getFields();
        for (CsvRecord record : records.subList(1, records.size())) {
            wastewaterRow(record, header, extract);
        }
        return extract;
    }

    private void wastewaterRow(CsvRecord record, List<String> header, Extract extract) {
        String row = WASTEWATER_FILE + ":" + record.getStartingLineNumber();
        Optional<String> site = codes.site(CsvFiles.field(record, 2));
        Optional<String> substance = codes.code("SUBSTANCE", "wastewater", CsvFiles.field(record, 1));
        if (site.isEmpty() || substance.isEmpty()) {
            extract.skip("waste water", row, site.isEmpty() ? "site " + CsvFiles.field(record, 2) + " is not in REF_AREA"
                    : "metabolite " + CsvFiles.field(record, 1) + " has no SUBSTANCE code");
            return;
        }
        String year = CsvFiles.year(CsvFiles.field(record, 0));
        for (int column = WASTEWATER_KEY_COLUMNS; column < header.size(); column++) {
            BigDecimal value = CsvFiles.decimal(CsvFiles.field(record, column));
            Optional<String> stat = codes.code("STAT", "wastewater", header.get(column));
            if (stat.isEmpty()) {
                extract.skip("waste water", row, "column " + header.get(column) + " has no STAT code");
            } else if (value != null) {
                extract.add(new Observation("EUDA", "PI02.WASTEWATER_LOAD", site.get(), year,
                        Map.of("SUBSTANCE", substance.get(), "STAT", stat.get()), value, null, "waste water"));
            }
        }
    }

    /** The bulletin's deaths tables: one row per country, one column per year, reported by the country. */
    Extract deaths(String file, String sex, String age) throws IOException {
        Extract extract = new Extract();
        Path path = directory.resolve(BULLETIN + file);
        if (!Files.exists(path)) {
            return extract;
        }
        List<CsvRecord> records = CsvFiles.read(path);
        int headerIndex = CsvFiles.headerIndex(records, "Country");
        List<String> header = records.get(headerIndex).getFields();
        for (CsvRecord record : records.subList(headerIndex + 1, records.size())) {
            String name = CsvFiles.field(record, 0);
            Optional<String> country = reportingCountry(name, file, record, extract);
            if (name.isEmpty() || country.isEmpty()) {
                continue;
            }
            String comment = name.contains("*") ? "EMCDDA Statistical Bulletin 2019: break in series or note" : null;
            for (int column = 1; column < header.size(); column++) {
                BigDecimal value = CsvFiles.decimal(CsvFiles.field(record, column));
                String year = header.get(column).trim();
                if (value != null && !year.isEmpty()) {
                    extract.add(new Observation(country.get(), "PI09.DRUG_INDUCED_DEATHS", country.get(), year,
                            Map.of("SEX", sex, "AGE", age), value, comment, file));
                }
            }
        }
        return extract;
    }

    /** The bulletin's OST table: one row per country, a client count column per medication. */
    Extract ost() throws IOException {
        Extract extract = new Extract();
        String file = "opioid-substitution-treatment-clients-2017.csv";
        Path path = directory.resolve(BULLETIN + file);
        if (!Files.exists(path)) {
            return extract;
        }
        List<CsvRecord> records = CsvFiles.read(path);
        int headerIndex = CsvFiles.headerIndex(records, "Country");
        List<String> header = records.get(headerIndex).getFields();
        for (CsvRecord record : records.subList(headerIndex + 1, records.size())) {
            Optional<String> country = reportingCountry(CsvFiles.field(record, 0), file, record, extract);
            String year = CsvFiles.year(CsvFiles.field(record, 1));
            if (country.isEmpty() || year == null) {
                continue;
            }
            for (int column = 2; column < header.size(); column++) {
                Optional<String> medication = codes.code("MEDICATION", "bulletin", header.get(column));
                BigDecimal value = CsvFiles.decimal(CsvFiles.field(record, column));
                // the share columns are percentages of the clients, derived: only counts are stored
                if (medication.isPresent() && value != null) {
                    extract.add(new Observation(country.get(), "PI10.OST_CLIENTS", country.get(), year,
                            Map.of("MEDICATION", medication.get()), value, null, file));
                }
            }
        }
        return extract;
    }

    /** A bulletin prevalence table; substance, recall period and age come from its title line. */
    Extract prevalence(String file) throws IOException {
        Extract extract = new Extract();
        Path path = directory.resolve(BULLETIN + file);
        if (!Files.exists(path)) {
            return extract;
        }
        List<CsvRecord> records = CsvFiles.read(path);
        int headerIndex = CsvFiles.headerIndex(records, "Country");
        Map<String, String> dimensions = prevalenceDimensions(records.subList(0, headerIndex), file);
        List<String> header = records.get(headerIndex).getFields();
        for (CsvRecord record : records.subList(headerIndex + 1, records.size())) {
            Optional<String> country = reportingCountry(CsvFiles.field(record, 0), file, record, extract);
            String year = CsvFiles.year(CsvFiles.field(record, 1));
            if (country.isEmpty() || year == null) {
                continue;
            }
            for (int column = 3; column < header.size(); column++) {
                Optional<String> sex = codes.code("SEX", "bulletin", header.get(column));
                BigDecimal value = CsvFiles.decimal(CsvFiles.field(record, column));
                if (sex.isPresent() && value != null) {
                    Map<String, String> key = new TreeMap<>(dimensions);
                    key.put("SEX", sex.get());
                    extract.add(new Observation(country.get(), "PI07.PREVALENCE", country.get(), year, key, value,
                            null, file));
                }
            }
        }
        return extract;
    }

    /** "Prevalence of drug use > Cannabis > Lifetime prevalence > Aged 25-34" -> SUBSTANCE, RECALL_PERIOD, AGE. */
    private Map<String, String> prevalenceDimensions(List<CsvRecord> titleLines, String file) {
        String title = titleLines.stream().map(r -> CsvFiles.field(r, 0)).filter(t -> t.contains(">")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " has no title line"));
        String[] parts = title.split(">");
        Map<String, String> dimensions = new TreeMap<>();
        dimensions.put("SUBSTANCE", required("SUBSTANCE", "bulletin", parts[1], file));
        dimensions.put("RECALL_PERIOD", required("RECALL_PERIOD", "bulletin", parts[2], file));
        dimensions.put("AGE", required("AGE", "bulletin", parts[3], file));
        return dimensions;
    }

    /** UNODC seizures: several rows of one country, drug and year are separate reports and add up. */
    Extract seizures() throws IOException {
        Extract extract = new Extract();
        Path path = directory.resolve(UNODC_FILE);
        if (!Files.exists(path)) {
            return extract;
        }
        List<CsvRecord> records = CsvFiles.read(path);
        Map<String, Observation> sums = new TreeMap<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            String row = UNODC_FILE + ":" + record.getStartingLineNumber();
            Optional<String> country = codes.country(CsvFiles.field(record, 3))
                    .or(() -> codes.country(CsvFiles.field(record, 2)));
            Optional<String> substance = codes.code("SUBSTANCE", "unodc", CsvFiles.field(record, 6));
            BigDecimal kilograms = CsvFiles.decimal(CsvFiles.field(record, 8));
            if (country.isEmpty() || substance.isEmpty() || kilograms == null) {
                extract.skip("UNODC seizures", row, country.isEmpty() ? "country " + CsvFiles.field(record, 2) + " unknown"
                        : substance.isEmpty() ? "drug " + CsvFiles.field(record, 6) + " has no SUBSTANCE code" : "no quantity");
                continue;
            }
            if (!codes.isReporter(country.get())) {
                extract.skip("UNODC seizures", row, country.get() + " is not a reporter of the catalogue");
                continue;
            }
            String year = CsvFiles.year(CsvFiles.field(record, 7));
            String key = country.get() + "|" + substance.get() + "|" + year;
            Observation sum = sums.get(key);
            BigDecimal total = sum == null ? kilograms : sum.value().add(kilograms);
            sums.put(key, new Observation(country.get(), "PI04.SEIZURE_QUANTITY", country.get(), year,
                    Map.of("SUBSTANCE", substance.get(), "SEIZURE_SIZE", "TOTAL"), total, null, "UNODC seizures"));
        }
        sums.values().forEach(extract::add);
        return extract;
    }

    /** The country of a bulletin row, if it is one that reports to the suite; the rest is reported as skipped. */
    private Optional<String> reportingCountry(String name, String file, CsvRecord record, Extract extract) {
        // a row with nothing but its first field is a table note ("(1) Countries were asked ...") or a
        // country without data: there is nothing in it to load
        if (name.isEmpty() || record.getFields().stream().skip(1).allMatch(String::isBlank)) {
            return Optional.empty();
        }
        String row = file + ":" + record.getStartingLineNumber();
        Optional<String> country = codes.country(name);
        if (country.isEmpty()) {
            extract.skip(file, row, "country '" + name + "' is not in REF_AREA");
            return Optional.empty();
        }
        if (!codes.isReporter(country.get())) {
            extract.skip(file, row, country.get() + " (" + name.replace("*", "").trim()
                    + ") is not a reporter of the catalogue: outside the EU monitoring");
            return Optional.empty();
        }
        return country;
    }

    private String required(String codelist, String property, String value, String file) {
        return codes.code(codelist, property, value.trim()).orElseThrow(() -> new IllegalArgumentException(
                file + ": '" + value.trim() + "' has no " + codelist + " code with property " + property));
    }
}
