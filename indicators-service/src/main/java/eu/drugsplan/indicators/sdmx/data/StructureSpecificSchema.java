package eu.drugsplan.indicators.sdmx.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The XML schema of a dataflow's structure-specific data (SDMX-ML 2.1): types derived by restriction from the
 * abstract base types of SDMXDataStructureSpecific.xsd, one XML attribute per dimension and attribute, in the
 * namespace {@code <dataflow URN>:ObsLevelDim:<dimension at observation>} that the data messages declare. A
 * StructureSpecificData message cannot be validated without it (its data set type is abstract in the base).
 *
 * <p>The codes are typed as SDMX ids, not enumerated: the code lists change by migration, and a schema a client
 * cached must not refuse a code added later.
 */
public final class StructureSpecificSchema {

    private static final String XS = "http://www.w3.org/2001/XMLSchema";
    private static final String COMMON = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
    private static final String TIME_PERIOD = "TIME_PERIOD";
    private static final String SPECIFIC = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific";

    private StructureSpecificSchema() {
    }

    /**
     * @param namespace        the structure-specific namespace of the messages
     * @param seriesDimensions REF_AREA and the measure's dimensions, in key order
     * @param atObservation    TIME_PERIOD (time series), AllDimensions (flat: observations carry every dimension,
     *                         no series) or one of the dimensions (a cross-section: series carry TIME_PERIOD)
     * @param baseLocation     where the official schemas are (a URI ending in '/'), for the imports
     */
    public static String of(String namespace, List<String> seriesDimensions, String atObservation,
                            String baseLocation) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<xs:schema xmlns:xs=\"").append(XS).append("\" xmlns=\"").append(escape(namespace))
                .append("\" xmlns:dsd=\"").append(SPECIFIC).append("\" xmlns:common=\"").append(COMMON)
                .append("\" targetNamespace=\"").append(escape(namespace))
                .append("\" elementFormDefault=\"unqualified\" attributeFormDefault=\"unqualified\">\n")
                .append("<xs:import namespace=\"").append(COMMON).append("\" schemaLocation=\"")
                .append(escape(baseLocation)).append("SDMXCommon.xsd\"/>\n")
                .append("<xs:import namespace=\"").append(SPECIFIC).append("\" schemaLocation=\"")
                .append(escape(baseLocation)).append("SDMXDataStructureSpecific.xsd\"/>\n");
        List<String> keyDimensions = new ArrayList<>(seriesDimensions);
        keyDimensions.add(TIME_PERIOD);
        if (atObservation.equals("AllDimensions")) {
            dataSet(x, "DataSetType", "dsd:DataSetType", "Obs", "ObsType");
            observation(x, "ObsType", "dsd:ObsType", keyDimensions);
        } else {
            List<String> seriesLevel = new ArrayList<>(keyDimensions);
            seriesLevel.remove(atObservation);
            dataSet(x, "DataSetType", "dsd:DataSetType", "Series", "SeriesType");
            series(x, "SeriesType", "dsd:SeriesType", "ObsType", seriesLevel);
            observation(x, "ObsType", "dsd:ObsType", List.of(atObservation));
            if (atObservation.equals(TIME_PERIOD)) {
                dataSet(x, "TimeSeriesDataSetType", "dsd:TimeSeriesDataSetType", "Series", "TimeSeriesType");
                series(x, "TimeSeriesType", "dsd:TimeSeriesType", "TimeSeriesObsType", seriesLevel);
                observation(x, "TimeSeriesObsType", "dsd:TimeSeriesObsType", List.of(atObservation));
            }
        }
        return x.append("</xs:schema>\n").toString();
    }

    private static void dataSet(StringBuilder x, String name, String base, String child, String childType) {
        x.append("<xs:complexType name=\"").append(name).append("\"><xs:complexContent><xs:restriction base=\"")
                .append(base).append("\"><xs:sequence>")
                .append("<xs:element ref=\"common:Annotations\" minOccurs=\"0\"/>")
                .append("<xs:element name=\"DataProvider\" type=\"common:DataProviderReferenceType\" form=\"unqualified\" minOccurs=\"0\"/>")
                .append("<xs:choice minOccurs=\"0\"><xs:element name=\"").append(child).append("\" type=\"")
                .append(childType).append("\" form=\"unqualified\" maxOccurs=\"unbounded\"/></xs:choice>")
                .append("</xs:sequence></xs:restriction></xs:complexContent></xs:complexType>\n");
    }

    private static void series(StringBuilder x, String name, String base, String obsType, List<String> dimensions) {
        x.append("<xs:complexType name=\"").append(name).append("\"><xs:complexContent><xs:restriction base=\"")
                .append(base).append("\"><xs:sequence>")
                .append("<xs:element ref=\"common:Annotations\" minOccurs=\"0\"/>")
                .append("<xs:element name=\"Obs\" type=\"").append(obsType)
                .append("\" form=\"unqualified\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>")
                .append("</xs:sequence>");
        dimensionAttributes(x, dimensions);
        x.append("</xs:restriction></xs:complexContent></xs:complexType>\n");
    }

    private static void observation(StringBuilder x, String name, String base, List<String> dimensions) {
        x.append("<xs:complexType name=\"").append(name).append("\"><xs:complexContent><xs:restriction base=\"")
                .append(base).append("\"><xs:sequence>")
                .append("<xs:element ref=\"common:Annotations\" minOccurs=\"0\"/></xs:sequence>")
                .append("<xs:attribute name=\"type\" type=\"common:IDType\" use=\"prohibited\"/>")
                .append("<xs:attribute name=\"OBS_VALUE\" type=\"xs:decimal\" use=\"optional\"/>");
        dimensionAttributes(x, dimensions);
        x.append("<xs:attribute name=\"OBS_STATUS\" type=\"common:IDType\" use=\"optional\"/>")
                .append("<xs:attribute name=\"OBS_COMMENT\" type=\"xs:string\" use=\"optional\"/>")
                .append("</xs:restriction></xs:complexContent></xs:complexType>\n");
    }

    /** The dimensions as required attributes; TIME_PERIOD, declared by the base types, prohibited where absent. */
    private static void dimensionAttributes(StringBuilder x, List<String> dimensions) {
        if (!dimensions.contains(TIME_PERIOD)) {
            x.append("<xs:attribute name=\"TIME_PERIOD\" type=\"common:ObservationalTimePeriodType\" use=\"prohibited\"/>");
        }
        for (String dimension : dimensions) {
            String type = dimension.equals(TIME_PERIOD) ? "common:ObservationalTimePeriodType" : "common:IDType";
            x.append("<xs:attribute name=\"").append(dimension).append("\" type=\"").append(type)
                    .append("\" use=\"required\"/>");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
