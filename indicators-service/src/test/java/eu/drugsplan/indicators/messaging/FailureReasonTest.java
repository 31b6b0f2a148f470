package eu.drugsplan.indicators.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.contracts.series.TextLimits;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void a_batch_failure_gives_the_servers_own_words_not_the_statement_with_its_values() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into observation (comment, ...) "
                + "values ('secret', ...) was aborted", new int[0]);
        batch.setNextException(new SQLException("ERROR: value too long for type character varying(2)\n  Detail: x"));
        RuntimeException hibernate = new RuntimeException("could not execute batch [insert into observation ...]", batch);

        assertThat(FailureReason.of(new RuntimeException("rolled back", hibernate)))
                .isEqualTo("ERROR: value too long for type character varying(2)");
    }

    @Test
    void otherwise_the_innermost_message_made_storable_and_short() {
        String reason = FailureReason.of(new IllegalStateException("outer",
                new IllegalArgumentException("the comment \u0000" + "x".repeat(1000))));

        assertThat(reason).startsWith("the comment ").hasSizeLessThanOrEqualTo(FailureReason.MAX);
        assertThat(TextLimits.storable(reason)).isTrue();
    }
}
