package io.hotline.benchmarks.ami;

import ch.qos.logback.classic.Level;
import io.hotline.benchmarks.CommandLineOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AMI events per second from the socket to the routing inbox: Hotline's {@code AmiConnection} (asterisk-java's
 * reader and event pump, then Hotline's translation into records and a bounded inbox; {@link HotlineEventClient})
 * against asterisk-java's own dispatch of the same stream to a listener that only counts
 * ({@link AsteriskJavaEventClient}), in the same JVM, round by round, the order alternating. The stream comes from
 * {@link EventFloodServer} on 127.0.0.1: the recorded events of a real Asterisk 22 call repeated up to
 * {@code events}. Each flood is timed from its first byte written to its end marker counted, and bounded by
 * {@code max-seconds}.
 * <p>
 * {@code java -cp benchmarks.jar io.hotline.benchmarks.ami.AmiEventThroughput [--events 500000] [--rounds 5]
 * [--warmup-rounds 1] [--max-seconds 120] [--inbox-capacity 65536] [--transcript ...01-*.ami-recv.raw]
 * [--results file.jsonl]} logs one JSON line per client and round, then a summary table with the medians.
 */
public final class AmiEventThroughput {
    /** The recording replayed by default, relative to the repository root. */
    public static final String DEFAULT_TRANSCRIPT =
            "testdata/asterisk-transcripts/01-queue-tier1-answered-caller-hangs-up.ami-recv.raw";
    private static final Logger LOG = LoggerFactory.getLogger(AmiEventThroughput.class);
    private static final Set<String> OPTIONS = Set.of("events", "rounds", "warmup-rounds", "max-seconds",
            "inbox-capacity", "transcript", "results");
    /** Allowed past a flood's deadline for its writer thread to notice it and report. */
    private static final long GRACE_SECONDS = 5;

    private AmiEventThroughput() {
    }

    /** Which client a flood goes to. */
    private enum Side {
        HOTLINE(HotlineEventClient.LABEL),
        ASTERISK_JAVA(AsteriskJavaEventClient.LABEL);

        private final String label;

        Side(String label) {
            this.label = label;
        }

        EventClient create(ThroughputConfig config) {
            long lifetime = TimeUnit.SECONDS.toNanos(config.maxSeconds() + GRACE_SECONDS);
            return this == HOTLINE ? new HotlineEventClient(config.inboxCapacity(), lifetime)
                    : new AsteriskJavaEventClient();
        }
    }

    /** Runs every round against one flood server and returns the results in the order they ran. */
    public static List<RoundResult> run(ThroughputConfig config) throws IOException, InterruptedException {
        RecordedEvents recording = RecordedEvents.read(config.transcript());
        int total = config.warmupRounds() + config.rounds();
        long idleMillis = TimeUnit.SECONDS.toMillis(config.maxSeconds() + 60);
        List<RoundResult> results = new ArrayList<>();
        try (EventFloodServer server = EventFloodServer.start(recording, EventClient.USERNAME, EventClient.SECRET,
                2 * total + 2, idleMillis)) {
            for (int round = 1; round <= total; round++) {
                // Alternate who goes first, so that a drift of the shared machine does not favour one side.
                List<Side> order = round % 2 == 1 ? List.of(Side.HOTLINE, Side.ASTERISK_JAVA)
                        : List.of(Side.ASTERISK_JAVA, Side.HOTLINE);
                for (Side side : order) {
                    RoundResult result = flood(server, side, config, round, round <= config.warmupRounds());
                    LOG.info("{} {}", result.warmup() ? "WARM-UP" : "ROUND", result.toJson());
                    results.add(result);
                }
            }
        }
        return results;
    }

    /** One flood to one fresh client: log in, flood, wait for the end marker and the drained inbox, log off. */
    private static RoundResult flood(EventFloodServer server, Side side, ThroughputConfig config, int round,
                                     boolean warmup) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.maxSeconds());
        try (EventClient client = side.create(config)) {
            client.start(server.port());
            if (!client.awaitReady(deadline)) {
                throw new IllegalStateException(side.label + " did not log in within " + config.maxSeconds()
                        + " s");
            }
            EventTally tally = client.tally();
            ContextSwitches switchesBefore = ContextSwitches.now();
            long cpuBefore = processCpuMillis();
            CompletableFuture<EventFloodServer.Playback> playing = server.play(config.events(), tally.ended(),
                    deadline);
            boolean ended = tally.awaitEnd(deadline);
            long cpuMillis = cpuBefore < 0 ? -1 : processCpuMillis() - cpuBefore;
            long switches = ContextSwitches.now().since(switchesBefore);
            EventFloodServer.Playback playback = finished(playing, deadline);
            boolean settled = ended && client.awaitSettled(deadline);
            double seconds = ended ? (tally.endNanos() - playback.startNanos()) / 1e9 : config.maxSeconds();
            LagHistogram lag = tally.lag();
            boolean complete = ended && settled && playback.complete();
            return new RoundResult(side.label, round, warmup, playback.eventsWritten(), tally.dispatchedCount(),
                    tally.translatedCount(), tally.droppedCount(), seconds, cpuMillis, switches, complete,
                    playback.endMarkers(), lag.percentile(0.5), lag.percentile(0.99), lag.percentile(1));
        }
    }

    private static EventFloodServer.Playback finished(CompletableFuture<EventFloodServer.Playback> playing,
                                                      long deadline) throws IOException, InterruptedException {
        long left = deadline - System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        try {
            return playing.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IOException("the flood failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the flood's writer did not stop at its deadline", e);
        }
    }

    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /** Runs the benchmark as the options say and logs the results; see the class comment. */
    public static void main(String[] args) throws IOException, InterruptedException {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS);
        quietAsteriskJava();
        ThroughputConfig config = new ThroughputConfig(options.number("events", 500_000),
                options.integer("rounds", 5), options.integer("warmup-rounds", 1),
                options.number("max-seconds", 120), Path.of(options.text("transcript", DEFAULT_TRANSCRIPT)),
                options.integer("inbox-capacity", ThroughputConfig.ROUTING_INBOX_CAPACITY));
        LOG.info("AMI flood: {} events per flood, {} warm-up + {} measured rounds, {}, JDK {}, {} cores",
                config.events(), config.warmupRounds(), config.rounds(), config.transcript().getFileName(),
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        List<RoundResult> results = run(config);
        LOG.info("SUMMARY\n{}", ThroughputReport.table(results));
        String file = options.text("results", null);
        if (file != null) {
            append(Path.of(file), results);
        }
    }

    /**
     * asterisk-java warns with a whole event dump whenever one listener call or one read takes a millisecond or more
     * ("Slow processing of event"), dozens of times per warm-up; its errors (a full event queue) stay visible.
     */
    private static void quietAsteriskJava() {
        if (LoggerFactory.getLogger("org.asteriskjava") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.ERROR);
        }
    }

    private static void append(Path path, List<RoundResult> results) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        StringBuilder lines = new StringBuilder();
        results.forEach(result -> lines.append(result.toJson()).append('\n'));
        Files.writeString(path, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
