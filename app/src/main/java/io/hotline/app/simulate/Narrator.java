package io.hotline.app.simulate;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints what happens in the simulation, one readable line per event, stamped with the seconds since the start:
 * a caller arrives, is routed to a seat (and how long that took), the seat answers, they talk, the seat wraps up.
 * Listens to the PBX's channels ({@link PbxListener}) for the live events; the {@link Simulation} adds the end of
 * each call and the seats' feature codes. Thread-safe: per-call state in a concurrent map, one line printed at a
 * time.
 */
final class Narrator implements PbxListener {
    private static final String TRUNK = "PJSIP/carrier-";
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final Tally tally;
    private final Map<String, CallState> calls = new ConcurrentHashMap<>();

    Narrator(PrintStream out, Tally tally) {
        this.out = out;
        this.tally = tally;
    }

    /** What the narrator remembers of one caller's call. */
    private static final class CallState {
        final long arrivedNanos = System.nanoTime();
        final String number;
        volatile long answeredNanos;
        volatile String seat;
        volatile boolean routed;

        CallState(String number) {
            this.number = number;
        }
    }

    @Override
    public void channelCreated(SimulatedChannel channel) {
        if (channel.name().startsWith(TRUNK)) {
            calls.put(channel.linkedId(), new CallState(channel.callerNumber()));
            tally.arrived();
            say("caller " + channel.callerNumber() + " arrives, dials " + channel.dialledNumber());
        }
    }

    @Override
    public void dialBegan(SimulatedChannel caller, SimulatedChannel leg, String dialString) {
        CallState call = calls.get(caller.linkedId());
        if (call == null) {
            return;
        }
        long millis = (System.nanoTime() - call.arrivedNanos) / 1_000_000;
        if (!call.routed) {
            call.routed = true;
            tally.routed(millis);
        }
        call.seat = seatName(dialString);
        say("caller " + call.number + " routed to seat " + call.seat + (millis < 1_000 ? " in " + millis + " ms"
                : " after waiting " + seconds(millis)));
    }

    @Override
    public void dialEnded(SimulatedChannel caller, SimulatedChannel leg, String status) {
        CallState call = calls.get(caller.linkedId());
        if (call != null && !"ANSWER".equals(status)) {
            say("seat " + call.seat + " did not take the call of " + call.number + " (" + status + ")");
        }
    }

    @Override
    public void bridged(SimulatedChannel caller, SimulatedChannel leg) {
        CallState call = calls.get(caller.linkedId());
        if (call != null) {
            call.answeredNanos = System.nanoTime();
            tally.answered();
            say("seat " + call.seat + " answers " + call.number);
        }
    }

    @Override
    public void channelHungUp(SimulatedChannel channel, int cause) {
        CallState call = calls.get(channel.linkedId());
        if (call != null && call.answeredNanos != 0 && !channel.name().startsWith(TRUNK)
                && channel.experience().contains("answered")) {
            long talked = (System.nanoTime() - call.answeredNanos) / 1_000_000;
            tally.talked(talked);
            say("caller " + call.number + " talked " + seconds(talked) + " with seat " + call.seat + ", "
                    + (channel.experience().contains("hung up") ? "the seat hung up" : "the caller hung up"));
        }
    }

    /** Forgets the call of {@code linkedId}; returns how long it lasted in ms. */
    long finished(String linkedId) {
        CallState call = calls.remove(linkedId);
        return call == null ? 0 : (System.nanoTime() - call.arrivedNanos) / 1_000_000;
    }

    /** Prints {@code line} stamped with the time since the start. */
    void say(String line) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        synchronized (out) {
            out.println(String.format(Locale.ROOT, "[%6.1fs] %s", elapsed, line));
        }
    }

    /** {@code 1001} of {@code PJSIP/1001}. */
    static String seatName(String endpoint) {
        return endpoint.substring(endpoint.indexOf('/') + 1);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
