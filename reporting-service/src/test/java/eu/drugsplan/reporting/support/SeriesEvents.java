package eu.drugsplan.reporting.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.testsupport.TopicProbe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes series-updated events as indicators-service does: the whole current series each time. */
public final class SeriesEvents {

    public static final String TOPIC = "series-updated.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeriesEvents() {
    }

    /** @param points period and value pairs, e.g. {@code "2019", 100, "2020", 110} */
    public static String send(String measure, String area, Map<String, String> dimensions, long dataVersion,
                              Object... points) {
        String key = SeriesKey.of(measure, area, dimensions).toString();
        List<Map<String, Object>> observations = new ArrayList<>();
        for (int i = 0; i < points.length; i += 2) {
            observations.add(Map.of("period", points[i], "value", new BigDecimal(points[i + 1].toString()),
                    "status", "A"));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", 1);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("seriesKey", key);
        event.put("measure", measure);
        event.put("area", area);
        event.put("dimensions", dimensions);
        event.put("dataVersion", dataVersion);
        event.put("changedAt", Instant.now().toString());
        event.put("observations", observations);
        try {
            TopicProbe.send(TOPIC, key, JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    /** A code no other test uses, so that a test's series and EU totals are its own. */
    public static String uniqueCode() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
