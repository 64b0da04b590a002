package io.hotline.benchmarks.ami;

import io.hotline.telephony.ami.AmiConnection;
import io.hotline.telephony.ami.AmiEvent;
import io.hotline.telephony.ami.AmiObserver;
import io.hotline.telephony.ami.AmiServerConfig;
import io.hotline.telephony.ami.PbxView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hotline's path: the production {@link AmiConnection} (asterisk-java underneath, its listener translating each
 * event into an {@link AmiEvent} record), each record applied to the production {@link PbxView} (channels, device
 * states, the routing events it derives for the recording's three agent seats, counted) and then offered to a
 * bounded inbox like the routing engine's: an
 * {@link ArrayBlockingQueue} of {@code inboxCapacity} that a consumer thread ({@code routing-inbox}) drains in
 * batches of up to {@value #BATCH}, as {@code RoutingInbox.drainTo} does; it only counts what it takes. A full
 * inbox refuses the record, which counts as dropped. The {@link AmiObserver} counts every event the connection's
 * listener sees (translated or not) with its lag. Sink and observer run on asterisk-java's event pump; the drain
 * runs on its own thread until closed or {@code lifetimeNanos} pass.
 */
final class HotlineEventClient implements EventClient {
    /** How Hotline is named in results. */
    static final String LABEL = "hotline";
    private static final int BATCH = 1_024;
    private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final EventTally tally = new EventTally();
    private final BlockingQueue<AmiEvent> inbox;
    private final long lifetimeNanos;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong drained = new AtomicLong();
    private final AtomicLong routed = new AtomicLong();
    private final PbxView view = new PbxView(event -> {
        routed.setRelease(routed.getPlain() + 1);
        return true;
    });
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch settled = new CountDownLatch(1);
    private final Thread drain;
    private volatile boolean closed;
    private AmiConnection connection;

    HotlineEventClient(int inboxCapacity, long lifetimeNanos) {
        this.inbox = new ArrayBlockingQueue<>(inboxCapacity);
        this.lifetimeNanos = lifetimeNanos;
        this.drain = new Thread(this::drainLoop, "routing-inbox");
        drain.setDaemon(true);
    }

    @Override
    public void start(int port) {
        AmiServerConfig config = AmiServerConfig.of("bench", "127.0.0.1", port, USERNAME, SECRET)
                .withTiming(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(100),
                        Duration.ofSeconds(1));
        for (String agent : new String[] {"agent1001", "agent1002", "agent2001"}) {
            view.seat("PJSIP/" + agent, agent);
        }
        connection = new AmiConnection(config, this::offer, new CountingObserver());
        drain.start();
        connection.start();
    }

    /** The sink: offer and return, never block. */
    private boolean offer(AmiEvent event) {
        view.offer(event);
        boolean taken = inbox.offer(event);
        if (taken) {
            accepted.setRelease(accepted.getPlain() + 1);
        }
        tally.translated(taken);
        if (event instanceof AmiEvent.DeviceStateChanged change) {
            tally.marker(StreamMarker.of(change.device()));
        }
        return taken;
    }

    private void drainLoop() {
        List<AmiEvent> batch = new ArrayList<>(BATCH);
        long deadline = System.nanoTime() + lifetimeNanos;
        try {
            while (!closed && System.nanoTime() < deadline) {
                AmiEvent first = inbox.poll(DRAIN_POLL_NANOS, TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                    inbox.drainTo(batch, BATCH - 1);
                    drained.setRelease(drained.getPlain() + batch.size());
                    batch.clear();
                }
                if (tally.endNanos() != 0 && drained.getPlain() == accepted.getAcquire()) {
                    settled.countDown();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean awaitReady(long deadlineNanos) throws InterruptedException {
        return EventClient.awaitUntil(ready, deadlineNanos);
    }

    @Override
    public EventTally tally() {
        return tally;
    }

    @Override
    public boolean awaitSettled(long deadlineNanos) throws InterruptedException {
        return EventClient.awaitUntil(settled, deadlineNanos);
    }

    @Override
    public void close() {
        closed = true;
        if (connection != null) {
            connection.close();
        }
    }

    /** Counts every event the connection's listener sees; ready once the post-login resync is done. */
    private final class CountingObserver implements AmiObserver {
        @Override
        public void event(String server, String type, long lagMillis) {
            tally.dispatched(lagMillis);
        }

        @Override
        public void resynced(String server, int channels) {
            ready.countDown();
        }
    }
}
