package eu.drugsplan.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures make the consumer wait for the database instead of dead-lettering the event. */
class InfrastructureFailureTest {

    @Test
    void a_lost_or_refused_connection_or_a_server_shutting_down_is_waited_for() {
        assertThat(SeriesUpdatedConsumer.infrastructure(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(SeriesUpdatedConsumer.infrastructure(new RuntimeException(new SQLException("terminating", "57P01")))).isTrue();
        assertThat(SeriesUpdatedConsumer.infrastructure(new org.hibernate.exception.JDBCConnectionException("gone",
                new SQLException("i/o", "08006")))).isTrue();
    }

    @Test
    void a_failure_of_the_event_itself_is_not() {
        assertThat(SeriesUpdatedConsumer.infrastructure(new IllegalArgumentException("bad period"))).isFalse();
        assertThat(SeriesUpdatedConsumer.infrastructure(new RuntimeException(new SQLException("constraint", "23505")))).isFalse();
    }
}
