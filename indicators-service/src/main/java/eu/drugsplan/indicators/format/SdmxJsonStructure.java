package eu.drugsplan.indicators.format;

import com.fasterxml.jackson.core.JsonGenerator;
import eu.drugsplan.indicators.repository.ObservationRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index side of an SDMX-JSON data message: each code of a key dimension and each status gets the next index
 * the first time the stream meets it, and the structure written after the data sets lists them in that order.
 */
final class SdmxJsonStructure {

    private final JsonGenerator generator;
    private final DataMessage message;
    private final DataLayout layout;
    private final List<String> keyDimensions;
    private final List<String> seriesLevel;
    private final List<String> observationLevel;
    /** The codes of each key dimension in the order they first appear, by key position. */
    private final List<Map<String, Integer>> values = new ArrayList<>();
    private final Map<String, Integer> statuses = new LinkedHashMap<>();

    SdmxJsonStructure(JsonGenerator generator, DataMessage message) {
        this.generator = generator;
        this.message = message;
        this.layout = message.layout();
        this.keyDimensions = message.keyDimensions();
        this.seriesLevel = message.seriesLevel();
        this.observationLevel = message.observationLevel();
        keyDimensions.forEach(d -> values.add(new LinkedHashMap<>()));
    }

    /** The index of an observation status, given as it first appears. */
    int statusIndex(String status) {
        return index(statuses, status);
    }

    /** The row's index key ("0:1:3") over the dimensions, each code indexed as it first appears. */
    String key(ObservationRow row, List<String> dimensions) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < dimensions.size(); i++) {
            String dimension = dimensions.get(i);
            Map<String, Integer> codes = values.get(keyDimensions.indexOf(dimension));
            key.append(i == 0 ? "" : ":").append(index(codes, DataMessage.code(row, dimension)));
        }
        return key.toString();
    }

    private static int index(Map<String, Integer> values, String value) {
        return values.computeIfAbsent(value, v -> values.size());
    }

    /** The link to the message's dataflow, which a data set and the structure both carry. */
    static void dataflowLink(JsonGenerator generator, DataMessage message) throws IOException {
        generator.writeArrayFieldStart("links");
        generator.writeStartObject();
        generator.writeStringField("urn", message.dataflowUrn());
        generator.writeStringField("rel", "dataflow");
        generator.writeEndObject();
        generator.writeEndArray();
    }

    /** The structure of the message: every dimension with the codes indexed, in index order. */
    void write() throws IOException {
        generator.writeStartObject();
        dataflowLink(generator, message);
        generator.writeStringField("name", message.structureName());
        writeDimensions();
        if (layout.detail().attributes() && layout.detail().observations()) {
            writeAttributes();
        }
        generator.writeObjectFieldStart("measures");
        generator.writeArrayFieldStart("observation");
        if (layout.detail().observations()) {
            generator.writeStartObject();
            generator.writeStringField("id", "OBS_VALUE");
            generator.writeStringField("name", "Observation value");
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
        generator.writeEndObject();
    }

    private void writeDimensions() throws IOException {
        generator.writeObjectFieldStart("dimensions");
        generator.writeArrayFieldStart("dataSet");
        generator.writeEndArray();
        generator.writeArrayFieldStart("series");
        for (String dimension : seriesLevel) {
            writeDimension(dimension);
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("observation");
        for (String dimension : observationLevel) {
            // without observations (serieskeysonly, nodata) nothing is indexed there, and a dimension needs values
            if (!values.get(keyDimensions.indexOf(dimension)).isEmpty()) {
                writeDimension(dimension);
            }
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private void writeDimension(String dimension) throws IOException {
        int position = keyDimensions.indexOf(dimension);
        boolean time = dimension.equals(DataLayout.TIME_PERIOD);
        generator.writeStartObject();
        generator.writeStringField("id", dimension);
        generator.writeStringField("name", time ? "Time period" : message.codelistName(dimension));
        generator.writeNumberField("keyPosition", position);
        if (time) {
            generator.writeArrayFieldStart("roles");
            generator.writeString("TIME_PERIOD");
            generator.writeEndArray();
        }
        generator.writeArrayFieldStart("values");
        for (String code : values.get(position).keySet()) {
            generator.writeStartObject();
            if (time) {
                // id and value: readers of earlier answers look periods up by id; the schema wants a value
                generator.writeStringField("value", code);
                generator.writeStringField("id", code);
            } else {
                generator.writeStringField("id", code);
                generator.writeStringField("name", message.label(dimension, code));
            }
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private void writeAttributes() throws IOException {
        generator.writeObjectFieldStart("attributes");
        generator.writeArrayFieldStart("dataSet");
        generator.writeEndArray();
        generator.writeArrayFieldStart("series");
        generator.writeEndArray();
        generator.writeArrayFieldStart("observation");
        generator.writeStartObject();
        generator.writeStringField("id", "OBS_STATUS");
        generator.writeStringField("name", message.codelistName("OBS_STATUS"));
        writeObservationRelationship();
        // a values list must not be empty: without any status in the answer there is none to list
        if (!statuses.isEmpty()) {
            generator.writeArrayFieldStart("values");
            for (String status : statuses.keySet()) {
                generator.writeStartObject();
                generator.writeStringField("id", status);
                generator.writeStringField("name", message.label("OBS_STATUS", status));
                generator.writeEndObject();
            }
            generator.writeEndArray();
        }
        generator.writeEndObject();
        generator.writeStartObject();
        generator.writeStringField("id", "OBS_COMMENT");
        generator.writeStringField("name", "Comment");
        writeObservationRelationship();
        generator.writeEndObject();
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private void writeObservationRelationship() throws IOException {
        generator.writeObjectFieldStart("relationship");
        generator.writeObjectFieldStart("observation");
        generator.writeEndObject();
        generator.writeEndObject();
    }
}
