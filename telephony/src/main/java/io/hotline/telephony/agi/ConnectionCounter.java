package io.hotline.telephony.agi;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open FastAGI connections, in total and per client address, against {@link AgiLimits}'s caps. Admission runs on
 * the accept thread only; releases come from any event loop when a connection closes, so the counts are atomic
 * and an address leaves the map with its last connection. Thread-safe.
 */
final class ConnectionCounter {
    private final int maxConnections;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

    ConnectionCounter(int maxConnections, int maxPerAddress) {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
    }

    /** Counts one more connection from {@code address} and answers null, or answers why it is refused. */
    String admit(InetAddress address) {
        if (total.get() >= maxConnections) {
            return "already " + maxConnections + " connections open (HOTLINE_AGI_MAX_CONNECTIONS)";
        }
        boolean[] admitted = {false};
        perAddress.compute(address, (key, open) -> {
            int count = open == null ? 0 : open;
            admitted[0] = count < maxPerAddress;
            return admitted[0] ? count + 1 : count;
        });
        if (!admitted[0]) {
            return "already " + maxPerAddress + " connections open from this address"
                    + " (HOTLINE_AGI_MAX_CONNECTIONS_PER_ADDRESS)";
        }
        total.incrementAndGet();
        return null;
    }

    /** Forgets one connection from {@code address} admitted earlier. */
    void release(InetAddress address) {
        perAddress.computeIfPresent(address, (key, open) -> open <= 1 ? null : open - 1);
        total.decrementAndGet();
    }

    /** Connections open now. */
    int open() {
        return total.get();
    }
}
