package eu.drugsplan.indicators.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.indicators.repository.ObservationRow;
import eu.drugsplan.indicators.rest.SeriesView;
import eu.drugsplan.indicators.rest.SeriesView.ObservationView;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** The JSON data message, {@code {"measure", "series": [SeriesView...]}}, written one series at a time. */
final class JsonDataWriter implements DataWriter {

    private final JsonGenerator generator;
    private final DataMessage message;
    private ObservationRow seriesHead;
    private final List<ObservationView> observations = new ArrayList<>();

    JsonDataWriter(ObjectMapper json, OutputStream out, DataMessage message) throws IOException {
        this.generator = json.getFactory().createGenerator(out);
        this.generator.setCodec(json);
        this.message = message;
    }

    @Override
    public void start() throws IOException {
        generator.writeStartObject();
        generator.writeStringField("measure", message.query().measure());
        generator.writeArrayFieldStart("series");
    }

    @Override
    public void row(ObservationRow row) throws IOException {
        if (seriesHead != null && !seriesHead.seriesKey().equals(row.seriesKey())) {
            writeSeries();
        }
        if (seriesHead == null) {
            seriesHead = row;
        }
        boolean history = message.query().includeHistory();
        observations.add(new ObservationView(row.period(), row.value(), row.status(), row.comment(),
                row.deleted() ? Boolean.TRUE : null, row.changedAt(),
                history ? row.reporter() : null, history ? row.submissionId() : null));
    }

    @Override
    public void finish() throws IOException {
        if (seriesHead != null) {
            writeSeries();
        }
        generator.writeEndArray();
        generator.writeEndObject();
        generator.flush();
    }

    private void writeSeries() throws IOException {
        generator.writeObject(new SeriesView(seriesHead.seriesKey(), message.query().measure(), seriesHead.area(),
                seriesHead.dimensions(), seriesHead.dataVersion(), seriesHead.seriesUpdatedAt(), List.copyOf(observations)));
        observations.clear();
        seriesHead = null;
    }
}
