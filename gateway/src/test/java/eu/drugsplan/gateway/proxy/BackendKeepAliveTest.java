package eu.drugsplan.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An idle pooled backend connection must leave the pool before the idle timeout closes it: CI saw a GET answered 504
 * at once ("Connection was closed") when it was handed a connection the idle timeout closed in the same instant.
 */
class BackendKeepAliveTest {

    @ParameterizedTest(name = "keep-alive {0} with idle timeout {1} -> {2} s")
    @CsvSource({"PT10S, PT30S, 10", "PT29.9S, PT30S, 15", "PT60S, PT30S, 15", "PT10S, PT2S, 1", "PT0.5S, PT2S, 1"})
    void the_keep_alive_is_whole_seconds_and_at_most_half_the_idle_timeout(Duration keepAlive, Duration idle,
                                                                          int seconds) {
        assertThat(ApiProxy.keepAliveSeconds(keepAlive, idle)).isEqualTo(seconds);
    }
}
