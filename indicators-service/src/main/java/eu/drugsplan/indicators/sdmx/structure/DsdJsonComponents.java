package eu.drugsplan.indicators.sdmx.structure;

import com.fasterxml.jackson.core.JsonGenerator;
import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.indicators.sdmx.structure.Structures.Component;
import eu.drugsplan.indicators.sdmx.structure.Structures.Role;
import java.io.IOException;
import java.util.List;

/**
 * The components of a data structure definition in SDMX-JSON 2.0.0 (sdmx-json-structure-schema.json): attributes
 * with their relationship, dimensions with their positions and the time dimension, the measure, each with its
 * concept and representation.
 */
final class DsdJsonComponents {

    private final JsonGenerator g;

    DsdJsonComponents(JsonGenerator g) {
        this.g = g;
    }

    void write(List<Component> components) throws IOException {
        g.writeObjectFieldStart("dataStructureComponents");
        attributeList(components);
        dimensionList(components);
        measureList(components);
        g.writeEndObject();
    }

    private void attributeList(List<Component> components) throws IOException {
        g.writeObjectFieldStart("attributeList");
        g.writeStringField("id", "AttributeDescriptor");
        g.writeArrayFieldStart("attributes");
        for (Component c : components) {
            if (c.role() == Role.ATTRIBUTE) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("usage", c.mandatory() ? "mandatory" : "optional");
                g.writeObjectFieldStart("attributeRelationship");
                g.writeObjectFieldStart(c.attachment() == Structures.Attachment.OBSERVATION ? "observation" : "dataflow");
                g.writeEndObject();
                g.writeEndObject();
                representation(c);
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void dimensionList(List<Component> components) throws IOException {
        g.writeObjectFieldStart("dimensionList");
        g.writeStringField("id", "DimensionDescriptor");
        g.writeArrayFieldStart("dimensions");
        int position = 1;
        Component time = null;
        for (Component c : components) {
            if (c.role() == Role.DIMENSION) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeNumberField("position", position++);
                representation(c);
                g.writeEndObject();
            } else if (c.role() == Role.TIME_DIMENSION) {
                time = c;
            }
        }
        g.writeEndArray();
        if (time != null) {
            g.writeObjectFieldStart("timeDimension");
            g.writeStringField("id", time.id());
            representation(time);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void measureList(List<Component> components) throws IOException {
        g.writeObjectFieldStart("measureList");
        g.writeStringField("id", "MeasureDescriptor");
        g.writeArrayFieldStart("measures");
        for (Component c : components) {
            if (c.role() == Role.MEASURE) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("usage", "optional");
                representation(c);
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void representation(Component c) throws IOException {
        g.writeStringField("conceptIdentity", "urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=" + SdmxIds.AGENCY + ":"
                + SdmxIds.CONCEPT_SCHEME + "(" + SdmxIds.SEMANTIC_VERSION + ")." + c.id());
        g.writeObjectFieldStart("localRepresentation");
        if (c.codelist() != null) {
            g.writeStringField("enumeration", StructureJsonWriter.urn(ArtefactType.CODELIST, SdmxIds.AGENCY, c.codelist(), SdmxIds.SEMANTIC_VERSION));
        } else {
            g.writeObjectFieldStart("format");
            g.writeStringField("dataType", c.textType());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
