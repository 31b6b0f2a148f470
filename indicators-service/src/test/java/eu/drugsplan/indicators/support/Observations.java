package eu.drugsplan.indicators.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.testsupport.TopicProbe;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/** Sends observation events to the store's topic, as submissions-service does, and waits for their effect. */
public final class Observations {

    public static final String TOPIC = "observations.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Observations() {
    }

    /** Test areas are unique, so tests never see each other's series on the shared broker and database. */
    public static String uniqueArea() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** One observation event; {@code send} it once or several times. */
    public static Event event(String measure, String area, Map<String, String> dimensions, String period, String value) {
        return new Event(UUID.randomUUID(), UUID.randomUUID(), measure, area, new TreeMap<>(dimensions), period, value,
                "A", null, "MERGE");
    }

    public record Event(UUID eventId, UUID submissionId, String measure, String area, Map<String, String> dimensions,
                        String period, String value, String status, String comment, String action) {

        public Event inSubmission(UUID submission) {
            return new Event(eventId, submission, measure, area, dimensions, period, value, status, comment, action);
        }

        public Event withStatus(String newStatus) {
            return new Event(eventId, submissionId, measure, area, dimensions, period, value, newStatus, comment, action);
        }

        public Event withComment(String newComment) {
            return new Event(eventId, submissionId, measure, area, dimensions, period, value, status, newComment, action);
        }

        public Event deleting() {
            return new Event(eventId, submissionId, measure, area, dimensions, period, null, status, comment, "DELETE");
        }

        public String seriesKey() {
            StringBuilder key = new StringBuilder(measure).append(':').append(area);
            if (!dimensions.isEmpty()) {
                key.append(':');
                dimensions.forEach((d, c) -> key.append(d).append('=').append(c).append(','));
                key.setLength(key.length() - 1);
            }
            return key.toString();
        }

        public Event send() {
            TopicProbe.send(TOPIC, seriesKey(), json());
            return this;
        }

        public String json() {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("version", 1);
            event.put("eventId", eventId.toString());
            event.put("submissionId", submissionId.toString());
            event.put("reporter", "EUDA");
            event.put("action", action);
            event.put("measure", measure);
            event.put("area", area);
            event.put("dimensions", dimensions);
            event.put("period", period);
            event.put("value", value == null ? null : new java.math.BigDecimal(value));
            event.put("status", status);
            event.put("comment", comment);
            event.put("receivedAt", "2026-11-22T10:00:00Z");
            try {
                return JSON.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Polls the JSON data of a measure for one area until the condition holds. */
    public static JsonPath awaitData(String measure, String area, Predicate<JsonPath> condition) {
        JsonPath[] holder = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath body = given().queryParam("area", area).get("/api/v1/data/" + measure).jsonPath();
            holder[0] = body;
            try {
                return condition.test(body);
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return holder[0];
    }

    /**
     * Waits until the series of the area have reached a total data version, i.e. every change sent is stored,
     * then answers the current data. The wait reads the history, where a series whose last observation was
     * deleted still appears.
     */
    public static JsonPath awaitVersions(String measure, String area, int totalDataVersion) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath body = given().queryParam("area", area).queryParam("includeHistory", true)
                    .get("/api/v1/data/" + measure).jsonPath();
            try {
                return body.getList("series.dataVersion", Integer.class).stream().mapToInt(Integer::intValue).sum()
                        == totalDataVersion;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return given().queryParam("area", area).get("/api/v1/data/" + measure).jsonPath();
    }
}
