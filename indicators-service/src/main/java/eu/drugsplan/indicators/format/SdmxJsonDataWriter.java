package eu.drugsplan.indicators.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.indicators.repository.ObservationRow;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
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
    private final List<String> seriesLevel;
    private final List<String> observationLevel;
    private final SdmxJsonStructure structure;
    private String currentSeries;
    private DataSetKey currentSet;
    private boolean anyRow;

    private record DataSetKey(String action, Instant from, Instant to) {
    }

    SdmxJsonDataWriter(ObjectMapper json, OutputStream out, DataMessage message) throws IOException {
        this.generator = json.getFactory().createGenerator(out);
        this.message = message;
        this.layout = message.layout();
        this.seriesLevel = message.seriesLevel();
        this.observationLevel = message.observationLevel();
        this.structure = new SdmxJsonStructure(generator, message);
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
                observation(structure.key(row, observationLevel), row);
            }
            return;
        }
        String series = structure.key(row, seriesLevel);
        if (!series.equals(currentSeries)) {
            endSeries();
            currentSeries = series;
            generator.writeObjectFieldStart(series);
            if (layout.detail().observations()) {
                generator.writeObjectFieldStart("observations");
            }
        }
        if (layout.detail().observations()) {
            observation(structure.key(row, observationLevel), row);
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
        SdmxJsonStructure.dataflowLink(generator, message);
        generator.writeObjectFieldStart(layout.flat() ? "observations" : "series");
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
                generator.writeNumber(structure.statusIndex(row.status()));
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
            structure.write();
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
}
