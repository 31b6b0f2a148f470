package eu.drugsplan.indicators.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.indicators.repository.ObservationRow;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SDMX-JSON 2.0 data message. Series are keyed by index strings ("0:1:3"): position i is the index of
 * the series' code in the values of dimension i; observations are keyed by the index of their TIME_PERIOD.
 * The indices are assigned as codes first appear in the stream, so the structure, which lists the values
 * in index order, is written after the data set (JSON members have no order).
 */
final class SdmxJsonDataWriter implements DataWriter {

    private static final String SCHEMA =
            "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json";

    private final JsonGenerator generator;
    private final DataMessage message;
    private final List<String> seriesDimensions = new ArrayList<>();
    private final List<Map<String, Integer>> seriesValues = new ArrayList<>();
    private final Map<String, Integer> periods = new LinkedHashMap<>();
    private final Map<String, Integer> statuses = new LinkedHashMap<>();
    private final Map<String, Integer> comments = new LinkedHashMap<>();
    private String currentSeries;

    SdmxJsonDataWriter(ObjectMapper json, OutputStream out, DataMessage message) throws IOException {
        this.generator = json.getFactory().createGenerator(out);
        this.message = message;
        seriesDimensions.add("REF_AREA");
        seriesDimensions.addAll(message.query().dimensionOrder());
        seriesDimensions.forEach(d -> seriesValues.add(new LinkedHashMap<>()));
    }

    @Override
    public void start() throws IOException {
        generator.writeStartObject();
        generator.writeObjectFieldStart("meta");
        generator.writeStringField("schema", SCHEMA);
        generator.writeStringField("id", "IREF" + UUID.randomUUID());
        generator.writeStringField("prepared", Instant.now().toString());
        generator.writeBooleanField("test", false);
        generator.writeObjectFieldStart("sender");
        generator.writeStringField("id", "DRUGSPLAN");
        generator.writeEndObject();
        generator.writeEndObject();
        generator.writeObjectFieldStart("data");
        generator.writeArrayFieldStart("dataSets");
        generator.writeStartObject();
        // with updatedAfter the message carries changes, deletions included: a replace message
        generator.writeStringField("action", message.query().updatedAfter() != null ? "Replace" : "Information");
        generator.writeNumberField("structure", 0);
        generator.writeObjectFieldStart("series");
    }

    @Override
    public void row(ObservationRow row) throws IOException {
        if (!row.seriesKey().equals(currentSeries)) {
            if (currentSeries != null) {
                endSeries();
            }
            currentSeries = row.seriesKey();
            generator.writeObjectFieldStart(seriesIndexKey(row));
            generator.writeObjectFieldStart("observations");
        }
        generator.writeArrayFieldStart(Integer.toString(index(periods, row.period())));
        if (row.value() == null) {
            generator.writeNull();
        } else {
            generator.writeNumber(row.value());
        }
        writeIndex(statuses, row.deleted() ? null : row.status());
        writeIndex(comments, row.comment());
        generator.writeEndArray();
    }

    @Override
    public void finish() throws IOException {
        if (currentSeries != null) {
            endSeries();
        }
        generator.writeEndObject();
        generator.writeEndObject();
        generator.writeEndArray();
        writeStructure();
        generator.writeEndObject();
        generator.writeEndObject();
        generator.flush();
    }

    private void endSeries() throws IOException {
        generator.writeEndObject();
        generator.writeEndObject();
    }

    private String seriesIndexKey(ObservationRow row) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < seriesDimensions.size(); i++) {
            String code = i == 0 ? row.area() : row.dimensions().get(seriesDimensions.get(i));
            key.append(i == 0 ? "" : ":").append(index(seriesValues.get(i), code == null ? "" : code));
        }
        return key.toString();
    }

    private void writeIndex(Map<String, Integer> values, String value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else {
            generator.writeNumber(index(values, value));
        }
    }

    private static int index(Map<String, Integer> values, String value) {
        return values.computeIfAbsent(value, v -> values.size());
    }

    private void writeStructure() throws IOException {
        generator.writeArrayFieldStart("structures");
        generator.writeStartObject();
        generator.writeArrayFieldStart("links");
        generator.writeStartObject();
        generator.writeStringField("urn", "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=" + message.structureId());
        generator.writeStringField("rel", "DataFlow");
        generator.writeEndObject();
        generator.writeEndArray();
        generator.writeStringField("name", message.query().measure());
        writeDimensions();
        writeAttributes();
        generator.writeObjectFieldStart("measures");
        generator.writeArrayFieldStart("observation");
        generator.writeStartObject();
        generator.writeStringField("id", "OBS_VALUE");
        generator.writeStringField("name", "Observation value");
        generator.writeEndObject();
        generator.writeEndArray();
        generator.writeEndObject();
        generator.writeEndObject();
        generator.writeEndArray();
    }

    private void writeDimensions() throws IOException {
        generator.writeObjectFieldStart("dimensions");
        generator.writeArrayFieldStart("dataSet");
        generator.writeEndArray();
        generator.writeArrayFieldStart("series");
        for (int i = 0; i < seriesDimensions.size(); i++) {
            String dimension = seriesDimensions.get(i);
            generator.writeStartObject();
            generator.writeStringField("id", dimension);
            generator.writeStringField("name", message.codelistName(dimension));
            generator.writeNumberField("keyPosition", i);
            generator.writeArrayFieldStart("values");
            for (String code : seriesValues.get(i).keySet()) {
                generator.writeStartObject();
                generator.writeStringField("id", code);
                generator.writeStringField("name", message.label(dimension, code));
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("observation");
        generator.writeStartObject();
        generator.writeStringField("id", "TIME_PERIOD");
        generator.writeStringField("name", "Time period");
        generator.writeNumberField("keyPosition", seriesDimensions.size());
        generator.writeArrayFieldStart("roles");
        generator.writeString("TIME_PERIOD");
        generator.writeEndArray();
        generator.writeArrayFieldStart("values");
        for (String period : periods.keySet()) {
            generator.writeStartObject();
            generator.writeStringField("value", period);
            generator.writeStringField("id", period);
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
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
        writeAttribute("OBS_STATUS", "Observation status", statuses, true);
        writeAttribute("OBS_COMMENT", "Comment", comments, false);
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private void writeAttribute(String id, String name, Map<String, Integer> values, boolean coded) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", id);
        generator.writeStringField("name", name);
        generator.writeObjectFieldStart("relationship");
        generator.writeStringField("primaryMeasure", "OBS_VALUE");
        generator.writeEndObject();
        generator.writeArrayFieldStart("values");
        for (String value : values.keySet()) {
            generator.writeStartObject();
            if (coded) {
                generator.writeStringField("id", value);
                generator.writeStringField("name", message.label("OBS_STATUS", value));
            } else {
                generator.writeStringField("value", value);
            }
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }
}
