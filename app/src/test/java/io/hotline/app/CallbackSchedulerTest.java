package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.callback.CallbackPolicy;
import io.hotline.routing.callback.DueCallback;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.spi.CallbackLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The callback scheduler against a small in-memory ledger: the restart rule, feeding routing, the retry rule. */
class CallbackSchedulerTest {
    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** A ledger in memory: PENDING callbacks, released and claimed in order; every call recorded. */
    private static final class FakeLedger implements CallbackLedger {
        final List<DueCallback> pending = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public int releaseDialling() {
            calls.add("releaseDialling");
            return 1;
        }

        @Override
        public List<DueCallback> claimDue(Instant now, int limit) {
            calls.add("claimDue");
            List<DueCallback> due = new ArrayList<>(pending);
            pending.clear();
            return due;
        }

        @Override
        public void release(long callbackId) {
            calls.add("release " + callbackId);
        }

        @Override
        public void recordAttempt(long callbackId, int attempt, CallbackOutcome outcome, String seatId, Instant at,
                                  Instant retryAt) {
            calls.add("record " + callbackId + " #" + attempt + " " + outcome + " " + seatId + " retry " + retryAt);
        }

        @Override
        public long schedule(long workOrderId, String number, String seatId, Instant requestedAt, Instant dueAt) {
            throw new UnsupportedOperationException("not used by the scheduler");
        }

        @Override
        public List<OpenCallback> open(int limit) {
            throw new UnsupportedOperationException("not used by the scheduler");
        }
    }

    @Test
    void shouldReleaseWhatTheLastRunClaimedBeforeFeedingRoutingTheCallbacksDueWithTheirPlace() {
        FakeLedger ledger = new FakeLedger();
        Instant place = NOW.minus(Duration.ofMinutes(20));
        ledger.pending.add(new DueCallback(7, 42, "tier2", "02161234567", place, 2));
        ledger.pending.add(new DueCallback(8, 43, null, "02161234568", place, 1));
        ConcurrentLinkedQueue<RoutingEvent> routing = new ConcurrentLinkedQueue<>();

        try (CallbackScheduler scheduler = new CallbackScheduler(ledger, CallbackPolicy.DEFAULT,
                InstantSource.fixed(NOW))) {
            // the inbox takes the first and refuses the second (full)
            scheduler.start(event -> routing.isEmpty() && routing.add(event), Duration.ofMillis(50));

            await().atMost(PATIENCE).until(() -> ledger.calls.contains("release 8"));
        }

        assertThat(ledger.calls.get(0)).isEqualTo("releaseDialling");
        assertThat(ledger.calls.get(1)).isEqualTo("claimDue");
        assertThat(routing).containsExactly(new RoutingEvent.CallbackDue(7, 42, "tier2", "02161234567", place, 2));
        assertThat(routing.peek()).satisfies(due -> assertThat(((RoutingEvent.CallbackDue) due).callId())
                .isEqualTo("cb-7-2"));
    }

    @Test
    void shouldRecordARetryForAnUnansweredAttemptAndTheEndAfterTheLast() {
        FakeLedger ledger = new FakeLedger();

        try (CallbackScheduler scheduler = new CallbackScheduler(ledger, new CallbackPolicy(2,
                Duration.ofMinutes(10)), InstantSource.fixed(NOW))) {
            scheduler.attempted(new RoutingCommand.CallbackAttempted("cb-7-1", 7, 42, "S101", 1,
                    CallbackOutcome.NO_ANSWER, Duration.ZERO));
            scheduler.attempted(new RoutingCommand.CallbackAttempted("cb-7-2", 7, 42, "S102", 2,
                    CallbackOutcome.NO_ANSWER, Duration.ZERO));
            scheduler.attempted(new RoutingCommand.CallbackAttempted("cb-8-1", 8, 43, "S101", 1,
                    CallbackOutcome.CONNECTED, Duration.ofSeconds(60)));

            await().atMost(PATIENCE).until(() -> ledger.calls.size() == 3);
        }

        assertThat(ledger.calls).containsExactly(
                "record 7 #1 NO_ANSWER S101 retry " + NOW.plus(Duration.ofMinutes(10)),
                "record 7 #2 NO_ANSWER S102 retry null",
                "record 8 #1 CONNECTED S101 retry null");
    }
}
