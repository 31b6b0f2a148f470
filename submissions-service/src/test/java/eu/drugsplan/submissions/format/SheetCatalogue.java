package eu.drugsplan.submissions.format;

import eu.drugsplan.contracts.catalogue.ReporterKind;
import eu.drugsplan.contracts.catalogue.UnitKind;
import eu.drugsplan.contracts.series.Frequency;
import eu.drugsplan.submissions.service.Catalogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small catalogue with the names the bulletin's tables use, for the plain spreadsheet reader tests. */
final class SheetCatalogue {

    static final String PREVALENCE = "PI07.PREVALENCE";
    static final String OST = "PI10.OST_CLIENTS";
    static final String SYRINGES = "PI10.NSP_SYRINGES";

    static final Catalogue CATALOGUE = new Catalogue(
            Map.of(PREVALENCE, new Catalogue.Measure(PREVALENCE, UnitKind.PERCENT, Frequency.A,
                            List.of("SUBSTANCE", "RECALL_PERIOD", "AGE", "SEX"), true, Set.of("EUDA"), null, "%"),
                    OST, new Catalogue.Measure(OST, UnitKind.COUNT, Frequency.A, List.of("MEDICATION"),
                            true, Set.of("EUDA"), null, "number"),
                    SYRINGES, new Catalogue.Measure(SYRINGES, UnitKind.COUNT, Frequency.A, List.of(),
                            true, Set.of("EUDA"), null, "thousand syringes")),
            Map.of(Catalogue.REF_AREA, codes(
                            "AT", List.of("Austria", "AUT"), "BE", List.of("Belgium", "BEL"),
                            "EL", List.of("Greece", "GRC", "GR"), "FI", List.of("Finland")),
                    Catalogue.OBS_STATUS, codes("A", List.of("Normal value")),
                    "SEX", codes("T", List.of("Total"), "M", List.of("Males"), "F", List.of("Females")),
                    "SUBSTANCE", codes("CANNABIS", List.of("Cannabis"), "COCAINE", List.of("Cocaine (any form)", "Cocaine"),
                            "COCAINE_HCL", List.of("Cocaine hydrochloride", "Cocaine (powder)")),
                    "RECALL_PERIOD", codes("LAST_YEAR", List.of("Last year (recent use)", "Last year prevalence")),
                    "AGE", codes("Y15-64", List.of("15 to 64 years (all adults)", "All adults (15-64)"),
                            "TOTAL", List.of("All ages")),
                    "MEDICATION", codes("METHADONE", List.of("Methadone", "Number of methadone clients"))),
            Map.of("AT", ReporterKind.MEMBER_STATE));

    static final XlsxVocabulary VOCABULARY = new XlsxVocabulary(CATALOGUE);

    private SheetCatalogue() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Catalogue.Code> codes(Object... pairs) {
        Map<String, Catalogue.Code> list = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String code = (String) pairs[i];
            list.put(code, new Catalogue.Code(code, null, false, (List<String>) pairs[i + 1]));
        }
        return list;
    }
}
