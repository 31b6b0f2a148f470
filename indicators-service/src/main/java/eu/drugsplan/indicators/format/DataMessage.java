package eu.drugsplan.indicators.format;

import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.service.DataQuery;

/** What a writer needs besides the rows: the query (dimension order, which columns) and the catalogue's labels. */
public record DataMessage(DataQuery query, Catalogue catalogue) {

    /** SDMX identifies the structure of a measure's data as agency:id(version). */
    public String structureId() {
        return "DRUGSPLAN:" + query.measure() + "(1.0)";
    }

    public String label(String codelist, String code) {
        return catalogue.code(codelist, code).map(c -> c.label()).orElse(code);
    }

    public String codelistName(String codelist) {
        return catalogue.codelist(codelist).map(c -> c.name()).orElse(codelist);
    }
}
