package io.hotline.benchmarks.ami;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One run of {@link AmiEventThroughput}.
 *
 * @param events        recorded events per flood (the recording repeated; the two markers come on top)
 * @param rounds        measured rounds; each floods Hotline once and asterisk-java once, the order alternating
 * @param warmupRounds  rounds before those, run the same way and reported as warm-up
 * @param maxSeconds    the most one flood may take, login to drained inbox; a late flood is cut and reported so
 * @param transcript    the recorded AMI session ({@code .ami-recv.raw}) whose events are replayed
 * @param inboxCapacity the bounded inbox behind Hotline's connection (the routing inbox holds 65,536)
 */
record ThroughputConfig(long events, int rounds, int warmupRounds, long maxSeconds, Path transcript,
                        int inboxCapacity) {
    /** The routing engine's inbox capacity in the application ({@code RoutingService.INBOX_CAPACITY}). */
    static final int ROUTING_INBOX_CAPACITY = 65_536;

    ThroughputConfig {
        Objects.requireNonNull(transcript, "transcript");
        if (events < 1) {
            throw new IllegalArgumentException("events must be positive: " + events);
        }
        if (rounds < 1 || warmupRounds < 0) {
            throw new IllegalArgumentException("rounds must be positive and warm-up rounds not negative: " + rounds
                    + ", " + warmupRounds);
        }
        if (maxSeconds < 1 || inboxCapacity < 1) {
            throw new IllegalArgumentException("maxSeconds and inboxCapacity must be positive: " + maxSeconds + ", "
                    + inboxCapacity);
        }
    }
}
