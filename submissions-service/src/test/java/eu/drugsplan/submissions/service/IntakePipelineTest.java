package eu.drugsplan.submissions.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.drugsplan.contracts.event.ObservationEvent;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No silent last-wins: a second row for a key is refused wherever it is in the submission, unless it repeats. */
class IntakePipelineTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final ObjectWriter EVENTS = JSON.writerFor(ObservationEvent.class);

    private final IntakePipeline pipeline = pipeline();

    @Test
    void a_second_row_for_a_key_with_another_value_is_refused_and_the_first_one_stands() {
        pipeline.consume(Rows.valid().value("12").at(0).row());
        pipeline.consume(Rows.valid().value("13").at(1).row());

        IntakePipeline.Chunk chunk = pipeline.takeChunk();
        assertThat(chunk.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo(ConflictCode.DUPLICATE_KEY);
            assertThat(conflict.row()).isEqualTo("/observations/1");
            assertThat(conflict.message()).contains("PI09.DRUG_INDUCED_DEATHS:AT:AGE=TOTAL,SEX=M 2021");
        });
        assertThat(values(chunk)).containsExactly("2021=12");
        assertThat(pipeline.counts().accepted()).isEqualTo(1);
        assertThat(pipeline.counts().rejected()).isEqualTo(1);
    }

    @Test
    void the_duplicate_is_found_in_a_later_chunk_of_the_same_load() {
        pipeline.consume(Rows.valid().value("12").at(0).row());
        pipeline.consume(Rows.valid().period("2020").value("7").at(1).row());
        assertThat(pipeline.takeChunk().conflicts()).isEmpty();

        pipeline.consume(Rows.valid().value("99").at(40_000).row());

        IntakePipeline.Chunk later = pipeline.takeChunk();
        assertThat(later.conflicts()).extracting(Conflict::code).containsExactly(ConflictCode.DUPLICATE_KEY);
        assertThat(later.events()).isEmpty();
    }

    /**
     * The same observation sent twice (a file concatenated with itself, a retried block) changes nothing: it is
     * accepted, and the store counts the repeat as unchanged.
     */
    @Test
    void an_identical_repeat_is_accepted_as_harmless() {
        pipeline.consume(Rows.valid().value("12").comment("checked").at(0).row());
        pipeline.consume(Rows.valid().value("12").comment("checked").at(1).row());
        pipeline.consume(percent("1.5").at(2).row());
        pipeline.consume(percent("1.50").at(3).row());

        assertThat(pipeline.takeChunk().conflicts()).isEmpty();
        assertThat(pipeline.counts().accepted()).isEqualTo(4);
    }

    @Test
    void another_action_status_or_comment_for_the_key_is_a_duplicate_too() {
        pipeline.consume(Rows.valid().value("12").at(0).row());
        pipeline.consume(Rows.valid().action("D").at(1).row());
        pipeline.consume(Rows.valid().value("12").status("P").at(2).row());
        pipeline.consume(Rows.valid().value("12").comment("revised").at(3).row());

        assertThat(pipeline.takeChunk().conflicts()).extracting(Conflict::row)
                .containsExactly("/observations/1", "/observations/2", "/observations/3");
    }

    @Test
    void a_refused_row_does_not_hold_its_key_against_the_corrected_row_after_it() {
        pipeline.consume(Rows.valid().value("NaN").at(0).row());
        pipeline.consume(Rows.valid().value("12").at(1).row());

        assertThat(pipeline.takeChunk().conflicts()).extracting(Conflict::code)
                .containsExactly(ConflictCode.VALUE_NOT_FINITE);
        assertThat(pipeline.counts().accepted()).isEqualTo(1);
    }

    @Test
    void a_delete_marked_with_a_dash_is_taken_without_its_value() {
        pipeline.consume(Rows.valid().action("D").value("-").row());

        IntakePipeline.Chunk chunk = pipeline.takeChunk();
        assertThat(chunk.conflicts()).isEmpty();
        assertThat(values(chunk)).containsExactly("2021=null");
        assertThat(pipeline.counts().deleted()).isEqualTo(1);
    }

    static IntakePipeline pipeline() {
        return new IntakePipeline(Rows.validator(), EVENTS, UUID.randomUUID(), "AT", Instant.now(), 1000, 1000,
                512 * 1024, new SubmissionKeys(1000), IntakePipeline.WarningCheck.NONE);
    }

    private static Rows.Row percent(String value) {
        return Rows.valid().measure(Rows.COVERAGE).dimensions(Rows.dimensions()).value(value);
    }

    private static List<String> values(IntakePipeline.Chunk chunk) {
        return chunk.events().stream().flatMap(event -> read(event.payload()).observations().stream())
                .map(o -> o.period() + "=" + (o.value() == null ? null : o.value().toPlainString())).toList();
    }

    private static ObservationEvent read(String payload) {
        try {
            return JSON.readValue(payload, ObservationEvent.class);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
