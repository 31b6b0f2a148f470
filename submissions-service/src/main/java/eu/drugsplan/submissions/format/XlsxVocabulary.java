package eu.drugsplan.submissions.format;

import eu.drugsplan.contracts.tables.PublishedTables;
import eu.drugsplan.submissions.service.Catalogue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalogue as a spreadsheet names things: measures by code, codes by their code, label or any name their
 * properties give (countries as the dataset loader maps them: "Austria *", "AUT", "Czech Republic"; SEX columns
 * "Males", "Females"). Names are compared as {@link PublishedTables#normal} writes them; where two codes share
 * a name the catalogue's first keeps it.
 */
public final class XlsxVocabulary {

    private final Map<String, Catalogue.Measure> measures;
    private final Map<String, Map<String, String>> codesByName = new HashMap<>();
    private final Set<String> dimensions;

    public XlsxVocabulary(Catalogue catalogue) {
        this.measures = catalogue.measures();
        this.dimensions = measures.values().stream().flatMap(m -> m.dimensions().stream())
                .collect(Collectors.toUnmodifiableSet());
        catalogue.codelists().forEach((list, codes) -> {
            Map<String, String> byName = new HashMap<>();
            codes.values().forEach(code -> byName.put(PublishedTables.normal(code.code()), code.code()));
            codes.values().forEach(code -> code.names().forEach(name ->
                    byName.putIfAbsent(PublishedTables.normal(name), code.code())));
            codesByName.put(list, byName);
        });
    }

    Optional<Catalogue.Measure> measure(String code) {
        return Optional.ofNullable(measures.get(code));
    }

    /** Whether an id names a dimension (a code list some measure has). */
    boolean isDimension(String id) {
        return dimensions.contains(id);
    }

    /** The code of a list a name stands for. */
    Optional<String> code(String codelist, String name) {
        return Optional.ofNullable(codesByName.getOrDefault(codelist, Map.of()).get(PublishedTables.normal(name)));
    }

    /** The area a published table's first cell names ("Austria *" is AT). */
    Optional<String> area(String cell) {
        return code(Catalogue.REF_AREA, PublishedTables.areaName(cell));
    }

    /** The codes of a list that any of the texts names, for reading a dimension from a table's title. */
    List<String> codesNamed(String codelist, List<String> texts) {
        return texts.stream().map(text -> code(codelist, text)).flatMap(Optional::stream).distinct().toList();
    }
}
