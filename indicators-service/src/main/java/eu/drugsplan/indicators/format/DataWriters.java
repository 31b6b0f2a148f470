package eu.drugsplan.indicators.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;

/** Creates the writer of a format. */
@ApplicationScoped
public class DataWriters {

    private final ObjectMapper json;

    public DataWriters(ObjectMapper json) {
        this.json = json;
    }

    public DataWriter of(DataFormat format, OutputStream out, DataMessage message) throws IOException {
        return switch (format) {
            case JSON -> new JsonDataWriter(json, out, message);
            case CSV -> new CsvDataWriter(out, message, false);
            case SDMX_CSV -> new CsvDataWriter(out, message, true);
            case SDMX_JSON -> new SdmxJsonDataWriter(json, out, message);
            case GENERIC_DATA, STRUCTURE_SPECIFIC_DATA, GENERIC_TIME_SERIES_DATA, STRUCTURE_SPECIFIC_TIME_SERIES_DATA ->
                    new SdmxMlDataWriter(out, message, format);
        };
    }
}
