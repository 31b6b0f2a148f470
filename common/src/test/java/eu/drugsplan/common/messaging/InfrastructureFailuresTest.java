package eu.drugsplan.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which failures make a consumer retry the record instead of dead-lettering it. */
class InfrastructureFailuresTest {

    static Stream<Arguments> retried() {
        return Stream.of(
                Arguments.of("connection refused (PostgreSQL 08001)", new RuntimeException(new SQLException("refused", "08001"))),
                Arguments.of("connection lost (08006)", new SQLException("i/o error", "08006")),
                Arguments.of("admin shutdown (57P01)", new RuntimeException(new SQLException("terminating", "57P01"))),
                Arguments.of("cannot connect now (57P03)", new SQLException("starting up", "57P03")),
                Arguments.of("Hibernate's connection exception", new JDBCConnectionException("gone", new SQLException("i/o", "08006"))),
                Arguments.of("a pool acquisition timeout", new RuntimeException(new SQLTimeoutException("acquisition timeout"))),
                Arguments.of("a transient connection failure", new SQLTransientConnectionException("no connection")),
                Arguments.of("a recoverable failure", new SQLRecoverableException("retry")),
                Arguments.of("a closed connection", new SQLNonTransientConnectionException("closed")),
                Arguments.of("a pool closed by a shutdown", new IllegalStateException("The pool is closed")),
                Arguments.of("deep in the cause chain", new RuntimeException(new RuntimeException(new RuntimeException(
                        new SQLException("refused", "08001"))))));
    }

    static Stream<Arguments> deadLettered() {
        return Stream.of(
                Arguments.of("a bad period", new IllegalArgumentException("bad period")),
                Arguments.of("a unique violation (23505)", new RuntimeException(new SQLException("constraint", "23505"))),
                Arguments.of("a check violation (23514)", new ConstraintViolationException("check", new SQLException("c", "23514"), "ck")),
                Arguments.of("an integrity violation", new SQLIntegrityConstraintViolationException("fk")),
                Arguments.of("a value too long (22001)", new SQLException("too long", "22001")),
                Arguments.of("an SQL error without a state", new SQLException("odd")),
                Arguments.of("unreadable JSON", new IOException("unexpected token")),
                Arguments.of("another illegal state", new IllegalStateException("unsupported event version")),
                Arguments.of("a null pointer", new NullPointerException()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retried")
    void an_unreachable_database_or_a_shutdown_is_retried(String what, Throwable failure) {
        assertThat(InfrastructureFailures.isInfrastructure(failure)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deadLettered")
    void a_failure_of_the_record_itself_is_dead_lettered(String what, Throwable failure) {
        assertThat(InfrastructureFailures.isInfrastructure(failure)).isFalse();
    }
}
