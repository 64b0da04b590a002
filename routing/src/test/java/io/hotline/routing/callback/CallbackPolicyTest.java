package io.hotline.routing.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackPolicyTest {
    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void shouldRetryAnUnansweredAttemptAfterTheDelayUntilTheLastAttempt() {
        CallbackPolicy policy = new CallbackPolicy(3, Duration.ofMinutes(10));

        assertThat(policy.after(1, CallbackOutcome.NO_ANSWER, AT))
                .isEqualTo(new CallbackPolicy.Next(null, AT.plus(Duration.ofMinutes(10))));
        assertThat(policy.after(2, CallbackOutcome.FAILED, AT).retryAt()).isEqualTo(AT.plusSeconds(600));
        assertThat(policy.after(3, CallbackOutcome.NO_ANSWER, AT))
                .isEqualTo(new CallbackPolicy.Next(CallbackOutcome.NO_ANSWER, null));
    }

    @Test
    void shouldEndAConnectedCallbackAtOnceAndRejectNonsense() {
        CallbackPolicy policy = CallbackPolicy.DEFAULT;

        assertThat(policy.after(1, CallbackOutcome.CONNECTED, AT).finished()).isTrue();
        assertThat(policy.after(1, CallbackOutcome.CONNECTED, AT).finalOutcome())
                .isEqualTo(CallbackOutcome.CONNECTED);
        assertThatThrownBy(() -> new CallbackPolicy(0, Duration.ofMinutes(1)))
                .hasMessageContaining("attempts");
        assertThatThrownBy(() -> new CallbackPolicy(3, Duration.ZERO)).hasMessageContaining("retry delay");
    }
}
