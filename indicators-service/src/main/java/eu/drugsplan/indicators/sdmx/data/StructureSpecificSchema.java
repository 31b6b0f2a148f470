package eu.drugsplan.indicators.sdmx.data;

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
    private static final String SPECIFIC = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific";

    private StructureSpecificSchema() {
    }

    /**
     * @param namespace        the structure-specific namespace of the messages
     * @param seriesDimensions REF_AREA and the measure's dimensions, in key order
     * @param flat             dimensionAtObservation=AllDimensions: observations carry every dimension, no series
     * @param baseLocation     where the official schemas are (a URI ending in '/'), for the imports
     */
    public static String of(String namespace, List<String> seriesDimensions, boolean flat, String baseLocation) {
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
        dataSet(x, "DataSetType", "dsd:DataSetType", flat ? "Obs" : "Series", flat ? "ObsType" : "SeriesType");
        if (flat) {
            observation(x, "ObsType", "dsd:ObsType", seriesDimensions);
        } else {
            series(x, "SeriesType", "dsd:SeriesType", "ObsType", seriesDimensions);
            observation(x, "ObsType", "dsd:ObsType", List.of());
            dataSet(x, "TimeSeriesDataSetType", "dsd:TimeSeriesDataSetType", "Series", "TimeSeriesType");
            series(x, "TimeSeriesType", "dsd:TimeSeriesType", "TimeSeriesObsType", seriesDimensions);
            observation(x, "TimeSeriesObsType", "dsd:TimeSeriesObsType", List.of());
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
                .append("</xs:sequence>")
                .append("<xs:attribute name=\"TIME_PERIOD\" type=\"common:ObservationalTimePeriodType\" use=\"prohibited\"/>");
        for (String dimension : dimensions) {
            x.append("<xs:attribute name=\"").append(dimension).append("\" type=\"common:IDType\" use=\"required\"/>");
        }
        x.append("</xs:restriction></xs:complexContent></xs:complexType>\n");
    }

    private static void observation(StringBuilder x, String name, String base, List<String> dimensions) {
        x.append("<xs:complexType name=\"").append(name).append("\"><xs:complexContent><xs:restriction base=\"")
                .append(base).append("\"><xs:sequence>")
                .append("<xs:element ref=\"common:Annotations\" minOccurs=\"0\"/></xs:sequence>")
                .append("<xs:attribute name=\"type\" type=\"common:IDType\" use=\"prohibited\"/>")
                .append("<xs:attribute name=\"TIME_PERIOD\" type=\"common:ObservationalTimePeriodType\" use=\"required\"/>")
                .append("<xs:attribute name=\"OBS_VALUE\" type=\"xs:decimal\" use=\"optional\"/>");
        for (String dimension : dimensions) {
            x.append("<xs:attribute name=\"").append(dimension).append("\" type=\"common:IDType\" use=\"required\"/>");
        }
        x.append("<xs:attribute name=\"OBS_STATUS\" type=\"common:IDType\" use=\"optional\"/>")
                .append("<xs:attribute name=\"OBS_COMMENT\" type=\"xs:string\" use=\"optional\"/>")
                .append("</xs:restriction></xs:complexContent></xs:complexType>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
