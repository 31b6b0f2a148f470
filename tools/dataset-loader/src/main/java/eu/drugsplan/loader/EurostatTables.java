package eu.drugsplan.loader;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Eurostat's tables in its wide layout (the key columns joined by commas in the first field or spread over the
 * first columns, then one column per year, ":" = not available), reported by Eurostat itself.
 */
final class EurostatTables {

    static final String CRIME_FILE = "eurostat-crime-2024/estat_crim_off_cat.tsv";
    static final String DEATHS_FILE = "eurostat-causes-of-death-2025/estat_hlth_cd_aro.csv";
    static final String REPORTER = "EUROSTAT";
    /** The ICCS offence categories the catalogue has a measure for; the other categories are left out. */
    static final Map<String, String> CRIME_MEASURES = Map.of(
            "ICCS0601", "PI01.DRUG_LAW_OFFENCES",
            "ICCS09051", "PI01.OCG_PARTICIPATION_OFFENCES",
            "ICCS0101", "PI01.INTENTIONAL_HOMICIDES",
            "ICCS07041", "PI03.MONEY_LAUNDERING_OFFENCES");

    private final Path directory;
    private final CatalogueCodes codes;

    EurostatTables(Path directory, CatalogueCodes codes) {
        this.directory = directory;
        this.codes = codes;
    }

    Extract all() throws IOException {
        return new Extract().addAll(crime()).addAll(deaths());
    }

    /** crim_off_cat: "freq,iccs,unit,geo\TIME_PERIOD" then the years, tab-separated; numbers (NR) only. */
    Extract crime() throws IOException {
        Extract extract = new Extract();
        List<CsvRecord> records = read(CRIME_FILE, '\t');
        if (records.isEmpty()) {
            return extract;
        }
        List<String> header = records.get(0).getFields();
        for (CsvRecord record : records.subList(1, records.size())) {
            String[] key = record.getField(0).split(",");
            String measure = CRIME_MEASURES.get(key[1]);
            if (measure == null || !"NR".equals(key[2])) {
                continue;
            }
            Optional<String> area = area(key[3], CRIME_FILE + ":" + record.getStartingLineNumber(), extract);
            area.ifPresent(a -> years(record, header, 1, (year, value) -> extract.add(
                    new Observation(REPORTER, measure, a, year, Map.of(), value, null, CRIME_FILE))));
        }
        return extract;
    }

    /** hlth_cd_aro: freq,unit,sex,age,icd10,resid,geo, then the years; drug dependence (TOXICO), deaths in the country. */
    Extract deaths() throws IOException {
        Extract extract = new Extract();
        List<CsvRecord> records = read(DEATHS_FILE, ',');
        if (records.isEmpty()) {
            return extract;
        }
        List<String> header = records.get(0).getFields();
        for (CsvRecord record : records.subList(1, records.size())) {
            if (!"TOXICO".equals(record.getField(4)) || !"TOT_IN".equals(record.getField(5)) || !"NR".equals(record.getField(1))) {
                continue;
            }
            String row = DEATHS_FILE + ":" + record.getStartingLineNumber();
            String sex = record.getField(2);
            String age = record.getField(3);
            if (!codes.has("SEX", sex) || !codes.has("AGE", age)) {
                extract.skip(DEATHS_FILE, row, "sex " + sex + " or age " + age + " is not a code of the catalogue");
                continue;
            }
            area(record.getField(6), row, extract).ifPresent(a -> years(record, header, 7, (year, value) -> extract.add(
                    new Observation(REPORTER, "PI09.DRUG_DEPENDENCE_DEATHS", a, year, Map.of("SEX", sex, "AGE", age),
                            value, null, DEATHS_FILE))));
        }
        return extract;
    }

    private interface YearValue {
        void accept(String year, BigDecimal value);
    }

    private static void years(CsvRecord record, List<String> header, int first, YearValue sink) {
        for (int column = first; column < header.size() && column < record.getFieldCount(); column++) {
            BigDecimal value = BulletinTables.decimal(record.getField(column));
            if (value != null) {
                sink.accept(header.get(column).trim(), value);
            }
        }
    }

    /** A country of REF_AREA; aggregates (the suite computes EU totals itself) and unknown areas are skipped. */
    private Optional<String> area(String geo, String row, Extract extract) {
        Optional<String> area = codes.country(geo);
        if (area.isEmpty()) {
            extract.skip(row.substring(0, row.indexOf(':')), row, "area " + geo + " is not in REF_AREA");
            return Optional.empty();
        }
        if (codes.aggregate(area.get()) || !geo.equals(area.get())) {
            extract.skip(row.substring(0, row.indexOf(':')), row, "area " + geo
                    + " is an aggregate or a former composition: the suite sums its own EU totals");
            return Optional.empty();
        }
        return area;
    }

    private List<CsvRecord> read(String file, char separator) throws IOException {
        Path path = directory.resolve(file);
        if (!Files.exists(path)) {
            return List.of();
        }
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).allowExtraFields(true)
                .allowMissingFields(true).ofCsvRecord(path)) {
            return reader.stream().toList();
        }
    }
}
