package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ./hotline simulate} for 60 s against {@code ./hotline run}, both the packaged jar in their own processes
 * on a fresh database with the demo organisation: the simulated PBX logs seats in from their keypads, callers are
 * routed, answered, rate the service or abandon, Hotline follows over AMI; and every caller has exactly one work
 * order and its call record.
 */
class SimulateProcessIT {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.empty();
    private static final Path JAR = Path.of(System.getProperty("hotline.jar", "target/hotline.jar"));
    private static final String SERVER = "simulated";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shouldRouteAnswerSurveyAndAbandonSimulatedCallsEachWithOneWorkOrderAndCallRecord() throws Exception {
        // given Hotline on a fresh database with the demo organisation, following the simulator's AMI
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-simulate-");
        Path routing = work.resolve("routing.properties");
        // Open at any hour (the demo's business hours would send night-time CI runs to the after-hours flow).
        Files.writeString(routing, "hours.zone = UTC\nwrap-up = 2s\n");
        int httpPort = HotlineTest.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_DB_USER", DB.config().user(),
                "HOTLINE_DB_PASSWORD", DB.config().password(),
                "HOTLINE_DATA_DIR", work.resolve("data").toString(),
                "HOTLINE_HTTP_PORT", Integer.toString(httpPort),
                "HOTLINE_AGI_PORT", Integer.toString(HotlineTest.freePort()),
                "HOTLINE_ASTERISK_NAME", SERVER,
                "HOTLINE_AMI_HOST", "127.0.0.1:" + HotlineTest.freePort(),
                "HOTLINE_AMI_SECRET", "simulated-secret",
                "HOTLINE_ROUTING_FILE", routing.toString()));
        Process seed = start(env, work.resolve("seed.log"), "seed", "--demo", "--into-external");
        assertThat(seed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(seed.exitValue()).as(Files.readString(work.resolve("seed.log"))).isZero();
        // The simulator listens for AMI first, so Hotline logs in at its first attempt; it waits for Hotline's AGI.
        Process simulate = start(env, work.resolve("simulate.log"), "simulate", "--duration", "60s", "--rate", "24",
                "--seats", "1001-1003", "--answer-delay", "1500ms", "--talk", "6s", "--patience", "10s",
                "--wrap-up", "2s", "--survey-share", "0.8", "--drain", "20s", "--seed", "7",
                "--dialplan", Path.of("..", "docs", "asterisk", "extensions.conf").toAbsolutePath().toString());
        start(env, work.resolve("run.log"), "run");

        // when the simulation has run its 60 s and drained
        assertThat(simulate.waitFor(170, TimeUnit.SECONDS)).as("simulate ended").isTrue();
        String output = Files.readString(work.resolve("simulate.log"));
        assertThat(simulate.exitValue()).as(output).isZero();

        // then it shows seats logging in, calls routed, answered, rated and abandoned, and Hotline on AMI
        assertThat(output).contains("seat 1001 logs in (*21)", "routed to seat", "answers", "rated the service",
                "abandoned after", "Hotline logs in over AMI", "presses *24 (ready)");
        int callers = number(output, "callers: (\\d+) arrived");
        assertThat(callers).isGreaterThanOrEqualTo(10);
        // and each caller has exactly one work order and one call record, with every outcome there
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(count("SELECT COUNT(*) FROM work_order WHERE asterisk_server = '" + SERVER + "'"))
                    .isEqualTo(callers);
            assertThat(count("SELECT COUNT(DISTINCT linkedid) FROM call_record WHERE asterisk_server = '" + SERVER
                    + "'")).isEqualTo(callers);
            assertThat(count("SELECT COUNT(*) FROM work_order w WHERE w.asterisk_server = '" + SERVER + "' AND "
                    + "(SELECT COUNT(*) FROM call_record c WHERE c.asterisk_server = w.asterisk_server"
                    + " AND c.linkedid = w.call_linkedid AND c.uniqueid = c.linkedid) <> 1")).isZero();
        });
        assertThat(count("SELECT COUNT(*) FROM call_record WHERE outcome = 'ANSWERED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM call_record WHERE outcome = 'ABANDONED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM satisfaction_survey")).isPositive();
        assertThat(count("SELECT COUNT(DISTINCT work_order_id) FROM work_order_event WHERE action = 'ROUTING'"))
                .isPositive();
        assertThat(get(httpPort, "/health").body()).contains("\"ami\"");
    }

    private Process start(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("HOTLINE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static int number(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        assertThat(matcher.find()).as("'" + regex + "' in:\n" + output).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static long count(String sql) {
        return DB.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
