package eu.drugsplan.indicators.rest;

import static eu.drugsplan.indicators.support.Observations.awaitVersions;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eu.drugsplan.contracts.series.TextLimits;
import eu.drugsplan.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A row the intake may accept (every text at the longest TextLimits allows, with every odd character it allows)
 * is stored and reads back equal, in JSON and in CSV. Before V8 the status (varchar(2)), the reporter
 * (varchar(16)) and a series key of long codes (varchar(500)) could not be written.
 */
@QuarkusTest
class StorableTextsRoundTripTest {

    private static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";
    /** Tab, line feed, carriage return, CRLF, quote, separators, emoji (surrogate pairs, a ZWJ sequence), RTL marks. */
    private static final String ODD = "Odd\ttab, LF\nCR\rCRLF\r\n\"quoted\", semi;colon 😀👩‍⚕️ RTL \u200F\u202Eابج\u202C "
            + "\u2067isolate\u2069 zero-width\u200B BOM\uFEFF e\u0301 ";

    @Test
    void every_text_at_its_longest_with_every_allowed_odd_character_reads_back_equal_in_json_and_csv() throws Exception {
        String area = fill(uniqueArea(), TextLimits.CODE, "A");
        String sex = fill("M😀\u200F\u202Eب", TextLimits.CODE, "S");
        String age = fill("Y_", TextLimits.CODE, "9");
        String status = fill("S\u200F", TextLimits.CODE, "Z");
        String reporter = fill("R", TextLimits.CODE, "R");
        String period = "2017-01-31T00:00";
        String comment = fill(ODD, TextLimits.COMMENT, "x");
        Map<String, String> dimensions = new TreeMap<>(Map.of("SEX", sex, "AGE", age));
        send(area, dimensions, reporter, period, status, comment);

        JsonPath json = awaitVersions(MEASURE, area, 1);

        assertThat(json.getString("series[0].area")).isEqualTo(area);
        assertThat(json.getMap("series[0].dimensions")).isEqualTo(dimensions);
        assertThat(json.getString("series[0].seriesKey")).isEqualTo(MEASURE + ":" + area + ":AGE=" + age + ",SEX=" + sex);
        assertThat(json.getString("series[0].observations[0].period")).isEqualTo(period);
        assertThat(json.getString("series[0].observations[0].status")).isEqualTo(status);
        assertThat(json.getString("series[0].observations[0].comment")).isEqualTo(comment);

        String csv = given().queryParam("area", area).queryParam("includeHistory", true).accept("text/csv")
                .get("/api/v1/data/" + MEASURE).then().statusCode(200).extract().asString();
        List<CsvRecord> records = parse(csv);
        assertThat(records).hasSize(2);
        List<String> header = records.get(0).getFields();
        CsvRecord row = records.get(1);
        assertThat(row.getField(header.indexOf("area"))).isEqualTo(area);
        assertThat(row.getField(header.indexOf("SEX"))).isEqualTo(sex);
        assertThat(row.getField(header.indexOf("AGE"))).isEqualTo(age);
        assertThat(row.getField(header.indexOf("period"))).isEqualTo(period);
        assertThat(row.getField(header.indexOf("status"))).isEqualTo(status);
        assertThat(row.getField(header.indexOf("comment"))).isEqualTo(comment);
        assertThat(row.getField(header.indexOf("reporter"))).isEqualTo(reporter);
    }

    /** {@code start}, then {@code pad} repeated, to exactly {@code length} UTF-16 units. */
    private static String fill(String start, int length, String pad) {
        StringBuilder text = new StringBuilder(start);
        while (text.length() < length) {
            text.append(pad);
        }
        assertThat(text.length()).as("a fill that is not cut inside a pair").isEqualTo(length);
        assertThat(TextLimits.fits(text.toString(), length)).isTrue();
        return text.toString();
    }

    private static void send(String area, Map<String, String> dimensions, String reporter, String period,
                             String status, String comment) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("action", "MERGE");
        row.put("period", period);
        row.put("value", new java.math.BigDecimal("12.5"));
        row.put("status", status);
        row.put("comment", comment);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", 2);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("submissionId", UUID.randomUUID().toString());
        event.put("reporter", reporter);
        event.put("measure", MEASURE);
        event.put("area", area);
        event.put("dimensions", dimensions);
        event.put("receivedAt", "2026-11-22T10:00:00Z");
        event.put("observations", List.of(row));
        String key = MEASURE + ":" + area + ":AGE=" + dimensions.get("AGE") + ",SEX=" + dimensions.get("SEX");
        TopicProbe.send("observations.v1", key, new ObjectMapper().writeValueAsString(event));
    }

    private static List<CsvRecord> parse(String csv) throws java.io.IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            return reader.stream().toList();
        }
    }
}
