package eu.drugsplan.loader;

import eu.drugsplan.loader.PublishedTable.TableRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Statistical Bulletin's own tables (spreadsheet exports of 2019, 2020 and 2024, the saved 2023 page),
 * each row reported by its country. Which table feeds which measure is the knowledge here; names (countries,
 * drugs, offence types, age groups) are looked up in the catalogue's code properties. The spreadsheets are
 * posted unchanged through the spreadsheet intake (an {@link Upload} each), which reads them itself; the rows read
 * here are what the round trip expects back. The saved page is read here (jsoup) and posted as JSON.
 */
final class BulletinTables {

    static final String XLSX_2019 = "emcdda-statistical-bulletin-2019/xlsx/";
    static final List<String> OFFENCE_FILES = List.of("cannabisSuppliers.xlsx", "cocaineSuppliers.xlsx", "cannabisUsers.xlsx");
    static final List<String> PREVALENCE_FILES = List.of("emcdda-statistical-bulletin-2020/Cannabis.xlsx",
            "euda-statistical-bulletin-2024/Cannabis.xlsx", "euda-statistical-bulletin-2024/Cocaine.xlsx",
            "euda-statistical-bulletin-2024/Amphetamines.xlsx", "euda-statistical-bulletin-2024/Ecstasy.xlsx");
    static final String SEIZURES_PAGE = "emcdda-statistical-bulletin-2023/szr-seizures-page.html";

    private final Path directory;
    private final CatalogueCodes codes;

    BulletinTables(Path directory, CatalogueCodes codes) {
        this.directory = directory;
        this.codes = codes;
    }

    /** Every table of the three bulletins that is present, older bulletins first (a later one revises them). */
    Extract all() throws IOException {
        Extract all = new Extract();
        for (String file : OFFENCE_FILES) {
            all.addAll(offencesByDrug(XLSX_2019 + file));
        }
        all.addAll(table(XLSX_2019 + "methadoneClients.xlsx", t -> "PI10.OST_CLIENTS", t -> Map.of("MEDICATION", "METHADONE"),
                "&MEDICATION=METHADONE"));
        all.addAll(table(XLSX_2019 + "syringesProvision.xlsx", t -> "PI10.NSP_SYRINGES", t -> Map.of(), ""));
        for (String file : PREVALENCE_FILES) {
            all.addAll(latestSurveys(file));
        }
        all.addAll(seizuresPage());
        return all;
    }

    /** DLO-03-*: "Drug law offences > Offences By Drug > Cannabis > Supply", one column per year. */
    Extract offencesByDrug(String file) throws IOException {
        return table(file, t -> "PI01.DRUG_LAW_OFFENCES_BY_DRUG", t -> Map.of(
                "SUBSTANCE", required("SUBSTANCE", t.titlePart(2), t.id()),
                "OFFENCE_TYPE", required("OFFENCE_TYPE", t.titlePart(3), t.id())), "");
    }

    /** SZR-1-3-1 of the saved page: the number of cocaine seizures, one column per year. */
    Extract seizuresPage() throws IOException {
        Path path = directory.resolve(SEIZURES_PAGE);
        if (!Files.exists(path)) {
            return new Extract();
        }
        PublishedTable table = BulletinPage.seizureTable(path);
        return wide(table, SEIZURES_PAGE, "PI04.SEIZURE_COUNT", Map.of(
                "SUBSTANCE", required("SUBSTANCE", table.titlePart(3), SEIZURES_PAGE),
                "SEIZURE_SIZE", "TOTAL"));
    }

    private interface Part<T> {
        T of(PublishedTable table);
    }

    /** @param fixed the fixed dimensions the table's title does not give, as query parameters ("&DIM=CODE") */
    private Extract table(String file, Part<String> measure, Part<Map<String, String>> dimensions, String fixed)
            throws IOException {
        Path path = directory.resolve(file);
        if (!Files.exists(path)) {
            return new Extract();
        }
        PublishedTable table = PublishedTable.ofSpreadsheet(path);
        Extract extract = wide(table, file, measure.of(table), dimensions.of(table));
        extract.uploads.add(new Upload(file, path, "?measure=" + measure.of(table) + fixed));
        return extract;
    }

    /** The wide layout: the header names a year per column; a blank (or ":") cell is not reported. */
    private Extract wide(PublishedTable table, String file, String measure, Map<String, String> dimensions) {
        Extract extract = new Extract();
        for (TableRow row : table.rows()) {
            Optional<String> country = reportingCountry(row, file, extract);
            if (country.isEmpty()) {
                continue;
            }
            String comment = row.cell(0).contains("*") ? table.notesOf(row.cell(0)) : null;
            for (int column = 1; column < table.header().size(); column++) {
                String year = table.header().get(column).trim();
                BigDecimal value = decimal(row.cell(column));
                if (value != null && year.matches("\\d{4}")) {
                    extract.add(new Observation(country.get(), measure, country.get(), year, dimensions, value, comment, file));
                }
            }
        }
        return extract;
    }

    /** GPS tables: Country, Year (of the latest survey), Sample size, Males, Females, Total, in %. */
    Extract latestSurveys(String file) throws IOException {
        Extract extract = new Extract();
        Path path = directory.resolve(file);
        if (!Files.exists(path)) {
            return extract;
        }
        PublishedTable table = PublishedTable.ofSpreadsheet(path);
        extract.uploads.add(new Upload(file, path, "?measure=PI07.PREVALENCE"));
        Map<String, String> fixed = Map.of("SUBSTANCE", required("SUBSTANCE", table.titlePart(1), file),
                "RECALL_PERIOD", required("RECALL_PERIOD", table.titlePart(2), file),
                "AGE", required("AGE", table.titlePart(3), file));
        for (TableRow row : table.rows()) {
            Optional<String> country = reportingCountry(row, file, extract);
            BigDecimal year = decimal(row.cell(1));
            if (country.isEmpty() || year == null) {
                continue;
            }
            String comment = row.cell(0).contains("*") ? table.notesOf(row.cell(0)) : null;
            for (int column = 3; column < table.header().size(); column++) {
                Optional<String> sex = codes.code("SEX", "bulletin", table.header().get(column));
                BigDecimal value = decimal(row.cell(column));
                if (sex.isPresent() && value != null) {
                    Map<String, String> key = new TreeMap<>(fixed);
                    key.put("SEX", sex.get());
                    extract.add(new Observation(country.get(), "PI07.PREVALENCE", country.get(),
                            Integer.toString(year.intValueExact()), key, value, comment, file));
                }
            }
        }
        return extract;
    }

    private Optional<String> reportingCountry(TableRow row, String file, Extract extract) {
        String name = row.cell(0);
        if (row.cells().stream().skip(1).allMatch(c -> decimal(c) == null)) {
            return Optional.empty();
        }
        String where = file + ":" + row.number();
        Optional<String> country = codes.country(name);
        if (country.isEmpty()) {
            extract.skip(file, where, "country '" + name + "' is not in REF_AREA");
        } else if (!codes.isReporter(country.get())) {
            extract.skip(file, where, country.get() + " is not a reporter of the catalogue: outside the EU monitoring");
            return Optional.empty();
        }
        return country;
    }

    /** A number as the table shows it; blank, ":" and text are not reported. */
    static BigDecimal decimal(String text) {
        String t = text.trim();
        return t.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(t) : null;
    }

    private String required(String codelist, String name, String file) {
        return codes.code(codelist, "bulletin", name.trim()).orElseThrow(() -> new IllegalArgumentException(
                file + ": '" + name.trim() + "' has no " + codelist + " code with property bulletin"));
    }
}
