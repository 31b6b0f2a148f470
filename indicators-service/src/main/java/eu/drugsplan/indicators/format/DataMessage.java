package eu.drugsplan.indicators.format;

import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.repository.ObservationRow;
import eu.drugsplan.indicators.service.DataQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a writer needs besides the rows: the query (dimension order, which columns), the catalogue's labels,
 * the layout asked for, and the SDMX dataflow the measure is published as.
 *
 * @param dataflowId the measure's SDMX dataflow id (a valid SDMX id: no '.')
 */
public record DataMessage(DataQuery query, Catalogue catalogue, DataLayout layout, String agency, String dataflowId,
                          String dataflowVersion) {

    public DataMessage(DataQuery query, Catalogue catalogue) {
        this(query, catalogue, DataLayout.DEFAULT);
    }

    /** The measure's dataflow as contracts' {@link SdmxIds} names it (the one rule, used everywhere). */
    public DataMessage(DataQuery query, Catalogue catalogue, DataLayout layout) {
        this(query, catalogue, layout, SdmxIds.AGENCY, SdmxIds.dataflowId(query.measure()), SdmxIds.VERSION);
    }

    /** SDMX identifies the structure of a measure's data as agency:id(version). */
    public String structureId() {
        return agency + ":" + dataflowId + "(" + dataflowVersion + ")";
    }

    public String dataflowUrn() {
        return SdmxIds.urn(SdmxIds.Urn.DATAFLOW, dataflowId, dataflowVersion);
    }

    public String structureName() {
        return catalogue.measure(query.measure()).map(m -> m.name()).orElse(query.measure());
    }

    /** REF_AREA then the measure's dimensions, in key order (TIME_PERIOD excluded). */
    public List<String> seriesDimensions() {
        List<String> dimensions = new ArrayList<>();
        dimensions.add("REF_AREA");
        dimensions.addAll(query.dimensionOrder());
        return dimensions;
    }

    /** Every dimension of the structure in its order: REF_AREA, the measure's dimensions, TIME_PERIOD. */
    public List<String> keyDimensions() {
        List<String> dimensions = seriesDimensions();
        dimensions.add(DataLayout.TIME_PERIOD);
        return dimensions;
    }

    /** The dimensions that key a series in the layout asked for (none in a flat layout), in key order. */
    public List<String> seriesLevel() {
        if (layout.flat()) {
            return List.of();
        }
        List<String> dimensions = keyDimensions();
        dimensions.remove(layout.atObservation());
        return dimensions;
    }

    /** The dimensions that key an observation within its series (all of them in a flat layout), in key order. */
    public List<String> observationLevel() {
        return layout.flat() ? keyDimensions() : List.of(layout.atObservation());
    }

    /** A row's code for a dimension of the structure (TIME_PERIOD its period). */
    public static String code(ObservationRow row, String dimension) {
        return switch (dimension) {
            case "REF_AREA" -> row.area();
            case DataLayout.TIME_PERIOD -> row.period();
            default -> Objects.requireNonNullElse(row.dimensions().get(dimension), "");
        };
    }

    /**
     * The SDMX action of the data set a row belongs in, the same in every SDMX format: deletions are a Delete data
     * set; changes since an instant and past disseminations replace; the rest informs.
     */
    public String dataSetAction(ObservationRow row) {
        if (row.deleted()) {
            return "Delete";
        }
        return query.updatedAfter() != null || query.includeHistory() ? "Replace" : "Information";
    }

    public String label(String codelist, String code) {
        return catalogue.code(codelist, code).map(c -> c.label()).orElse(code);
    }

    public String codelistName(String codelist) {
        return catalogue.codelist(codelist).map(c -> c.name()).orElse(codelist);
    }
}
