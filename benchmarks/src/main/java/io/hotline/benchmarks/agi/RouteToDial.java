package io.hotline.benchmarks.agi;

import io.hotline.benchmarks.CommandLineOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route-to-dial of a whole running Hotline: the time from the moment Asterisk's {@code route} request is sent
 * (the recorded environment block of transcript 01, a recognised customer's number) until Hotline sets
 * {@code HOTLINE_TARGET}, with a ready seat waiting. Each simulated call then plays the rest of what Asterisk
 * does: the seat answers ({@code answered} on the seat's leg) and the conversation ends ({@code route} again with
 * {@code dialstatus=ANSWER}), so the seat is free again (run Hotline with {@code wrap-up = 0s}).
 * <p>
 * {@code java -cp benchmarks.jar io.hotline.benchmarks.agi.RouteToDial --port 14575 --db-url jdbc:mysql://...
 * [--concurrency 1,10,100] [--calls 2000] [--warmup-calls 1000] [--max-seconds 60] [--first-call true]
 * [--talk-ms-per-caller 10] [--label new] [--results file.jsonl]}: logs every active seat in from its phone
 * ({@code seat?action=login}),
 * then either measures the first call only ({@code --first-call true}: run right after Hotline started) or, for
 * each concurrency, warms up and measures {@code calls} calls with that many callers at once. Bounded in calls
 * and seconds; loopback only. One JSON line per measurement is appended to the results file.
 */
public final class RouteToDial {
    private static final Logger LOG = LoggerFactory.getLogger(RouteToDial.class);
    private static final Set<String> OPTIONS = Set.of("host", "port", "db-url", "db-user", "db-password",
            "concurrency", "calls", "warmup-calls", "max-seconds", "first-call", "label", "results", "transcript",
            "talk-ms-per-caller");
    private static final AtomicLong CALL_NUMBERS = new AtomicLong();

    private final InetSocketAddress server;
    private final RecordedRequest request;
    private final List<String> customers;
    /** How long each simulated conversation lasts, for the run under way. */
    private volatile long talkMillis;
    /** Request until {@code HOTLINE_CALL} (the caller recognised), for the measured run under way. */
    private volatile LatencyRecorder lookUps = new LatencyRecorder(0);
    /** The route's stages, for the measured run under way. */
    private volatile RouteStages stages = new RouteStages(0);
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L);

    private RouteToDial(InetSocketAddress server, RecordedRequest request, List<String> customers) {
        this.server = server;
        this.request = request;
        this.customers = customers;
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS);
        InetSocketAddress server = new InetSocketAddress(options.text("host", "127.0.0.1"),
                options.integer("port", 14575));
        String url = options.text("db-url", null);
        if (url == null) {
            throw new IllegalArgumentException("--db-url is required (the database the Hotline under test uses)");
        }
        List<String> seats;
        List<String> customers;
        try (Connection connection = DriverManager.getConnection(url, options.text("db-user", "root"),
                options.text("db-password", ""))) {
            seats = strings(connection, "SELECT sip_endpoint FROM seat WHERE active ORDER BY id");
            customers = strings(connection, "SELECT phone_number FROM customer_phone ORDER BY id");
        }
        RouteToDial bench = new RouteToDial(server, RecordedRequest.read(Path.of(options.text("transcript",
                AgiLoadGenerator.DEFAULT_TRANSCRIPT))), customers);
        bench.logIn(seats);
        String label = options.text("label", "hotline");
        Path results = Path.of(options.text("results", "benchmarks/target/route-to-dial.jsonl"));
        if (Boolean.parseBoolean(options.text("first-call", "false"))) {
            LatencyRecorder first = new LatencyRecorder(1);
            bench.stages = new RouteStages(1);
            bench.calls(1, 1, first, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
            append(results, String.format(Locale.ROOT, "{\"label\":\"%s\",\"kind\":\"first\",\"ms\":%.3f,"
                    + "\"stages_ms\":%s}", label, first.percentileMillis(1.0), bench.stages.json()));
            return;
        }
        long maxNanos = TimeUnit.SECONDS.toNanos(options.integer("max-seconds", 60));
        for (String level : options.text("concurrency", "1,10,100").split(",")) {
            int concurrency = Integer.parseInt(level.trim());
            int calls = options.integer("calls", 2000);
            // Paced: each caller talks concurrency x this long, so every level sees about the same call rate.
            bench.talkMillis = concurrency * options.number("talk-ms-per-caller", 0);
            bench.calls(concurrency, options.integer("warmup-calls", 1000), new LatencyRecorder(0),
                    System.nanoTime() + maxNanos);
            LatencyRecorder latencies = new LatencyRecorder(calls);
            bench.lookUps = new LatencyRecorder(calls);
            bench.stages = new RouteStages(calls);
            long started = System.nanoTime();
            int failed = bench.calls(concurrency, calls, latencies, started + maxNanos);
            double seconds = (System.nanoTime() - started) / 1e9;
            String line = String.format(Locale.ROOT, "{\"label\":\"%s\",\"kind\":\"warm\",\"concurrency\":%d,"
                            + "\"talk_ms\":%d,\"calls\":%d,\"failed\":%d,\"calls_per_s\":%.1f,\"p50_ms\":%.3f,"
                            + "\"p99_ms\":%.3f,\"p999_ms\":%.3f,\"max_ms\":%.3f,\"recognised_p50_ms\":%.3f,"
                            + "\"recognised_p99_ms\":%.3f,\"stages_ms\":%s}", label, concurrency, bench.talkMillis,
                    latencies.count(), failed,
                    latencies.count() / seconds, latencies.percentileMillis(0.5), latencies.percentileMillis(0.99),
                    latencies.percentileMillis(0.999), latencies.percentileMillis(1.0),
                    bench.lookUps.percentileMillis(0.5), bench.lookUps.percentileMillis(0.99), bench.stages.json());
            LOG.info("{}", line);
            append(results, line);
        }
    }

    /** Logs each seat in from its phone, as {@code *21} does. */
    private void logIn(List<String> seats) throws IOException {
        int refused = 0;
        for (String seat : seats) {
            try (AsteriskLeg phone = AsteriskLeg.connect(server)) {
                String id = runId + "9" + CALL_NUMBERS.incrementAndGet();
                AsteriskLeg.Outcome outcome = phone.run(request.forSession(id, seat + "-00000001", seat,
                        "seat?action=login"), id);
                if (!"OK".equals(outcome.result())) {
                    refused++;
                }
            }
        }
        LOG.info("{} seats logged in ({} refused)", seats.size() - refused, refused);
    }

    /**
     * Places {@code calls} calls, {@code concurrency} at a time, until done or {@code deadline}; records each
     * route-to-dial. Returns the calls that were not routed.
     */
    private int calls(int concurrency, int calls, LatencyRecorder latencies, long deadline)
            throws InterruptedException {
        AtomicInteger left = new AtomicInteger(calls);
        AtomicInteger failed = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(callers.submit(() -> {
                    while (left.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                        long nanos = call();
                        if (nanos < 0) {
                            failed.incrementAndGet();
                        } else {
                            synchronized (latencies) {
                                latencies.record(nanos);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a simulated caller failed", e.getCause());
        } finally {
            callers.shutdownNow();
            callers.awaitTermination(10, TimeUnit.SECONDS);
        }
        return failed.get();
    }

    /** One call: route until the seat is chosen, the seat answers, the conversation ends. Nanos, or -1. */
    private long call() {
        long number = CALL_NUMBERS.incrementAndGet();
        String linkedId = runId + "." + number;
        String caller = customers.isEmpty() ? "+8610" + number
                : customers.get((int) (number % customers.size()));
        try {
            AsteriskLeg.Outcome routed;
            long sent;
            try (AsteriskLeg leg = AsteriskLeg.connect(server)) {
                byte[] environment = request.forSession(linkedId, "PJSIP/carrier-" + number, caller);
                sent = System.nanoTime();
                routed = leg.run(environment, linkedId);
            }
            if (!"ROUTED".equals(routed.result()) || routed.targetNanos() == 0) {
                return -1;
            }
            try (AsteriskLeg seatLeg = AsteriskLeg.connect(server)) {
                seatLeg.run(request.forSession(linkedId + "1", "PJSIP/seat-" + number, caller,
                        "answered?call=" + linkedId + "&seat=" + routed.seat()), linkedId);
            }
            if (talkMillis > 0) {
                // The conversation: this simulated caller places no call meanwhile (a paced, not saturated, load).
                // Conversations last 0.5-1.5 times the mean, so the callers do not stay in step: with one fixed
                // length, every caller that started together would call again in the same millisecond, forever.
                Thread.sleep(ThreadLocalRandom.current().nextLong(talkMillis / 2, talkMillis * 3 / 2 + 1));
            }
            try (AsteriskLeg leg = AsteriskLeg.connect(server)) {
                leg.run(request.forSession(linkedId, "PJSIP/carrier-" + number, caller,
                        "route?dialstatus=ANSWER&seat=" + routed.seat()), linkedId);
            }
            LatencyRecorder recognised = lookUps;
            synchronized (recognised) {
                recognised.record(routed.callNanos() - sent);
            }
            stages.record(sent, routed);
            return routed.targetNanos() - sent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void append(Path results, String line) throws IOException {
        Files.createDirectories(results.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(results, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            writer.write(line);
            writer.write('\n');
        }
    }
}
