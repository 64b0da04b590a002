package io.hotline.app.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final LoginThrottle throttle = LoginThrottle.standard(clock);

    @Test
    void shouldBlockALoginAfterFiveFailuresUntilTheOldestLeavesTheWindow() {
        // given five failures a minute apart, from different addresses
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.blocked("Alice", "10.0.0." + i)).as("attempt %d", i).isEmpty();
            throttle.failed("alice", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(1));
        }

        // then the login (in any case) is blocked from any address until 15 min after the first failure
        assertThat(throttle.blocked("ALICE", "10.9.9.9")).contains(Duration.ofMinutes(10));
        assertThat(throttle.blocked("bob", "10.9.9.9")).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.blocked("alice", "10.9.9.9")).isEmpty();
    }

    @Test
    void shouldBlockAnAddressAfterTwentyFailuresWhateverTheLogins() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.blocked("user" + i, "10.0.0.7")).isEmpty();
            throttle.failed("user" + i, "10.0.0.7");
        }

        assertThat(throttle.blocked("someone-else", "10.0.0.7")).contains(Duration.ofMinutes(15));
        assertThat(throttle.blocked("someone-else", "10.0.0.8")).isEmpty();
    }

    @Test
    void shouldClearALoginsFailuresOnSuccessButNotItsAddresss() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        throttle.succeeded("alice");
        throttle.failed("alice", "10.0.0.1");

        assertThat(throttle.blocked("alice", "10.0.0.1")).isEmpty();
        for (int i = 0; i < 15; i++) {
            throttle.failed("other" + i, "10.0.0.1");
        }
        assertThat(throttle.blocked("alice", "10.0.0.1")).isPresent();
    }

    @Test
    void shouldForgetExpiredKeysWhenTheTableGrows() {
        for (int i = 0; i <= LoginThrottle.PRUNE_AT; i++) {
            throttle.failed("guess" + i, "10.0." + i / 250 + "." + i % 250);
        }
        clock.advance(Duration.ofMinutes(16));

        assertThat(throttle.trackedKeys()).isGreaterThan(LoginThrottle.PRUNE_AT);

        throttle.failed("fresh", "10.1.1.1");

        assertThat(throttle.trackedKeys()).isEqualTo(2);
        assertThat(throttle.blocked("guess1", "10.2.2.2")).isEmpty();
    }
}
