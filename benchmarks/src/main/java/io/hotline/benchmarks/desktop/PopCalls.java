package io.hotline.benchmarks.desktop;

import io.hotline.benchmarks.agi.AsteriskLeg;
import io.hotline.benchmarks.agi.LatencyRecorder;
import io.hotline.benchmarks.agi.RecordedRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Calls at a steady rate through FastAGI, each played as Asterisk plays it: the {@code route} request (a
 * recognised customer's number) until Hotline sets {@code HOTLINE_TARGET}, then, once the offered pop reached the
 * seat's desktop (or {@code popTimeout} passed: the pop is lost), the seat answers ({@code answered}) and the call
 * ends ({@code route?dialstatus=ANSWER}), so the seat is free again. Records offer-to-pop per call.
 * <p>
 * One dispatcher (the caller of {@link #run}) starts calls on their schedule; each runs on a thread of a bounded
 * pool. Not for concurrent runs.
 */
final class PopCalls {
    /** What one phase measured. */
    record Tally(LatencyRecorder latencies, int started, int notRouted, int lost, int wrongSeat, int early,
                 int late, double seconds) {
    }

    private static final AtomicLong NUMBERS = new AtomicLong();

    private final InetSocketAddress server;
    private final RecordedRequest request;
    private final List<String> customers;
    private final Desktops desktops;
    private volatile boolean unknownCallers;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L);

    PopCalls(InetSocketAddress server, RecordedRequest request, List<String> customers, Desktops desktops) {
        this.server = server;
        this.request = request;
        this.customers = List.copyOf(customers);
        this.desktops = desktops;
    }

    /** From now on, calls come from numbers Hotline does not know (true) or from its customers' numbers. */
    void unknownCallers(boolean unknown) {
        unknownCallers = unknown;
    }

    boolean unknownCallers() {
        return unknownCallers;
    }

    /**
     * Starts {@code calls} calls, {@code perSecond} a second, until done or {@code maxSeconds} passed; waits for
     * those started. A call whose start is more than a second behind its schedule is counted {@code late}.
     */
    Tally run(int calls, double perSecond, long popTimeoutMillis, long maxSeconds) throws InterruptedException {
        LatencyRecorder latencies = new LatencyRecorder(calls);
        AtomicInteger notRouted = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger wrongSeat = new AtomicInteger();
        AtomicInteger early = new AtomicInteger();
        int late = 0;
        int started = 0;
        long period = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(256);
        try {
            for (int i = 0; i < calls && System.nanoTime() < deadline; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -TimeUnit.SECONDS.toNanos(1)) {
                    late++;
                }
                started++;
                pool.execute(() -> {
                    long nanos = call(popTimeoutMillis, notRouted, lost, wrongSeat);
                    if (nanos != Long.MIN_VALUE) {
                        if (nanos < 0) {
                            early.incrementAndGet();
                        }
                        synchronized (latencies) {
                            latencies.record(nanos);
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Tally(latencies, started, notRouted.get(), lost.get(), wrongSeat.get(), early.get(), late,
                seconds);
    }

    /** One call; offer-to-pop in nanoseconds, or {@code Long.MIN_VALUE} when not routed or the pop was lost. */
    private long call(long popTimeoutMillis, AtomicInteger notRouted, AtomicInteger lost, AtomicInteger wrongSeat) {
        long number = NUMBERS.incrementAndGet();
        String linkedId = runId + "." + number;
        String caller = unknownCallers ? "+86109" + (10_000_000 + number)
                : customers.get((int) (number % customers.size()));
        CompletableFuture<Desktops.Arrival> pop = desktops.expect(linkedId);
        try {
            AsteriskLeg.Outcome routed;
            try (AsteriskLeg leg = AsteriskLeg.connect(server)) {
                routed = leg.run(request.forSession(linkedId, "PJSIP/carrier-" + number, caller), linkedId);
            }
            if (!"ROUTED".equals(routed.result()) || routed.targetNanos() == 0) {
                notRouted.incrementAndGet();
                return Long.MIN_VALUE;
            }
            long latency = Long.MIN_VALUE;
            try {
                Desktops.Arrival arrival = pop.get(popTimeoutMillis, TimeUnit.MILLISECONDS);
                latency = arrival.nanos() - routed.targetNanos();
                if (!arrival.seat().equals(routed.seat())) {
                    wrongSeat.incrementAndGet();
                }
            } catch (TimeoutException e) {
                lost.incrementAndGet();
            } catch (ExecutionException e) {
                throw new IllegalStateException("pop of " + linkedId, e);
            }
            try (AsteriskLeg seatLeg = AsteriskLeg.connect(server)) {
                seatLeg.run(request.forSession(linkedId + "1", "PJSIP/seat-" + number, caller,
                        "answered?call=" + linkedId + "&seat=" + routed.seat()), linkedId);
            }
            try (AsteriskLeg leg = AsteriskLeg.connect(server)) {
                leg.run(request.forSession(linkedId, "PJSIP/carrier-" + number, caller,
                        "route?dialstatus=ANSWER&seat=" + routed.seat()), linkedId);
            }
            return latency;
        } catch (IOException e) {
            notRouted.incrementAndGet();
            return Long.MIN_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Long.MIN_VALUE;
        } finally {
            desktops.forget(linkedId);
        }
    }
}
