package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.telephony.agi.FakeAsteriskClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Hotline records about every call, whole and over real FastAGI sockets, with the requests the recorded
 * Asterisk 22 sent: the call's {@code call_record} row from arrival to end and its work order's trail, for a call
 * answered then ended, abandoned, turned into a callback, arriving after hours, handed to the fallback queue when
 * Hotline stops, left open by a Hotline that was killed (reconciled at the next start), and escalated to tier 2 by
 * its seat.
 */
class CallRecordEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Path TRANSCRIPTS = Path.of("..", "testdata", "asterisk-transcripts");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static String recordedRoute;

    private final List<Hotline> started = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private String asterisk;
    private String seat;
    private String dialString;
    private String product;

    @BeforeAll
    static void readRecording() throws IOException {
        String recorded = Files.readString(TRANSCRIPTS.resolve("01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw"),
                StandardCharsets.UTF_8);
        recordedRoute = recorded.substring(0, recorded.indexOf("\n\n") + 2);
    }

    /**
     * Every test starts with its seats logged out: Hotline gives each seat back the state kept in seat_state, and
     * a seat an earlier test logged in would take the calls that must wait here.
     */
    @BeforeEach
    void forgetSeatStates() {
        DB.jdbi().useHandle(handle -> {
            // the schema is Hotline's to create: before the first start there is nothing to forget
            boolean kept = handle.createQuery("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = 'seat_state'").mapTo(Integer.class).one() > 0;
            if (kept) {
                handle.execute("DELETE FROM seat_state");
            }
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        started.forEach(Hotline::close);
    }

    @Test
    void shouldRecordTheTalkTimeAndTheEndOfAnAnsweredCall() throws Exception {
        Hotline hotline = start("answered", "");
        logIn(hotline);

        List<String> routed = dialogue(hotline, "route?dnis=100&product=" + product, "call-a.1", "call-a.1");
        assertThat(routed).contains("SET VARIABLE HOTLINE_RESULT ROUTED");
        dialogue(hotline, "answered?call=call-a.1&seat=" + seat, "call-a.2", "call-a.1");
        await().atMost(PATIENCE).until(() -> hotline.routingSnapshot().seats(Tier.TIER1, SeatState.ON_CALL) == 1);
        List<String> after = dialogue(hotline, "route?dialstatus=ANSWER&seat=" + seat, "call-a.1", "call-a.1");

        assertThat(after).contains("SET VARIABLE HOTLINE_RESULT DONE");
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> call = callRecord("call-a.1");
            assertThat(call).containsEntry("outcome", "ANSWERED").containsEntry("offers", 1)
                    .containsEntry("seat", seat).containsEntry("caller_number", "+4930123401")
                    .containsEntry("dialled_number", "100").containsEntry("queue", "support");
            assertThat(call.get("answered_at")).isNotNull();
            assertThat(call.get("ended_at")).isNotNull();
            assertThat(call.get("talk_ms")).isNotNull();
            assertThat(actions("call-a.1")).containsExactly("ROUTING", "CONNECTED", "CALL_ENDED");
            // the desk opened the call's one work order; the answer is its response
            assertThat(audit("call-a.1")).containsExactly("OPENED", "CALL_CONNECTED", "CALL_ENDED");
        });
        assertThat(productOf("call-a.1")).isEqualTo(product);
    }

    @Test
    void shouldRecordACallerWhoHangsUpWhileWaitingAsAbandoned() throws Exception {
        Hotline hotline = start("abandoned", "");

        try (FakeAsteriskClient client = waitInQueue(hotline, "call-b.1")) {
            client.send("HANGUP\n");
            assertThat(client.readCommand()).isNull();
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(callRecord("call-b.1")).containsEntry("outcome", "ABANDONED");
            assertThat(callRecord("call-b.1").get("ended_at")).isNotNull();
            // not cancelled: the desk makes an abandoned call callback work, with its own clock
            assertThat(state("call-b.1")).isEqualTo("NEW");
            assertThat(callbackAt("call-b.1")).isNotNull();
            assertThat(audit("call-b.1")).containsExactly("OPENED", "CALL_ABANDONED");
        });
    }

    @Test
    void shouldRecordACallbackAsACallbackAndNotAsAnAbandon() throws Exception {
        Hotline hotline = start("callback", "offer-callback-after = 1s\n");
        List<String> commands = new ArrayList<>();

        try (FakeAsteriskClient client = waitInQueue(hotline, "call-c.1")) {
            String command;
            while ((command = client.readCommand()) != null) {
                commands.add(command);
                // the caller presses 1 when offered a callback
                boolean offered = command.startsWith("STREAM FILE hotline/press-1-for-callback");
                client.send(offered ? "200 result=49 endpos=800\n" : AgiDialogue.reply(command, "call-c.1"));
            }
        }

        assertThat(commands).contains("SET VARIABLE HOTLINE_RESULT CALLBACK");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(callRecord("call-c.1")).containsEntry("outcome", "CALLBACK");
            assertThat(state("call-c.1")).isEqualTo("NEW");
            assertThat(actions("call-c.1")).containsExactly("HANDED_OFF");
            assertThat(audit("call-c.1")).containsExactly("OPENED", "CALL_HANDED_OFF");
            assertThat(callbackAt("call-c.1")).isNotNull();
        });
        assertThat(hotline.routingSnapshot().queues().get("support").abandoned()).isZero();
    }

    @Test
    void shouldRecordACallThatArrivesWhileTheQueueIsClosedAsAfterHours() throws Exception {
        // tier 1 and tier 2 are staffed for one hour that is not now
        String hour = LocalTime.now(ZoneOffset.UTC).getHour() < 12 ? "13:00-14:00" : "01:00-02:00";
        Hotline hotline = start("afterhours", "hours.TIER1 = MON-SUN " + hour + "\nhours.TIER2 = MON-SUN " + hour
                + "\n");

        List<String> commands = dialogue(hotline, "route?dnis=100", "call-g.1", "call-g.1");

        assertThat(commands).contains("SET VARIABLE HOTLINE_RESULT AFTER_HOURS");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(callRecord("call-g.1")).containsEntry("outcome", "AFTER_HOURS");
            assertThat(callRecord("call-g.1").get("ended_at")).isNotNull();
            assertThat(actions("call-g.1")).containsExactly("ROUTING", "HANDED_OFF");
            // callback work from the next opening
            assertThat(audit("call-g.1")).containsExactly("OPENED", "CALL_HANDED_OFF");
            assertThat(callbackAt("call-g.1")).isNotNull();
        });
        assertThat(state("call-g.1")).isEqualTo("NEW");
    }

    @Test
    void shouldHandAWaitingCallerToTheFallbackQueueWhenHotlineStops() throws Exception {
        Hotline hotline = start("sigterm", "");
        FakeAsteriskClient client = waitInQueue(hotline, "call-d.1");
        CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> {
            try (client) {
                return AgiDialogue.answerAll(client, "call-d.1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // the orderly stop SIGTERM runs
        hotline.close();
        started.remove(hotline);

        // the session ended with no HOTLINE_RESULT: the dialplan falls through to Queue(hotline-fallback)
        assertThat(rest.get(10, TimeUnit.SECONDS))
                .noneMatch(command -> command.startsWith("SET VARIABLE HOTLINE_RESULT"));
        assertThat(callRecord("call-d.1")).containsEntry("outcome", "FALLBACK");
        assertThat(callRecord("call-d.1").get("ended_at")).isNotNull();
        assertThat(state("call-d.1")).isEqualTo("NEW");
        assertThat(actions("call-d.1")).containsExactly("HANDED_OFF");
        // served by the fallback queue: neither abandoned nor callback work
        assertThat(audit("call-d.1")).containsExactly("OPENED", "CALL_HANDED_OFF");
        assertThat(callbackAt("call-d.1")).isNull();
    }

    @Test
    void shouldReconcileACallLeftOpenByAKilledHotlineWhenItStartsAgain() throws Exception {
        // given Hotline in its own process, with a caller waiting in a route session
        Map<String, String> env = settings("crash", "");
        int agiPort = HotlineTest.freePort();
        env.put("HOTLINE_AGI_PORT", Integer.toString(agiPort));
        env.put("HOTLINE_HTTP_PORT", Integer.toString(HotlineTest.freePort()));
        Process first = launch(env, Path.of(env.get("HOTLINE_DATA_DIR"), "first.log"));
        InetSocketAddress agi = new InetSocketAddress("127.0.0.1", agiPort);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    try (Socket probe = new Socket(agi.getAddress(), agi.getPort())) {
                        return probe.isConnected();
                    }
                });
        try (FakeAsteriskClient client = FakeAsteriskClient.connect(agi)) {
            client.send(environment("route?dnis=100", "call-e.1"));
            String command;
            while ((command = client.readCommand()) != null) {
                client.send(AgiDialogue.reply(command, "call-e.1"));
                if (command.startsWith("SET MUSIC ON")) {
                    break;
                }
            }
            await().atMost(PATIENCE).until(() -> callRecordCount("call-e.1") == 1);

            // when the process is killed (SIGKILL: no orderly stop) and the dialplan takes the caller
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(client.readCommand()).isNull();
        }
        assertThat(callRecord("call-e.1").get("ended_at")).isNull();

        // then the next start closes the call as handed to the fallback queue
        env.put("HOTLINE_AGI_PORT", "0");
        env.put("HOTLINE_HTTP_PORT", "0");
        started.add(Hotline.start(HotlineConfiguration.from(Settings.of(env))));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(callRecord("call-e.1")).containsEntry("outcome", "FALLBACK");
            assertThat(callRecord("call-e.1").get("ended_at")).isNotNull();
            assertThat(actions("call-e.1")).containsExactly("RECONCILED");
            // one work order: the killed run's desk opened it, or this start's orphan-call recovery did
            assertThat(audit("call-e.1")).containsExactly("OPENED");
        });
        assertThat(state("call-e.1")).isEqualTo("NEW");
        assertThat(reasons("call-e.1")).last().asString()
                .isEqualTo("Hotline restarted while the call was open; handed to the fallback queue by the dialplan");
    }

    @Test
    void shouldRecordTheEscalationOfASeatsBlindTransferToTier2() throws Exception {
        Hotline hotline = start("escalation", "");
        logIn(hotline);
        assertThat(dialogue(hotline, "route?dnis=100&product=" + product, "call-f.1", "call-f.1"))
                .contains("SET VARIABLE HOTLINE_RESULT ROUTED");
        dialogue(hotline, "answered?call=call-f.1&seat=" + seat, "call-f.2", "call-f.1");
        await().atMost(PATIENCE).until(() -> hotline.routingSnapshot().seats(Tier.TIER1, SeatState.ON_CALL) == 1);

        // the seat blind-transfers the caller to tier2: [hotline-escalate] runs the escalate script
        try (FakeAsteriskClient client = FakeAsteriskClient.connect(hotline.agiAddress())) {
            client.send(environment("escalate?queue=tier2&seat=" + seat + "&reason=GL%20close%20fails",
                    "call-f.1"));
            String command;
            while ((command = client.readCommand()) != null) {
                client.send(AgiDialogue.reply(command, "call-f.1"));
                if (command.startsWith("SET MUSIC ON")) {
                    break;
                }
            }
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(tier("call-f.1")).isEqualTo("TIER2");
                assertThat(callRecord("call-f.1")).containsEntry("outcome", "ESCALATED")
                        .containsEntry("queue", "tier2");
                assertThat(actions("call-f.1")).contains("ESCALATED");
            });
            client.send("HANGUP\n");
        }
        Map<String, Object> escalation = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT e.actor, e.from_tier, e.to_tier, e.reason FROM work_order_event e JOIN work_order w"
                        + " ON w.id = e.work_order_id WHERE w.call_linkedid = 'call-f.1' AND e.action = 'ESCALATED'"
                        + " AND e.sequence IS NULL").mapToMap().one());
        // routing's row tells the move (the tiers are the desk's to change)
        assertThat(escalation).containsEntry("actor", "routing").containsEntry("reason",
                "the call moved from TIER1 to TIER2 by " + seat + ", to queue tier2: GL close fails");
        // and the desk moved the work order up the ladder, with the seat's reason
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> laddered = DB.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT e.actor, e.from_tier, e.to_tier, e.reason FROM work_order_event e JOIN work_order w"
                            + " ON w.id = e.work_order_id WHERE w.call_linkedid = 'call-f.1'"
                            + " AND e.action = 'ESCALATED' AND e.sequence IS NOT NULL").mapToMap().one());
            assertThat(laddered).containsEntry("actor", seat).containsEntry("from_tier", "TIER1")
                    .containsEntry("to_tier", "TIER2").containsEntry("reason", "GL close fails");
        });
    }

    // ----- helpers ------------------------------------------------------------------------------------------

    private Map<String, String> settings(String name, String routingLines) throws IOException {
        asterisk = "pbx-" + name;
        String dataDir = TestDataDirectories.fresh("callrecord-" + name);
        Path routing = Files.writeString(Path.of(dataDir, "routing.properties"), "hours.zone = UTC\n" + routingLines);
        return new HashMap<>(Map.of(
                "HOTLINE_ROUTING_FILE", routing.toString(),
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_DB_USER", DB.config().user(),
                "HOTLINE_DB_PASSWORD", DB.config().password(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_ASTERISK_NAME", asterisk,
                "HOTLINE_DATA_DIR", dataDir));
    }

    private Hotline start(String name, String routingLines) throws IOException {
        Hotline hotline = Hotline.start(HotlineConfiguration.from(Settings.of(settings(name, routingLines))));
        started.add(hotline);
        Map<String, Object> row = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT s.code, s.sip_endpoint, k.code AS product FROM seat s JOIN seat_skill ss ON ss.seat_id = s.id"
                        + " JOIN skill k ON k.id = ss.skill_id WHERE s.tier = 'TIER1' AND k.kind = 'PRODUCT_LINE'"
                        + " ORDER BY s.id, k.id LIMIT 1").mapToMap().one());
        seat = (String) row.get("code");
        dialString = (String) row.get("sip_endpoint");
        product = (String) row.get("product");
        return hotline;
    }

    private Process launch(Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-cp", System.getProperty("java.class.path"), HotlineMain.class.getName(),
                "run").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("HOTLINE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void logIn(Hotline hotline) throws Exception {
        try (FakeAsteriskClient phone = FakeAsteriskClient.connect(hotline.agiAddress())) {
            phone.send("agi_network_script: seat?action=login\nagi_channel: " + dialString + "-0000000a\n\n");
            assertThat(AgiDialogue.answerAll(phone, "unused")).contains("SET VARIABLE HOTLINE_SEAT_RESULT OK");
        }
        await().atMost(PATIENCE).until(() -> hotline.routingSnapshot().seats(Tier.TIER1, SeatState.READY) == 1);
    }

    /** The recorded route request, for {@code script} on channel {@code uniqueId}. */
    private static String environment(String script, String uniqueId) {
        return recordedRoute.replace("route?dnis=100&trunk=carrier", script)
                .replace("agi_uniqueid: 1795347580.0", "agi_uniqueid: " + uniqueId);
    }

    private static List<String> dialogue(Hotline hotline, String script, String uniqueId, String linkedId)
            throws Exception {
        try (FakeAsteriskClient client = FakeAsteriskClient.connect(hotline.agiAddress())) {
            client.send(environment(script, uniqueId));
            return AgiDialogue.answerAll(client, linkedId);
        }
    }

    /** A caller in a route session with no seat ready: returns once music on hold plays. */
    private static FakeAsteriskClient waitInQueue(Hotline hotline, String linkedId) throws Exception {
        FakeAsteriskClient client = FakeAsteriskClient.connect(hotline.agiAddress());
        client.send(environment("route?dnis=100", linkedId));
        String command;
        while ((command = client.readCommand()) != null) {
            client.send(AgiDialogue.reply(command, linkedId));
            if (command.startsWith("SET MUSIC ON")) {
                break;
            }
        }
        await().atMost(PATIENCE).until(() -> hotline.routingSnapshot().queues().get("support").waiting() == 1);
        return client;
    }

    private Map<String, Object> callRecord(String linkedId) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT c.*, s.code AS seat FROM call_record c"
                        + " LEFT JOIN seat s ON s.id = c.seat_id"
                        + " WHERE c.asterisk_server = :server AND c.linkedid = :call")
                .bind("server", asterisk).bind("call", linkedId).mapToMap().findOne()
                // An AssertionError, not an IllegalStateException: untilAsserted retries it while the row is coming.
                .orElseThrow(() -> new AssertionError("no call_record row for " + linkedId + " yet")));
    }

    private int callRecordCount(String linkedId) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM call_record"
                        + " WHERE asterisk_server = :server AND linkedid = :call")
                .bind("server", asterisk).bind("call", linkedId).mapTo(Integer.class).one());
    }

    private String workOrderColumn(String column, String linkedId) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT " + column + " FROM work_order"
                        + " WHERE asterisk_server = :server AND call_linkedid = :call")
                .bind("server", asterisk).bind("call", linkedId).mapTo(String.class).one());
    }

    private String state(String linkedId) {
        return workOrderColumn("state", linkedId);
    }

    private String tier(String linkedId) {
        return workOrderColumn("tier", linkedId);
    }

    private String productOf(String linkedId) {
        return workOrderColumn("(SELECT code FROM skill WHERE id = product_skill_id)", linkedId);
    }

    /** What routing recorded on the call's work order (the desk's audit aside). */
    private List<String> actions(String linkedId) {
        return trail("action", linkedId);
    }

    /** The desk's audit of the call's work order. */
    private List<String> audit(String linkedId) {
        return Trails.desk(DB.jdbi(), asterisk, linkedId);
    }

    private String callbackAt(String linkedId) {
        return workOrderColumn("callback_at", linkedId);
    }

    private List<String> reasons(String linkedId) {
        return trail("reason", linkedId);
    }

    private List<String> trail(String column, String linkedId) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT e." + column + " FROM work_order_event e"
                        + " JOIN work_order w ON w.id = e.work_order_id WHERE w.asterisk_server = :server"
                        + " AND w.call_linkedid = :call AND e.sequence IS NULL ORDER BY e.id")
                .bind("server", asterisk).bind("call", linkedId).mapTo(String.class).list());
    }
}
