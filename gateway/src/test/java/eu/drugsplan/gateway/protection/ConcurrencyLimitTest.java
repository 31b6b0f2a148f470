package eu.drugsplan.gateway.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

    @Test
    void a_client_at_its_ceiling_is_refused_until_it_gives_one_back() {
        ConcurrencyLimit limit = new ConcurrencyLimit(2);
        assertThat(limit.tryAcquire("AT")).isTrue();
        assertThat(limit.tryAcquire("AT")).isTrue();
        assertThat(limit.tryAcquire("AT")).isFalse();
        assertThat(limit.held("AT")).isEqualTo(2);

        limit.release("AT");
        assertThat(limit.tryAcquire("AT")).isTrue();
    }

    @Test
    void clients_do_not_share_their_ceilings() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1);
        assertThat(limit.tryAcquire("AT")).isTrue();
        assertThat(limit.tryAcquire("BE")).isTrue();
        assertThat(limit.tryAcquire("AT")).isFalse();
    }

    @Test
    void a_client_holding_nothing_is_forgotten_and_a_release_too_many_does_no_harm() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1);
        limit.tryAcquire("AT");
        limit.release("AT");
        limit.release("AT");
        assertThat(limit.held("AT")).isZero();
        assertThat(limit.tryAcquire("AT")).isTrue();
        assertThat(limit.tryAcquire("AT")).isFalse();
    }

    @Test
    void a_ceiling_of_zero_is_no_limit() {
        ConcurrencyLimit limit = new ConcurrencyLimit(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(limit.tryAcquire("AT")).isTrue();
        }
    }
}
