package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.ladder.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The hand-over of the engine's offers to callers who are registering: an offer reaches its caller exactly once,
 * whether the caller registers before, after or while the routing thread hands the offer over.
 */
class WaitingCallersTest {
    private static final String CALL = "1796626427.28";

    @Test
    void shouldHandAnOfferToTheCallerWhoRegistersWhileTheRoutingThreadKeepsItForLater() throws Exception {
        // The escalate session offers EscalationRequested to the engine, then registers; the engine's OfferCall for
        // the tier-2 seat may be handed over in between: found nobody waiting, about to keep it in the mailbox.
        // On a loaded machine that offer was lost and the caller waited with music on hold for good.
        OnReadClock clock = new OnReadClock();
        WaitingCallers callers = new WaitingCallers(clock, Duration.ofMinutes(2));
        Waiter caller = new Waiter();
        AtomicReference<Thread> registering = new AtomicReference<>();
        CountDownLatch registered = new CountDownLatch(1);
        clock.onNextRead(() -> {
            Thread session = new Thread(() -> {
                assertThat(callers.register(CALL, caller)).isTrue();
                registered.countDown();
            }, "agi-session");
            registering.set(session);
            session.start();
            // The session registers now, or waits until the hand-over is done: either way before offer() goes on.
            await().atMost(Duration.ofSeconds(5)).until(() -> session.getState() == Thread.State.BLOCKED
                    || session.getState() == Thread.State.WAITING || registered.getCount() == 0);
        });

        callers.offer(offerTo(CALL, "seat-21"));

        assertThat(registered.await(5, TimeUnit.SECONDS)).isTrue();
        registering.get().join(5_000);
        assertThat(caller.offers).extracting(RoutingCommand.OfferCall::seatId).containsExactly("seat-21");
    }

    @Test
    void shouldHandEachOfferOverExactlyOnceWhenCallersRegisterAtTheSameTime() throws Exception {
        for (int round = 0; round < 500; round++) {
            WaitingCallers callers = new WaitingCallers(InstantSource.system(), Duration.ofMinutes(2));
            Waiter caller = new Waiter();
            String call = CALL + "-" + round;
            CountDownLatch start = new CountDownLatch(1);
            Thread session = new Thread(() -> {
                awaitQuietly(start);
                callers.register(call, caller);
            });
            session.start();
            start.countDown();
            callers.offer(offerTo(call, "seat-21"));
            session.join(5_000);
            assertThat(caller.offers).as("round %d", round).hasSize(1);
        }
    }

    @Test
    void shouldKeepAnOfferForACallerWhoRegistersLater() {
        WaitingCallers callers = new WaitingCallers(InstantSource.system(), Duration.ofMinutes(2));
        Waiter caller = new Waiter();

        callers.offer(offerTo(CALL, "seat-21"));
        assertThat(caller.offers).isEmpty();
        assertThat(callers.register(CALL, caller)).isTrue();

        assertThat(caller.offers).extracting(RoutingCommand.OfferCall::seatId).containsExactly("seat-21");
        assertThat(callers.register(CALL, new Waiter())).as("a second session for the same call").isFalse();
    }

    private static RoutingCommand.OfferCall offerTo(String call, String seat) {
        return new RoutingCommand.OfferCall(call, seat, "PJSIP/2001", Tier.TIER2, 41L, Duration.ofSeconds(15),
                "escalated");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The system clock, running a hook once, the next time it is read. */
    private static final class OnReadClock implements InstantSource {
        private final AtomicReference<Runnable> hook = new AtomicReference<>();

        void onNextRead(Runnable action) {
            hook.set(action);
        }

        @Override
        public Instant instant() {
            Runnable action = hook.getAndSet(null);
            if (action != null) {
                action.run();
            }
            return Instant.now();
        }
    }

    /** A caller in AGI that records the offers it is handed, on the thread that hands them over. */
    private static final class Waiter implements CallWaiter {
        private final List<RoutingCommand.OfferCall> offers = new CopyOnWriteArrayList<>();

        @Override
        public void offered(RoutingCommand.OfferCall offer) {
            offers.add(offer);
        }

        @Override
        public void announce(RoutingCommand.AnnounceWait announcement) {
            throw new AssertionError("no announcement expected");
        }

        @Override
        public void offerCallback(RoutingCommand.OfferCallback offer) {
            throw new AssertionError("no callback offer expected");
        }

        @Override
        public void afterHours(RoutingCommand.PlayAfterHours afterHours) {
            throw new AssertionError("not after hours");
        }

        @Override
        public void handToFallback() {
            throw new AssertionError("no hand-off to the fallback expected");
        }

        @Override
        public void redirecting() {
            throw new AssertionError("no redirect expected");
        }

        @Override
        public void redirected() {
            throw new AssertionError("no redirect expected");
        }

        @Override
        public void redirectFailed() {
            throw new AssertionError("no redirect expected");
        }

        @Override
        public Executor executor() {
            return Runnable::run;
        }
    }
}
