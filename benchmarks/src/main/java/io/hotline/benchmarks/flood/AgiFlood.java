package io.hotline.benchmarks.flood;

import io.hotline.benchmarks.CommandLineOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Floods a running FastAGI server on 127.0.0.1 with hostile clients, one phase after another, and prints one
 * Markdown table row per phase: never-finished headers (half of a recorded request, then silence), oversized
 * headers (2 MB of well-formed {@code agi_*} lines, never ended), idle connections (nothing sent). For each:
 * connections closed within 1 s, held after 2 s and at the phase's end, time until the server had closed them
 * all, the server's peak RSS, threads and open files, and the lines the server logged. Then whether a real
 * request is still served. Every phase is bounded ({@code --phase-seconds}); the generator closes its
 * connections after each.
 * <p>
 * {@code java -cp benchmarks.jar io.hotline.benchmarks.flood.AgiFlood --port 14573 --server-pid <pid>
 * [--server-log file] [--label new] [--partial 2000] [--oversized 64] [--oversized-bytes 2000000] [--idle 5000]
 * [--phase-seconds 12]}
 */
public final class AgiFlood {
    private static final Logger LOG = LoggerFactory.getLogger(AgiFlood.class);
    private static final Set<String> OPTIONS = Set.of("port", "server-pid", "server-log", "label", "partial",
            "oversized", "oversized-bytes", "idle", "phase-seconds", "transcript", "out");
    private static final long SAMPLE_MILLIS = 2_000;

    private final InetSocketAddress server;
    private final long pid;
    private final Path serverLog;
    private final String label;
    private final long phaseMillis;
    private final Path out;

    private AgiFlood(CommandLineOptions options) {
        this.server = new InetSocketAddress("127.0.0.1", options.integer("port", 14573));
        this.pid = options.number("server-pid", -1);
        this.serverLog = Path.of(options.text("server-log", "/dev/null"));
        this.label = options.text("label", "server");
        this.phaseMillis = options.number("phase-seconds", 12) * 1000;
        this.out = Path.of(options.text("out", "agi-flood-rows.md"));
    }

    /** What one phase did to the server. */
    private record Phase(String name, int connections, int closedWithin1s, int heldAt2s, int heldAtEnd,
                         long millisToShed, ProcessStatus before, ProcessStatus peak, long logLines) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS);
        AgiFlood flood = new AgiFlood(options);
        byte[] request = recordedRequest(Path.of(options.text("transcript",
                "testdata/asterisk-transcripts/01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw")));
        flood.report(flood.run("never-finished header", options.integer("partial", 2000),
                Arrays.copyOf(request, request.length / 2)));
        flood.report(flood.run("oversized header", options.integer("oversized", 64),
                oversized(options.integer("oversized-bytes", 2_000_000))));
        flood.report(flood.run("idle (nothing sent)", options.integer("idle", 5000), new byte[0]));
        flood.write("| " + flood.label + " | a real request after the floods: " + flood.served(request)
                + " | | | | | | | | | |");
    }

    private void write(String row) throws IOException {
        LOG.info("{}", row);
        Files.writeString(out, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private Phase run(String name, int connections, byte[] payload) throws IOException, InterruptedException {
        ProcessStatus before = ProcessStatus.of(pid);
        long logBefore = logLines();
        long started = System.nanoTime();
        ProcessStatus peak = before;
        int heldAt2s = -1;
        Phase phase;
        try (FloodConnections flood = new FloodConnections()) {
            flood.open(server, connections, ByteBuffer.wrap(payload).asReadOnlyBuffer());
            while (elapsed(started) < phaseMillis) {
                flood.pump(200);
                peak = peak.max(ProcessStatus.of(pid));
                if (heldAt2s < 0 && elapsed(started) >= SAMPLE_MILLIS) {
                    heldAt2s = flood.open();
                }
                if (flood.open() == 0 && elapsed(started) >= SAMPLE_MILLIS) {
                    break;
                }
            }
            phase = new Phase(name, connections, flood.closedWithin(1_000), heldAt2s, flood.open(),
                    flood.millisToShedAll(), before, peak, logLines() - logBefore);
            LOG.info("{}: {} sent {} bytes", label, name, flood.bytesSent());
        }
        settle(before);
        return phase;
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Waits (10 s at most) until the server has let go of the phase's connections. */
    private void settle(ProcessStatus before) throws InterruptedException {
        long started = System.nanoTime();
        while (elapsed(started) < 10_000 && ProcessStatus.of(pid).files() > before.files() + 16) {
            Thread.sleep(100);
        }
    }

    private long logLines() throws IOException {
        if (!Files.isRegularFile(serverLog)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(serverLog, StandardCharsets.ISO_8859_1)) {
            return lines.count();
        }
    }

    /** Sends the whole recorded request and waits 5 s at most for the server's first command. */
    private String served(byte[] request) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(server, 2_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request);
            InputStream in = socket.getInputStream();
            int first = in.read();
            return first < 0 ? "no: closed without a command" : "yes, first command after "
                    + elapsed(started) + " ms";
        } catch (IOException e) {
            return "no: " + e;
        }
    }

    private static byte[] recordedRequest(Path transcript) throws IOException {
        String text = Files.readString(transcript, StandardCharsets.UTF_8);
        return text.substring(0, text.indexOf("\n\n") + 2).getBytes(StandardCharsets.UTF_8);
    }

    /** Well-formed header lines of 8,000 bytes (under the old 8 KiB line cap), {@code bytes} in all, never ended. */
    private static byte[] oversized(int bytes) {
        StringBuilder lines = new StringBuilder(bytes + 8000);
        for (int i = 0; lines.length() < bytes; i++) {
            String key = "agi_arg_" + i + ": ";
            lines.append(key).append("9".repeat(8000 - key.length() - 1)).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void report(Phase phase) throws IOException {
        write(String.format("| %s | %s | %,d | %,d | %,d | %,d | %s | %d -> %d MB | %d -> %d | %,d | %,d |",
                label, phase.name(), phase.connections(), phase.closedWithin1s(), phase.heldAt2s(), phase.heldAtEnd(),
                phase.millisToShed() < 0 ? "not all" : phase.millisToShed() + " ms", phase.before().rssMb(),
                phase.peak().rssMb(), phase.before().threads(), phase.peak().threads(), phase.peak().files(),
                phase.logLines()));
    }
}
