package io.hotline.benchmarks.agi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What one run of {@link AgiLoadGenerator} does. Every run is bounded by {@code sessions} and by
 * {@code maxSeconds}.
 *
 * @param label         names the run in the results, e.g. {@code hotline}
 * @param host          the server's address (loopback only)
 * @param port          the server's port
 * @param sessions      sessions to run in all
 * @param concurrency   sessions open at once at most; equal to {@code sessions} for the hold test
 * @param maxSeconds    the run stops after this long; sessions still open count as timed out
 * @param threads       event-loop threads of the generator
 * @param maxConnecting TCP connects in progress at once at most (below asterisk-java's accept backlog of 200)
 * @param transcript    the {@code *.agi1-recv.raw} file whose environment block is replayed
 * @param customers     how many customers the servers' {@link RouteDecision} knows (to check the work order)
 */
record GeneratorConfig(String label, String host, int port, int sessions, int concurrency, long maxSeconds,
                       int threads, int maxConnecting, Path transcript, int customers) {

    GeneratorConfig {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transcript, "transcript");
        if (!host.startsWith("127.") && !"localhost".equals(host)) {
            throw new IllegalArgumentException("the generator targets loopback only, not " + host);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535: " + port);
        }
        if (sessions < 1 || sessions > 1_000_000) {
            throw new IllegalArgumentException("sessions must be 1-1,000,000: " + sessions);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive: " + concurrency);
        }
        if (maxSeconds < 1 || maxSeconds > 3_600) {
            throw new IllegalArgumentException("maxSeconds must be 1-3600: " + maxSeconds);
        }
        if (threads < 1 || maxConnecting < 1 || customers < 1) {
            throw new IllegalArgumentException("threads, maxConnecting and customers must be positive");
        }
    }
}
