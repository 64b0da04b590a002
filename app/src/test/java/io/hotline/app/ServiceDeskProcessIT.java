package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service desk's whole-Hotline proof (issue 14): the packaged jar in its own process on a real database with
 * the demo organisation and a P1 resolution target of 72 s. A seat logs in from its phone, a P1 call comes in
 * through FastAGI and is answered, the seat blind-transfers it to tier 2 (the shipped dialplan's
 * {@code escalate}); the resolution clock warns at 50 %; Hotline is killed ({@code kill -9}) and started again on
 * the same data directory and database; the 75 % warning and the breach then fire once each, on the second they
 * are due by the work order's stored clock, and the 50 % never again; the audit trail shows each step with its
 * time, in order.
 * <p>
 * Every FastAGI session is played as the recordings in {@code testdata/asterisk-transcripts} show (see
 * {@link AsteriskChannel}), with the scripts, parameters and contexts of {@code docs/asterisk/extensions.conf}.
 */
class ServiceDeskProcessIT {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Path JAR = Path.of(System.getProperty("hotline.jar", "target/hotline.jar"));
    private static final String SERVER = "pbx-desk";
    private static final String CALL = "1796700000.0";
    private static final Duration RESOLVE = Duration.ofSeconds(72);
    /** How late a warning may fire after its due time: the desk's timer and one database batch. */
    private static final Duration ON_THE_SECOND = Duration.ofSeconds(1);
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();
    private final ExecutorService asterisk = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "asterisk-caller");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        asterisk.shutdownNow();
    }

    @Test
    void shouldFireEveryResolutionWarningOnceOnTheSecondAcrossAKillAndKeepTheAuditTrail() throws Exception {
        // given Hotline on the demo organisation with a P1 resolution target of 72 s
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-desk-");
        // Open at any hour (the demo's business hours would send night-time runs to the after-hours flow).
        Path routing = Files.writeString(work.resolve("routing.properties"), "hours.zone = UTC\nwrap-up = 2s\n");
        int httpPort = HotlineTest.freePort();
        InetSocketAddress agi = new InetSocketAddress("127.0.0.1", HotlineTest.freePort());
        Map<String, String> env = new HashMap<>(Map.of(
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_DB_USER", DB.config().user(),
                "HOTLINE_DB_PASSWORD", DB.config().password(),
                "HOTLINE_DATA_DIR", work.resolve("data").toString(),
                "HOTLINE_HTTP_PORT", Integer.toString(httpPort),
                "HOTLINE_AGI_PORT", Integer.toString(agi.getPort()),
                "HOTLINE_ASTERISK_NAME", SERVER,
                "HOTLINE_ROUTING_FILE", routing.toString(),
                "HOTLINE_SLA_P1_RESPOND", "20s",
                "HOTLINE_SLA_P1_RESOLVE", RESOLVE.toSeconds() + "s"));
        Process first = start(env, work.resolve("first.log"));
        awaitHealthy(httpPort, Duration.ofSeconds(90));
        Map<String, Object> seat = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT s.code, s.sip_endpoint, k.code AS product FROM seat s JOIN seat_skill ss ON ss.seat_id = s.id"
                        + " JOIN skill k ON k.id = ss.skill_id WHERE s.tier = 'TIER1' AND k.kind = 'PRODUCT_LINE'"
                        + " ORDER BY s.id, k.id LIMIT 1").mapToMap().one());
        String seatCode = (String) seat.get("code");
        String endpoint = (String) seat.get("sip_endpoint");

        // and the seat logs in from its phone: *21 runs hotline-seat-action
        AsteriskChannel phone = new AsteriskChannel("18-feature-code-answered-with-tone.agi1-recv.raw",
                endpoint + "-00000004", "1796699990.4", "1796699990.4");
        try (AsteriskChannel.Session login = phone.agi(agi, "seat?action=login&reason=", "hotline-seat-action",
                "s", 3)) {
            assertThat(login.answerAll()).contains("SET VARIABLE HOTLINE_SEAT_RESULT OK");
        }

        // when a P1 call comes in (hotline-inbound: route with the IVR's severity) and is routed to the seat
        AsteriskChannel caller = new AsteriskChannel("01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw",
                "PJSIP/carrier-00000010", CALL, CALL);
        try (AsteriskChannel.Session route = caller.agi(agi, "route?dnis=100&product=" + seat.get("product")
                + "&severity=P1", "hotline-inbound", "100", 4)) {
            assertThat(route.answerAll()).contains("SET VARIABLE HOTLINE_RESULT ROUTED");
        }
        assertThat(caller.variable("HOTLINE_SEAT")).isEqualTo(seatCode);
        long workOrder = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(this::workOrderOfTheCall, id -> id != null);

        // and the seat answers: U() runs hotline-answered on the seat's leg
        AsteriskChannel seatLeg = new AsteriskChannel("16-dial-g-seat-hangs-up-caller-continues.agi2-recv.raw",
                endpoint + "-00000011", "1796700000.1", CALL);
        try (AsteriskChannel.Session answered = seatLeg.agi(agi, "answered?call=" + caller.variable("HOTLINE_CALL")
                + "&seat=" + caller.variable("HOTLINE_SEAT"), "hotline-answered", "s", 1)) {
            answered.answerAll();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> audit(workOrder).stream()
                .anyMatch(event -> "CALL_CONNECTED".equals(event.get("action"))));

        // and the seat blind-transfers the caller to tier2: hotline-escalate runs escalate on the caller's channel,
        // whose HOTLINE_SEAT route set; the caller then waits on hold for a tier-2 seat (none is logged in)
        AsteriskChannel.Session escalate = caller.agi(agi, "escalate?queue=tier2", "hotline-escalate", "tier2", 2);
        assertThat(escalate.answerUntil(command -> command.startsWith("SET MUSIC ON"))).isNotEmpty();
        CompletableFuture.runAsync(() -> {
            // Asterisk keeps answering on hold (announcements) until Hotline goes away.
            try (escalate) {
                escalate.answerUntilClosed();
            } catch (IOException gone) {
                // the killed Hotline's socket
            }
        }, asterisk);
        await().atMost(Duration.ofSeconds(10)).until(() -> audit(workOrder).stream()
                .anyMatch(event -> "ESCALATED".equals(event.get("action"))));

        // then the resolution clock warns at 50 %
        await().atMost(RESOLVE).pollInterval(Duration.ofMillis(200)).until(() -> warnings(workOrder, 50) > 0);
        assertThat(warnings(workOrder, 75)).isZero();

        // when Hotline is killed (kill -9) and started again on the same data directory and database
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).as("killed").isTrue();
        Instant due75 = clockDue(workOrder, 75);
        assertThat(Instant.now()).as("killed before the 75 %% warning was due at %s", due75).isBefore(due75);
        start(env, work.resolve("second.log"));
        awaitHealthy(httpPort, Duration.ofSeconds(90));
        Instant restarted = Instant.now();
        assertThat(restarted).as("restarted before the 75 %% warning was due at %s (else it fires at once on start,"
                + " which proves less)", due75).isBefore(due75);

        // then the 75 % warning and the breach fire, each once, on the second the stored clock gives them
        Instant breach = clockDue(workOrder, 100);
        await().atMost(Duration.between(Instant.now(), breach).plusSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> warnings(workOrder, 100) > 0);
        List<Map<String, Object>> fired = firedWarnings(workOrder);
        assertThat(fired).extracting(row -> row.get("recipient_kind") + " " + row.get("percent"))
                .as("each warning told once to the owner and the supervisors' board")
                .containsExactlyInAnyOrder("SEAT 50", "SUPERVISORS 50", "SEAT 75", "SUPERVISORS 75", "SEAT 100",
                        "SUPERVISORS 100");
        for (Map<String, Object> warning : fired) {
            Instant due = clockDue(workOrder, ((Number) warning.get("percent")).intValue());
            assertThat(instant(warning.get("due_at"))).as("due time of %s", warning).isEqualTo(due);
            assertThat(Duration.between(due, instant(warning.get("created_at"))))
                    .as("fired on the second: %s", warning).isBetween(Duration.ZERO, ON_THE_SECOND);
        }
        assertThat(fired).filteredOn(row -> ((Number) row.get("percent")).intValue() >= 75)
                .allSatisfy(row -> assertThat(instant(row.get("created_at"))).isAfter(restarted));
        int firedMask = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT resolution_fired FROM work_order WHERE id = :id").bind("id", workOrder).mapTo(Integer.class)
                .one());
        assertThat(firedMask).as("50 %%, 75 %% and breach marked fired").isEqualTo(7);

        // and the seat's answer was the response: that clock stopped before its first warning
        Map<String, Object> stored = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT severity, tier,"
                + " response_stopped, contacts, owner_seat_code, (SELECT COUNT(*) FROM notification n"
                + " WHERE n.work_order_id = w.id AND n.clock = 'RESPONSE') AS response_warnings FROM work_order w"
                + " WHERE id = :id").bind("id", workOrder).mapToMap().one());
        assertThat(stored).containsEntry("severity", "P1")
                .containsEntry("tier", "TIER2").containsEntry("response_stopped", true).containsEntry("contacts", 1)
                .containsEntry("owner_seat_code", seatCode).containsEntry("response_warnings", 0L);

        // and the audit trail shows every step with its time, in order
        List<Map<String, Object>> trail = audit(workOrder);
        assertThat(trail).extracting(event -> ((Number) event.get("sequence")).intValue())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, trail.size()).boxed().toList());
        assertThat(trail).extracting(event -> (String) event.get("action"))
                .containsSubsequence("OPENED", "CALL_CONNECTED", "ESCALATED");
        assertThat(trail.get(0)).containsEntry("action", "OPENED").containsEntry("severity", "P1");
        assertThat(trail).filteredOn(event -> "CALL_CONNECTED".equals(event.get("action"))).first()
                .satisfies(event -> assertThat(event).containsEntry("actor_kind", "SEAT")
                        .containsEntry("actor", seatCode).containsEntry("reason", "first contact: responded"));
        assertThat(trail).filteredOn(event -> "ESCALATED".equals(event.get("action"))).singleElement()
                .satisfies(event -> assertThat(event).containsEntry("actor_kind", "SEAT")
                        .containsEntry("actor", seatCode).containsEntry("from_tier", "TIER1")
                        .containsEntry("to_tier", "TIER2"));
        List<Instant> times = trail.stream().map(event -> instant(event.get("occurred_at"))).toList();
        assertThat(times).isSorted().allSatisfy(time -> assertThat(time).isBefore(clockDue(workOrder, 50)));
        assertThat(times.get(0)).as("the resolution clock runs from the opening")
                .isEqualTo(instant(column(workOrder, "resolution_running_since")));
    }

    private Long workOrderOfTheCall() {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM work_order"
                        + " WHERE asterisk_server = :server AND call_linkedid = :call")
                .bind("server", SERVER).bind("call", CALL).mapTo(Long.class).findOne().orElse(null));
    }

    /** The desk's audit trail of the work order (its rows carry a sequence; routing's own rows do not). */
    private List<Map<String, Object>> audit(long workOrder) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT sequence, action, actor_kind, actor,"
                        + " from_tier, to_tier, severity, reason, CAST(occurred_at AS CHAR) AS occurred_at"
                        + " FROM work_order_event WHERE work_order_id = :id AND sequence IS NOT NULL ORDER BY sequence")
                .bind("id", workOrder).mapToMap().list());
    }

    /** How many times the resolution clock's warning at {@code percent} was told to the supervisors' board. */
    private int warnings(long workOrder, int percent) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM notification"
                        + " WHERE work_order_id = :id AND kind = 'CLOCK_WARNING' AND clock = 'RESOLUTION'"
                        + " AND percent = :percent AND recipient_kind = 'SUPERVISORS'")
                .bind("id", workOrder).bind("percent", percent).mapTo(Integer.class).one());
    }

    private List<Map<String, Object>> firedWarnings(long workOrder) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT recipient_kind, recipient_id, clock, level,"
                        + " percent, CAST(due_at AS CHAR) AS due_at, CAST(created_at AS CHAR) AS created_at"
                        + " FROM notification WHERE work_order_id = :id AND kind = 'CLOCK_WARNING'"
                        + " AND clock = 'RESOLUTION' ORDER BY id")
                .bind("id", workOrder).mapToMap().list());
    }

    /**
     * When the resolution clock reaches {@code percent} of its target, from the work order's stored clock: the time
     * it counted before it last started running, and since when it runs (24x7: the demo's contracts count every
     * hour).
     */
    private Instant clockDue(long workOrder, int percent) {
        Map<String, Object> clock = DB.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT resolution_counted_ms, CAST(resolution_running_since AS CHAR) AS since"
                                + " FROM work_order WHERE id = :id").bind("id", workOrder).mapToMap().one());
        long counted = ((Number) clock.get("resolution_counted_ms")).longValue();
        return instant(clock.get("since")).plusMillis(RESOLVE.toMillis() * percent / 100 - counted);
    }

    private Object column(long workOrder, String column) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT CAST(" + column + " AS CHAR) FROM"
                + " work_order WHERE id = :id").bind("id", workOrder).mapTo(String.class).one());
    }

    /** A DATETIME(3) column read as text: Hotline writes instants as UTC. */
    private static Instant instant(Object datetime) {
        return LocalDateTime.parse((String) datetime, DATETIME).toInstant(ZoneOffset.UTC);
    }

    private Process start(Map<String, String> env, Path log) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", JAR.toAbsolutePath().toString(), "run");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("HOTLINE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void awaitHealthy(int port, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get(port, "/health").statusCode() == 200);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
