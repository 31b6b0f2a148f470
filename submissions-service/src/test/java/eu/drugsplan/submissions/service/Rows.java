package eu.drugsplan.submissions.service;

import eu.drugsplan.contracts.catalogue.ReporterKind;
import eu.drugsplan.contracts.catalogue.UnitKind;
import eu.drugsplan.contracts.series.Frequency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small catalogue and rows built on it, for the plain rule classes (no Quarkus, no database). */
final class Rows {

    static final String DEATHS = "PI09.DRUG_INDUCED_DEATHS";
    static final String COVERAGE = "PI10.OST_COVERAGE";
    static final String ASSETS = "PI03.ASSETS_RECOVERED";
    static final PeriodRange YEARS = new PeriodRange(1900, 2027);

    static final Catalogue CATALOGUE = new Catalogue(
            Map.of(DEATHS, new Catalogue.Measure(DEATHS, UnitKind.COUNT, Frequency.A, List.of("SEX", "AGE"),
                            true, Set.of("EUDA"), null),
                    COVERAGE, new Catalogue.Measure(COVERAGE, UnitKind.PERCENT, Frequency.A, List.of(),
                            true, Set.of(), null),
                    ASSETS, new Catalogue.Measure(ASSETS, UnitKind.AMOUNT, Frequency.A, List.of(),
                            true, Set.of(), null)),
            Map.of(Catalogue.REF_AREA, codes("AT", "DE"),
                    Catalogue.OBS_STATUS, Map.of("A", new Catalogue.Code("A", null, false),
                            "P", new Catalogue.Code("P", null, false), "M", new Catalogue.Code("M", null, true)),
                    "SEX", codes("T", "M", "F"),
                    "AGE", codes("TOTAL", "Y15-24")),
            Map.of("AT", ReporterKind.MEMBER_STATE));

    private Rows() {
    }

    static RowValidator validator() {
        return new RowValidator(CATALOGUE, ReporterRights.of("AT", CATALOGUE), YEARS);
    }

    /** A row of deaths of Austria that breaks no rule. */
    static Row valid() {
        return new Row("/observations/0", DEATHS, "AT", "2021", dimensions("SEX", "M", "AGE", "TOTAL"), "12", null,
                null, null);
    }

    static Map<String, String> dimensions(String... pairs) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            dimensions.put(pairs[i], pairs[i + 1]);
        }
        return dimensions;
    }

    private static Map<String, Catalogue.Code> codes(String... codes) {
        Map<String, Catalogue.Code> list = new LinkedHashMap<>();
        for (String code : codes) {
            list.put(code, new Catalogue.Code(code, null, false));
        }
        return list;
    }

    /** An ObservationRow to change one field at a time. */
    record Row(String pointer, String measure, String area, String period, Map<String, String> dimensions,
               String value, String status, String comment, String action) {

        Row measure(String measure) {
            return new Row(pointer, measure, area, period, dimensions, value, status, comment, action);
        }

        Row area(String area) {
            return new Row(pointer, measure, area, period, dimensions, value, status, comment, action);
        }

        Row period(String period) {
            return new Row(pointer, measure, area, period, dimensions, value, status, comment, action);
        }

        Row dimensions(Map<String, String> dimensions) {
            return new Row(pointer, measure, area, period, dimensions, value, status, comment, action);
        }

        Row value(String value) {
            return new Row(pointer, measure, area, period, dimensions, value, status, comment, action);
        }

        Row status(String status) {
            return new Row(pointer, measure, area, period, dimensions, value, status, comment, action);
        }

        Row comment(String comment) {
            return new Row(pointer, measure, area, period, dimensions, value, status, comment, action);
        }

        Row action(String action) {
            return new Row(pointer, measure, area, period, dimensions, value, status, comment, action);
        }

        Row at(int index) {
            return new Row("/observations/" + index, measure, area, period, dimensions, value, status, comment, action);
        }

        ObservationRow row() {
            return new ObservationRow(pointer, measure, area, period, dimensions, value, status, comment, action);
        }
    }
}
