package io.hotline.benchmarks.agi;

import io.hotline.benchmarks.CommandLineOptions;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI load generator: plays Asterisk against a FastAGI server on loopback with non-blocking Netty
 * channels on a few event-loop threads (10,000 blocking sockets with a thread each would make the generator
 * the bottleneck), {@code concurrency} sessions at a time, {@code sessions} in all, for at most
 * {@code max-seconds}. Each session replays the recorded environment block and answers as Asterisk did
 * ({@link ReplayingAsteriskHandler}). With {@code concurrency == sessions} and a server that holds its callers,
 * it is the hold test: it reports how many sessions were on hold at once at the peak.
 * <p>
 * {@code java -cp benchmarks.jar io.hotline.benchmarks.agi.AgiLoadGenerator --port 14573 --sessions 5000
 * --concurrency 10,50,200 [--warmup-sessions 5000] [--server-pid PID [--clock-ticks 100]] [--label hotline]
 * [--results file.jsonl] [--peak-file file] [--max-seconds 120] [--threads 1] [--max-connecting 128]
 * [--transcript ...agi1-recv.raw] [--customers 5000]} appends one JSON line per run to the results file and
 * logs it. With {@code --server-pid} it reads that process's CPU time ({@link ServerCpu}) right before and
 * after each run, so the figure covers exactly the run.
 */
public final class AgiLoadGenerator {
    /** The transcript replayed by default, relative to the repository root. */
    public static final String DEFAULT_TRANSCRIPT =
            "testdata/asterisk-transcripts/01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw";
    private static final Logger LOG = LoggerFactory.getLogger(AgiLoadGenerator.class);
    private static final Set<String> OPTIONS = Set.of("label", "host", "port", "sessions", "concurrency",
            "max-seconds", "threads", "max-connecting", "transcript", "customers", "results", "peak-file",
            "warmup-sessions", "server-pid", "clock-ticks");
    private static final long PROGRESS_SECONDS = 5;

    private AgiLoadGenerator() {
    }

    /** Runs one bounded load; {@code peakFile} (or null) is written when the hold test reaches its peak. */
    public static RunResult run(GeneratorConfig config, Path peakFile, ServerCpu serverCpu)
            throws IOException, InterruptedException {
        RecordedRequest request = RecordedRequest.read(config.transcript());
        RouteDecision decision = new RouteDecision(config.customers());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(config.threads(),
                new DefaultThreadFactory("agi-gen", true), NioIoHandler.newFactory());
        try {
            EventExecutor control = group.next();
            ChannelGroup open = new DefaultChannelGroup("agi-gen", control);
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            open.add(channel);
                            channel.pipeline().addLast("frameDecoder", new LineBasedFrameDecoder(8192))
                                    .addLast("asterisk", channel.attr(LoadRun.SESSION).getAndSet(null));
                        }
                    });
            long cpuBefore = processCpuMillis();
            long serverCpuBefore = serverCpu.millis();
            LoadRun run = new LoadRun(config, bootstrap, control, request, decision);
            run.allSettled().thenAcceptAsync(held -> settled(config, run, held, peakFile), ForkJoinPool.commonPool());
            run.start();
            if (!await(run, config)) {
                LOG.warn("[{}] max-seconds ({}) ran out: closing what is still open", config.label(),
                        config.maxSeconds());
                run.stop();
                open.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
                awaitQuietly(run);
            }
            long serverCpuMillis = serverCpuBefore < 0 ? -1 : serverCpu.millis() - serverCpuBefore;
            return run.result(processCpuMillis() - cpuBefore, serverCpuMillis);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Waits for the run to finish within max-seconds, logging progress; false when the time ran out. */
    private static boolean await(LoadRun run, GeneratorConfig config) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.maxSeconds());
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            try {
                run.finished().get(Math.min(left, TimeUnit.SECONDS.toNanos(PROGRESS_SECONDS)), TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException e) {
                LOG.info("[{}] {}", config.label(), run.progress().join());
            } catch (ExecutionException e) {
                throw new IllegalStateException("the run failed", e);
            }
        }
        return run.finished().isDone();
    }

    private static void awaitQuietly(LoadRun run) throws InterruptedException {
        try {
            run.finished().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("sessions still unreported after the stop: {}", e.toString());
        }
    }

    private static void settled(GeneratorConfig config, LoadRun run, int held, Path peakFile) {
        if (held == 0 && peakFile == null) {
            return;
        }
        LOG.info("[{}] peak: every session launched is on hold or ended: held={} ({})", config.label(), held,
                run.progress().join());
        if (peakFile != null) {
            try {
                Files.writeString(peakFile, held + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warn("cannot write {}: {}", peakFile, e.toString());
            }
        }
    }

    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /**
     * Runs warm-ups (not reported) of {@code --warmup-sessions} at each concurrency of the comma-separated
     * {@code --concurrency} list, then one measured run per concurrency, all in this JVM so that the generator is
     * warm too.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS);
        String label = options.text("label", "run");
        int sessions = options.integer("sessions", 1_000);
        String pid = options.text("server-pid", null);
        ServerCpu serverCpu = pid == null ? ServerCpu.NONE
                : ServerCpu.of(Long.parseLong(pid), options.number("clock-ticks", 100));
        int warmup = options.integer("warmup-sessions", 0);
        List<Integer> levels = new ArrayList<>();
        for (String concurrency : options.text("concurrency", "10").split(",")) {
            levels.add(Integer.parseInt(concurrency.trim()));
        }
        // The generator's JIT (on its one core) takes longer to settle than the server's: warm both at every level.
        for (int level : warmup > 0 ? levels : List.<Integer>of()) {
            RunResult result = run(config(options, label + " warm-up c=" + level, warmup, level), null, serverCpu);
            LOG.info("WARM-UP {}", result.toJson());
        }
        String peakFile = options.text("peak-file", null);
        for (int level : levels) {
            GeneratorConfig config = config(options, label + " c=" + level, sessions, level);
            RunResult result = run(config, peakFile == null ? null : Path.of(peakFile), serverCpu);
            LOG.info("RESULT {}", result.toJson());
            append(options.text("results", null), result);
        }
    }

    private static GeneratorConfig config(CommandLineOptions options, String label, int sessions, int concurrency) {
        return new GeneratorConfig(label, options.text("host", "127.0.0.1"), options.integer("port", 14573),
                sessions, concurrency, options.number("max-seconds", 120), options.integer("threads", 1),
                options.integer("max-connecting", 128), Path.of(options.text("transcript", DEFAULT_TRANSCRIPT)),
                options.integer("customers", RouteDecision.DEFAULT_CUSTOMERS));
    }

    private static void append(String results, RunResult result) throws IOException {
        if (results == null) {
            return;
        }
        Path path = Path.of(results);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.writeString(path, result.toJson() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
