package io.hotline.benchmarks.sms;

import io.hotline.benchmarks.CommandLineOptions;
import io.hotline.web.sms.WebhookSignature;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts N signed inbound SMS to a running Hotline's {@code POST /sms/inbound} with K workers, and reports messages a
 * second, latency percentiles (from before signing to the whole answer read) and the count of each answer
 * ({@code 200 accepted}, {@code 200 refused}, {@code 200 duplicate}, {@code 401 stale_timestamp}, ...,
 * {@code io <exception>}). A share of the messages repeats an earlier id of the run, to exercise the duplicate path;
 * the texts are check-ins ({@code ARRIVE}/{@code DONE}/{@code 到达}/{@code 完成}) for order numbers Hotline mostly
 * does not know (refused by the desk), and some not understood. The secret is read from an environment variable,
 * never from the command line (which {@code ps} shows).
 * <p>
 * {@code java -cp benchmarks.jar io.hotline.benchmarks.sms.SmsWebhookLoad [--url http://127.0.0.1:18087/sms/inbound]
 * [--secret-env HOTLINE_SMS_WEBHOOK_SECRET] [--messages 5000] [--warmup 500] [--concurrency 8]
 * [--max-seconds 120] [--duplicates-percent 10] [--content-type json|form] [--from +8613800000000]
 * [--label current] [--results file.jsonl]}. Loopback only (any other host is refused); bounded in messages and
 * seconds. One JSON line per run is appended to the results file.
 */
public final class SmsWebhookLoad {
    private static final Logger LOG = LoggerFactory.getLogger(SmsWebhookLoad.class);
    private static final Set<String> OPTIONS = Set.of("url", "secret-env", "messages", "warmup", "concurrency",
            "max-seconds", "duplicates-percent", "content-type", "from", "label", "results");
    private static final Pattern ANSWER = Pattern.compile("\"(?:status|error)\"\\s*:\\s*\"([a-z_]+)\"");
    private static final List<String> KEYWORDS = List.of("ARRIVE ", "DONE ", "到达", "完成 ");

    private final URI url;
    private final byte[] secret;
    private final boolean form;
    private final String from;
    private final int duplicatesPercent;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SmsWebhookLoad(URI url, byte[] secret, boolean form, String from, int duplicatesPercent) {
        this.url = url;
        this.secret = secret;
        this.form = form;
        this.from = from;
        this.duplicatesPercent = duplicatesPercent;
    }

    /** The figures of one run. */
    private record Tally(int sent, double seconds, long[] latencies, Map<String, Long> answers) {
        double percentileMillis(double fraction) {
            if (latencies.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(fraction * latencies.length);
            return latencies[Math.min(latencies.length, Math.max(rank, 1)) - 1] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS);
        URI url = URI.create(options.text("url", "http://127.0.0.1:18087/sms/inbound"));
        if (url.getHost() == null || !InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("--url must be on loopback (benchmarks never leave the machine): "
                    + url);
        }
        String secretEnv = options.text("secret-env", "HOTLINE_SMS_WEBHOOK_SECRET");
        String secret = System.getenv(secretEnv);
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("set the webhook secret in the environment variable " + secretEnv);
        }
        int messages = options.integer("messages", 5000);
        int concurrency = options.integer("concurrency", 8);
        long maxSeconds = options.number("max-seconds", 120);
        if (messages < 1 || messages > 1_000_000 || concurrency < 1 || concurrency > 256 || maxSeconds < 1) {
            throw new IllegalArgumentException("need 1-1,000,000 messages, 1-256 workers and a positive time bound");
        }
        String contentType = options.text("content-type", "json");
        if (!contentType.equals("json") && !contentType.equals("form")) {
            throw new IllegalArgumentException("--content-type is json or form, not " + contentType);
        }
        SmsWebhookLoad load = new SmsWebhookLoad(url, secret.getBytes(StandardCharsets.UTF_8),
                contentType.equals("form"), options.text("from", "+8613800000000"),
                options.integer("duplicates-percent", 10));
        int warmup = options.integer("warmup", 500);
        if (warmup > 0) {
            Tally warm = load.run("w", warmup, concurrency, maxSeconds);
            LOG.info("warm-up: {} messages in {} s, answers {}", warm.sent(), String.format(Locale.ROOT, "%.1f",
                    warm.seconds()), warm.answers());
        }
        Tally tally = load.run("m", messages, concurrency, maxSeconds);
        String line = String.format(Locale.ROOT, "{\"label\":\"%s\",\"content_type\":\"%s\",\"concurrency\":%d,"
                        + "\"messages\":%d,\"sent\":%d,\"seconds\":%.2f,\"messages_per_s\":%.1f,\"p50_ms\":%.3f,"
                        + "\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,\"answers\":%s}",
                options.text("label", "current"), contentType, concurrency, messages, tally.sent(), tally.seconds(),
                tally.sent() / Math.max(tally.seconds(), 1e-9), tally.percentileMillis(0.5),
                tally.percentileMillis(0.9), tally.percentileMillis(0.99), tally.percentileMillis(1.0),
                answersJson(tally.answers()));
        LOG.info("{}", line);
        append(Path.of(options.text("results", "benchmarks/target/sms-webhook.jsonl")), line);
    }

    /** Sends {@code messages} with {@code concurrency} workers, stopping early after {@code maxSeconds}. */
    private Tally run(String phase, int messages, int concurrency, long maxSeconds) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(maxSeconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            latencies[worker] = new long[messages];
            Thread thread = new Thread(() -> {
                int index;
                while ((index = next.getAndIncrement()) < messages && System.nanoTime() < deadline) {
                    long before = System.nanoTime();
                    String answer = send(phase, index);
                    latencies[worker][counts[worker]++] = System.nanoTime() - before;
                    answers.computeIfAbsent(answer, key -> new LongAdder()).increment();
                }
            }, "sms-load-" + w);
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int sent = Arrays.stream(counts).sum();
        long[] all = new long[sent];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        Map<String, Long> tallied = new TreeMap<>();
        answers.forEach((answer, count) -> tallied.put(answer, count.sum()));
        return new Tally(sent, seconds, all, tallied);
    }

    /** Signs and posts message {@code index} of the phase; its answer as {@code "<status> <status|error>"}. */
    private String send(String phase, int index) {
        // Every tenth-or-so message repeats the id of an earlier one of this phase (deterministic per index).
        boolean duplicate = index > 0 && Math.floorMod(index * 7919, 100) < duplicatesPercent;
        int idIndex = duplicate ? index / 2 : index;
        String id = "bench-" + runId + "-" + phase + "-" + idIndex;
        String text = index % 20 == 19 ? "hello, where is the engineer?"
                : KEYWORDS.get(idIndex % KEYWORDS.size()) + (100_000 + idIndex) + (idIndex % 2 == 1 ? " replaced" : "");
        String body = form
                ? "id=" + encode(id) + "&from=" + encode(from) + "&text=" + encode(text)
                : "{\"id\":\"" + id + "\",\"from\":\"" + from + "\",\"text\":\"" + text + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher answer = ANSWER.matcher(response.body());
            return response.statusCode() + " " + (answer.find() ? answer.group(1) : "?");
        } catch (IOException e) {
            return "io " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String answersJson(Map<String, Long> answers) {
        StringBuilder json = new StringBuilder("{");
        answers.forEach((answer, count) -> json.append(json.length() > 1 ? "," : "").append('"').append(answer)
                .append("\":").append(count));
        return json.append('}').toString();
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
