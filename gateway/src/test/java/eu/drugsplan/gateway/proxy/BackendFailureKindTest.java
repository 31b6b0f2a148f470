package eu.drugsplan.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.gateway.protection.BodyStalledException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** How each failure Vert.x reports is told to the client (the messages are Vert.x 4.5's own). */
class BackendFailureKindTest {

    @Test
    void each_failure_has_its_answer() {
        assertThat(BackendFailure.Kind.of(new BodyStalledException(1000)).status.code()).isEqualTo(408);
        assertThat(BackendFailure.Kind.of(new NoStackTraceTimeoutException(
                "The timeout of 1000 ms has been exceeded when getting a connection to 127.0.0.1:8081")))
                .isEqualTo(BackendFailure.Kind.POOL_BUSY);
        assertThat(BackendFailure.Kind.of(new ConnectionPoolTooBusyException(
                "Connection pool reached max wait queue size of 256"))).isEqualTo(BackendFailure.Kind.POOL_BUSY);
        assertThat(BackendFailure.Kind.POOL_BUSY.status.code()).isEqualTo(503);
        assertThat(BackendFailure.Kind.of(new HttpClosedException("Connection was closed")).status.code()).isEqualTo(504);
        assertThat(BackendFailure.Kind.of(new ConnectException("Connection refused")))
                .isEqualTo(BackendFailure.Kind.UNAVAILABLE);
    }
}
