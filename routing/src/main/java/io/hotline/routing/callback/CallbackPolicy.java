package io.hotline.routing.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a callback is tried again: an attempt that did not reach the customer is retried {@code retryDelay} later,
 * until {@code attempts} attempts were made; then the callback is given up with the last attempt's outcome. A
 * connected attempt ends the callback. Immutable; validated at construction.
 *
 * @param attempts   how many attempts at the customer at most (HOTLINE_CALLBACK_ATTEMPTS, default 3)
 * @param retryDelay how long after an unanswered attempt the next one is due (HOTLINE_CALLBACK_RETRY_DELAY,
 *                   default 10 minutes)
 */
public record CallbackPolicy(int attempts, Duration retryDelay) {
    /** Three attempts, ten minutes apart. */
    public static final CallbackPolicy DEFAULT = new CallbackPolicy(3, Duration.ofMinutes(10));

    public CallbackPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("callback attempts must be at least 1: " + attempts);
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (retryDelay.isNegative() || retryDelay.isZero()) {
            throw new IllegalArgumentException("callback retry delay must be positive: " + retryDelay);
        }
    }

    /**
     * What follows attempt number {@code attempt} (1 for the first) that ended with {@code outcome} at {@code at}.
     */
    public Next after(int attempt, CallbackOutcome outcome, Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        if (outcome == CallbackOutcome.CONNECTED || attempt >= attempts) {
            return new Next(outcome, null);
        }
        return new Next(null, at.plus(retryDelay));
    }

    /**
     * The callback after an attempt: done or given up ({@code finalOutcome}), or due again at {@code retryAt}.
     * Exactly one of the two is set.
     */
    public record Next(CallbackOutcome finalOutcome, Instant retryAt) {
        /** Whether the callback is finished (connected or given up). */
        public boolean finished() {
            return finalOutcome != null;
        }
    }
}
