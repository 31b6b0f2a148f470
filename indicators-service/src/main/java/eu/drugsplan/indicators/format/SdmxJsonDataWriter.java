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
 * The SDMX-JSON 2.0.0 data message, valid against the official schema. Series are keyed by index strings
 * ("0:1:3"): position i is the index of the series' code in the values of its i-th series dimension; observations by
 * the index of their TIME_PERIOD (with dimensionAtObservation=AllDimensions, observations of the data set are keyed
 * by every dimension; at another dimension, a cross-section, series are keyed by the others and TIME_PERIOD, and
 * observations by that dimension's code). An observation is {@code [OBS_VALUE, OBS_STATUS index, OBS_COMMENT]}: the comment is not
 * coded, so it is written in place (field guide: non-coded observation attributes need no values list).
 *
 * <p>Rows come grouped into data sets: the changes, then the deletions as a {@code Delete} data set (so a
 * consumer applying an updatedAfter answer deletes them); with includeHistory one data set per dissemination
 * with its validFrom and validTo. Indices are assigned as codes first appear in the stream, so the structure,
 * which lists the values in index order, is written after the data sets (JSON members have no order).
 */
final class SdmxJsonDataWriter implements DataWriter {

    private static final String SCHEMA =
            "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json";

    private final JsonGenerator generator;
    private final DataMessage message;
    private final DataLayout layout;
    private final List<String> keyDimensions;
    private final List<String> seriesLevel;
    private final List<String> observationLevel;
    /** The codes of each key dimension in the order they first appear, by key position. */
    private final List<Map<String, Integer>> values = new ArrayList<>();
    private final Map<String, Integer> statuses = new LinkedHashMap<>();
    private String currentSeries;
    private DataSetKey currentSet;
    private boolean anyRow;

    private record DataSetKey(String action, Instant from, Instant to) {
    }

    SdmxJsonDataWriter(ObjectMapper json, OutputStream out, DataMessage message) throws IOException {
        this.generator = json.getFactory().createGenerator(out);
        this.message = message;
        this.layout = message.layout();
        this.keyDimensions = message.keyDimensions();
        this.seriesLevel = message.seriesLevel();
        this.observationLevel = message.observationLevel();
        keyDimensions.forEach(d -> values.add(new LinkedHashMap<>()));
    }

    @Override
    public void start() throws IOException {
        generator.writeStartObject();
        generator.writeObjectFieldStart("meta");
        generator.writeStringField("schema", SCHEMA);
        generator.writeStringField("id", "IREF" + UUID.randomUUID());
        generator.writeStringField("prepared", Instant.now().toString());
        generator.writeBooleanField("test", false);
        generator.writeArrayFieldStart("contentLanguages");
        generator.writeString("en");
        generator.writeEndArray();
        generator.writeObjectFieldStart("sender");
        generator.writeStringField("id", message.agency());
        generator.writeEndObject();
        generator.writeEndObject();
        generator.writeObjectFieldStart("data");
        generator.writeArrayFieldStart("dataSets");
    }

    @Override
    public void row(ObservationRow row) throws IOException {
        anyRow = true;
        DataSetKey set = new DataSetKey(message.dataSetAction(row), row.dataSetFrom(), row.dataSetTo());
        if (!set.equals(currentSet)) {
            endDataSet();
            startDataSet(set);
        }
        if (layout.flat()) {
            if (layout.detail().observations()) {
                observation(key(row, observationLevel), row);
            }
            return;
        }
        String series = key(row, seriesLevel);
        if (!series.equals(currentSeries)) {
            endSeries();
            currentSeries = series;
            generator.writeObjectFieldStart(series);
            if (layout.detail().observations()) {
                generator.writeObjectFieldStart("observations");
            }
        }
        if (layout.detail().observations()) {
            observation(key(row, observationLevel), row);
        }
    }

    private void startDataSet(DataSetKey set) throws IOException {
        currentSet = set;
        generator.writeStartObject();
        generator.writeStringField("action", set.action());
        if (set.from() != null) {
            generator.writeStringField("validFrom", set.from().toString());
        }
        if (set.to() != null) {
            generator.writeStringField("validTo", set.to().toString());
        }
        generator.writeNumberField("structure", 0);
        writeDataflowLink();
        generator.writeObjectFieldStart(layout.flat() ? "observations" : "series");
    }

    private void writeDataflowLink() throws IOException {
        generator.writeArrayFieldStart("links");
        generator.writeStartObject();
        generator.writeStringField("urn", message.dataflowUrn());
        generator.writeStringField("rel", "dataflow");
        generator.writeEndObject();
        generator.writeEndArray();
    }

    private void observation(String key, ObservationRow row) throws IOException {
        generator.writeArrayFieldStart(key);
        if (row.value() == null || row.deleted()) {
            generator.writeNull();
        } else {
            generator.writeNumber(row.value());
        }
        if (layout.detail().attributes()) {
            if (row.deleted() || row.status() == null) {
                generator.writeNull();
            } else {
                generator.writeNumber(index(statuses, row.status()));
            }
            if (row.deleted() || row.comment() == null) {
                generator.writeNull();
            } else {
                generator.writeString(row.comment());
            }
        }
        generator.writeEndArray();
    }

    @Override
    public void finish() throws IOException {
        endDataSet();
        generator.writeEndArray();
        generator.writeArrayFieldStart("structures");
        // an empty answer has no values to describe, and the schema wants every dimension's values non-empty
        if (anyRow) {
            writeStructure();
        }
        generator.writeEndArray();
        generator.writeEndObject();
        generator.writeEndObject();
        generator.flush();
    }

    private void endSeries() throws IOException {
        if (currentSeries != null) {
            if (layout.detail().observations()) {
                generator.writeEndObject();
            }
            generator.writeEndObject();
            currentSeries = null;
        }
    }

    private void endDataSet() throws IOException {
        endSeries();
        if (currentSet != null) {
            generator.writeEndObject();
            generator.writeEndObject();
            currentSet = null;
        }
    }

    /** The row's index key ("0:1:3") over the dimensions, each code indexed as it first appears. */
    private String key(ObservationRow row, List<String> dimensions) {
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

    private void writeStructure() throws IOException {
        generator.writeStartObject();
        generator.writeArrayFieldStart("links");
        generator.writeStartObject();
        generator.writeStringField("urn", message.dataflowUrn());
        generator.writeStringField("rel", "dataflow");
        generator.writeEndObject();
        generator.writeEndArray();
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
