package io.hotline.benchmarks.desktop;

import io.hotline.benchmarks.CommandLineOptions;
import io.hotline.benchmarks.agi.AgiLoadGenerator;
import io.hotline.benchmarks.agi.LatencyRecorder;
import io.hotline.benchmarks.agi.RecordedRequest;
import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offer-to-pop with many desktops connected: signs in one agent per bench seat through the admin API, then for
 * each phase (by default 1 desktop, then all of them, then 1 again) leaves that many desktops connected with their
 * seats ready (a phase written {@code 1000u}: the same with callers Hotline does not know, so the pop reads no
 * customer history), measures Hotline's memory idle, and sends calls at a steady rate through FastAGI, timing each from
 * {@code SET VARIABLE HOTLINE_TARGET} to the {@code screen_pop} {@code offered} on the seat's WebSocket, with
 * Hotline's CPU time over the measured calls and its memory after them.
 * <p>
 * {@code java -cp benchmarks.jar io.hotline.benchmarks.desktop.DesktopPops --agi-port 14576 --http-port 18086
 * --db-url jdbc:mysql://... --admin-password ... --server-pid <pid> [--desktops 1000] [--phases 1,1000,1]
 * [--calls 1500] [--warmup-calls 300] [--rate 20] [--pop-timeout-ms 2000] [--max-seconds 180]
 * [--label current] [--results file.jsonl]}. Bounded in calls and seconds; loopback only. One JSON line per
 * phase is appended to the results file.
 */
public final class DesktopPops {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopPops.class);
    private static final Set<String> OPTIONS = Set.of("host", "agi-port", "http-port", "db-url", "admin-password",
            "server-pid", "desktops", "phases", "calls", "warmup-calls", "rate", "pop-timeout-ms", "max-seconds",
            "label", "results", "transcript", "seat-prefix", "event-loop-threads");

    private DesktopPops() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS);
        String host = options.text("host", "127.0.0.1");
        int httpPort = options.integer("http-port", 18086);
        String url = options.text("db-url", null);
        String adminPassword = options.text("admin-password", null);
        long pid = options.number("server-pid", -1);
        if (url == null || adminPassword == null || pid < 0) {
            throw new IllegalArgumentException("--db-url, --admin-password and --server-pid are required");
        }
        List<String> seats;
        List<String> customers;
        try (Connection connection = DriverManager.getConnection(url, "root", "")) {
            seats = strings(connection, "SELECT code FROM seat WHERE active AND code LIKE ? ORDER BY id LIMIT ?",
                    options.text("seat-prefix", "BENCH") + "%", options.integer("desktops", 1000));
            customers = strings(connection,
                    "SELECT phone_number FROM customer_phone WHERE phone_number LIKE ? ORDER BY id LIMIT ?", "%",
                    100_000);
        }
        HotlineProcess hotline = new HotlineProcess(pid);
        AgentApi api = new AgentApi(URI.create("http://" + host + ":" + httpPort));
        try (Desktops desktops = new Desktops(api, URI.create("ws://" + host + ":" + httpPort + "/ws"), seats,
                options.integer("event-loop-threads", 2))) {
            long signInStarted = System.nanoTime();
            desktops.signIn(api.login("admin", adminPassword), 2);
            LOG.info("{} agents in {} s", seats.size(), (System.nanoTime() - signInStarted) / 1_000_000_000L);
            PopCalls calls = new PopCalls(new InetSocketAddress(host, options.integer("agi-port", 14576)),
                    RecordedRequest.read(Path.of(options.text("transcript", AgiLoadGenerator.DEFAULT_TRANSCRIPT))),
                    customers, desktops);
            Path results = Path.of(options.text("results", "benchmarks/target/desktop-pops.jsonl"));
            for (String phase : options.text("phases", "1," + seats.size() + ",1").split(",")) {
                // "1000u": the same with callers Hotline does not know (a pop with no customer history to read).
                boolean unknown = phase.trim().endsWith("u");
                int connected = Math.min(seats.size(), Integer.parseInt(phase.trim().replace("u", "")));
                calls.unknownCallers(unknown);
                String line = phase(options, hotline, desktops, calls, connected);
                LOG.info("{}", line);
                append(results, line);
            }
        }
    }

    private static String phase(CommandLineOptions options, HotlineProcess hotline, Desktops desktops,
            PopCalls calls, int connected) throws Exception {
        desktops.arrange(connected);
        double idleHeap = hotline.heapUsedMib(true);
        double idleRss = hotline.rssMib();
        double rate = options.integer("rate", 20);
        long timeout = options.number("pop-timeout-ms", 2000);
        long maxSeconds = options.number("max-seconds", 180);
        calls.run(options.integer("warmup-calls", 300), rate, timeout, maxSeconds);
        long cpuBefore = hotline.cpuMillis();
        PopCalls.Tally tally = calls.run(options.integer("calls", 1500), rate, timeout, maxSeconds);
        long cpu = hotline.cpuMillis() - cpuBefore;
        double loadRss = hotline.rssMib();
        double loadHeap = hotline.heapUsedMib(false);
        double afterHeap = hotline.heapUsedMib(true);
        LatencyRecorder pops = tally.latencies();
        return String.format(Locale.ROOT, "{\"label\":\"%s\",\"desktops\":%d,\"unknown_callers\":%b,"
                        + "\"rate\":%.1f,\"started\":%d,\"popped\":%d,\"lost\":%d,\"not_routed\":%d,"
                        + "\"wrong_seat\":%d,\"early\":%d,\"late\":%d,\"seconds\":%.1f,"
                        + "\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,"
                        + "\"cpu_ms\":%d,\"cpu_s_per_1000_pops\":%.3f,\"idle_heap_mib\":%.1f,\"idle_rss_mib\":%.1f,"
                        + "\"load_heap_mib\":%.1f,\"load_rss_mib\":%.1f,\"after_heap_mib\":%.1f,\"dropped\":%d}",
                options.text("label", "current"), connected, calls.unknownCallers(), rate, tally.started(),
                pops.count(), tally.lost(), tally.notRouted(), tally.wrongSeat(), tally.early(), tally.late(),
                tally.seconds(), pops.percentileMillis(0.5), pops.percentileMillis(0.9), pops.percentileMillis(0.99),
                pops.percentileMillis(1.0), cpu, pops.count() == 0 ? 0 : cpu / (double) pops.count(),
                idleHeap, idleRss, loadHeap, loadRss, afterHeap, desktops.dropped());
    }

    private static List<String> strings(Connection connection, String sql, String like, int limit)
            throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, like);
            statement.setInt(2, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
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
