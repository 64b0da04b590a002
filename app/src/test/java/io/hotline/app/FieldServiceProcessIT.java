package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The field leg's whole-Hotline proof (issue 16): the packaged jar in its own process on a real database with the
 * demo organisation, its service desk on a test clock moved forward by a file ({@code HOTLINE_CLOCK_OFFSET_FILE}).
 * A call from a customer in Suzhou (known coordinates) is answered; a supervisor escalates its work order on site;
 * the order goes to the nearest branch (BR-SUZHOU, 18 km); nobody acknowledges for 10 minutes, so it goes to the
 * second nearest (BR-WUXI, 38 km) and headquarters is alerted; Wuxi's duty manager acknowledges, assigns an engineer
 * and books the appointment on the console API; the engineer's texts come through the signed SMS webhook (refused
 * from a wrong phone, with a bad signature, with a stale timestamp, as garbage; a duplicate message id ignored;
 * accepted ARRIVE and DONE from the assigned engineer's mobile); 30 minutes after completion the follow-up is due;
 * the duty manager records the customer's satisfaction; the order is scored, reported and closed, and so is the work
 * order. Every timestamp is checked against the one before it and the deadlines.
 * <p>
 * The second test runs the same with a {@code kill -9} and a restart between each two steps: every deadline still
 * fires once, and nothing is lost.
 */
class FieldServiceProcessIT {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Path JAR = Path.of(System.getProperty("hotline.jar", "target/hotline.jar"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "field-it-webhook-secret";
    private static final String CALLER = "+4930123401";
    private static final long CUSTOMER = 12;
    private static final String ADMIN_PASSWORD = "first-admin-pass";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();
    private Path work;
    private Path offsetFile;
    private Duration offset = Duration.ZERO;
    private Map<String, String> env;
    private URI base;
    private InetSocketAddress agi;
    private boolean killBetweenSteps;
    private int run;

    @BeforeAll
    static void customerCallsFromTheRecordedNumber() {
        // The recordings' caller is C00012, Suzhou Yongxin Printing (31.174823, 120.459511).
        DB.jdbi().useHandle(handle -> handle.execute("INSERT INTO customer_phone (customer_id, phone_number, label)"
                + " VALUES (?, ?, 'test')", CUSTOMER, CALLER));
    }

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
    void shouldRunTheFieldLegFromEscalationToClosedOverHttpAndSms() throws Exception {
        killBetweenSteps = false;
        run = 0;
        fieldLeg();
    }

    @Test
    void shouldRunTheFieldLegWithAKillAndRestartBetweenEachTwoSteps() throws Exception {
        killBetweenSteps = true;
        run = 1;
        fieldLeg();
    }

    private void fieldLeg() throws Exception {
        // given Hotline on the demo organisation, a supervisor and the two branches' duty managers
        start();
        String admin = PeopleApi.token(base, "admin", ADMIN_PASSWORD);
        account(admin, "{\"login\":\"hq" + run + "\",\"role\":\"supervisor\",\"password\":\"supervisor-pass\"}");
        account(admin, "{\"login\":\"dm.suzhou" + run + "\",\"role\":\"duty-manager\",\"branch\":\"BR-SUZHOU\","
                + "\"password\":\"duty-manager-pass\"}");
        account(admin, "{\"login\":\"dm.wuxi" + run + "\",\"role\":\"duty-manager\",\"branch\":\"BR-WUXI\","
                + "\"password\":\"duty-manager-pass\"}");
        long workOrder = answeredCall();
        step();

        // when the supervisor escalates the work order on site
        Instant escalatedAt = deskNow();
        HttpResponse<String> escalated = send("hq", "POST", "/api/work-orders/" + workOrder + "/escalate",
                "{\"to\":\"ON_SITE\",\"reason\":\"licence server will not start\",\"site\":\"苏州工业园区星湖街 88 号\"}");
        assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);

        // then the order goes to the nearest branch on duty, its duty phone texted, its acknowledgement due in 10 min
        Map<String, Object> sent = await().atMost(Duration.ofSeconds(10)).until(() -> dispatch(workOrder),
                row -> row != null && "SENT".equals(row.get("state")));
        assertThat(sent).containsEntry("branch_code", "BR-SUZHOU");
        List<Map<String, Object>> legs = legs(workOrder);
        assertThat(legs).hasSize(1);
        Instant sentAt = instant(legs.get(0).get("sent_at"));
        assertThat(sentAt).isBetween(escalatedAt, deskNow());
        assertThat(instant(legs.get(0).get("ack_due_at"))).isEqualTo(sentAt.plus(Duration.ofMinutes(10)));
        assertThat((Double) legs.get(0).get("distance_km")).isBetween(17.0, 20.0);
        assertThat((String) sent.get("ranking")).startsWith("BR-SUZHOU:").contains(";BR-WUXI:");
        awaitSms(dutyPhones("BR-SUZHOU"), "dispatch order " + workOrder);
        step();

        // when nobody acknowledges for 10 minutes
        advance(Duration.ofMinutes(10).plusSeconds(1));

        // then the order went to the second nearest branch, and headquarters was alerted, once
        await().atMost(Duration.ofSeconds(15)).until(() -> legs(workOrder).size() == 2);
        legs = legs(workOrder);
        Instant expired = instant(legs.get(0).get("expired_at"));
        assertThat(expired).isAfterOrEqualTo(instant(legs.get(0).get("ack_due_at")));
        assertThat(legs.get(0).get("acknowledged_at")).isNull();
        assertThat(legs.get(1)).containsEntry("branch_code", "BR-WUXI");
        // (the leg expired when due; the next went out when the desk saw it, on its clock's next reading)
        assertThat(instant(legs.get(1).get("sent_at"))).isBetween(expired, deskNow());
        assertThat((Double) legs.get(1).get("distance_km")).isBetween(36.0, 40.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts(workOrder, "REDISPATCHED") == 1);
        awaitSms(dutyPhones("BR-WUXI"), "dispatch order " + workOrder);
        assertThat(send("dm.suzhou", "POST", "/api/dispatch/" + workOrder + "/acknowledge", "{}").statusCode())
                .as("Suzhou no longer holds the order").isEqualTo(403);
        step();

        // when Wuxi's duty manager acknowledges
        Instant acknowledging = deskNow();
        HttpResponse<String> acknowledged = send("dm.wuxi", "POST", "/api/dispatch/" + workOrder + "/acknowledge",
                "{}");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        Instant ackAt = instant(await().atMost(Duration.ofSeconds(10)).until(() -> legs(workOrder).get(1)
                .get("acknowledged_at"), at -> at != null));
        awaitState(workOrder, "ACKNOWLEDGED");
        assertThat(ackAt).isBetween(acknowledging, deskNow());
        assertThat(instant(dispatch(workOrder).get("assign_due_at"))).isEqualTo(ackAt.plus(Duration.ofHours(4)));
        step();

        // and assigns an engineer of the branch
        String engineer = "FE-107";
        String mobile = mobile(engineer);
        HttpResponse<String> assigned = send("dm.wuxi", "POST", "/api/dispatch/" + workOrder + "/assign",
                "{\"engineer\":\"" + engineer + "\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(awaitState(workOrder, "ASSIGNED")).containsEntry("engineer_code", engineer);
        Instant assignedAt = instant(dispatch(workOrder).get("assigned_at"));
        assertThat(assignedAt).isAfterOrEqualTo(ackAt);
        awaitSms(Set.of(mobile), "ARRIVE " + workOrder);
        step();

        // and books the visit two hours from now
        Instant appointment = deskNow().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        HttpResponse<String> booked = send("dm.wuxi", "POST", "/api/dispatch/" + workOrder + "/appointment",
                "{\"at\":\"" + appointment + "\"}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(200);
        assertThat(instant(awaitState(workOrder, "SCHEDULED").get("appointment_at"))).isEqualTo(appointment);
        step();

        // when texts come in that must change nothing
        String prefix = "it" + run + "-" + workOrder + "-";
        JsonNode wrongPhone = sms(prefix + "1", "+8613800000000", "ARRIVE " + workOrder, deskNow(), SECRET, 200);
        assertThat(wrongPhone.get("status").asText()).isEqualTo("refused");
        assertThat(sms(prefix + "1", "+8613800000000", "ARRIVE " + workOrder, deskNow(), SECRET, 200)
                .get("status").asText()).as("the same message id again").isEqualTo("duplicate");
        JsonNode otherEngineer = sms(prefix + "2", mobile("FE-108"), "ARRIVE " + workOrder, deskNow(), SECRET, 200);
        assertThat(otherEngineer.get("status").asText()).isEqualTo("refused");
        sms(prefix + "3", mobile, "ARRIVE " + workOrder, deskNow(), "a-different-webhook-secret", 401);
        sms(prefix + "4", mobile, "ARRIVE " + workOrder, deskNow().minus(Duration.ofMinutes(10)), SECRET, 401);
        JsonNode garbage = sms(prefix + "5", mobile, "I am there now", deskNow(), SECRET, 200);
        assertThat(garbage.get("status").asText()).isEqualTo("refused");
        assertThat(garbage.get("reply").asText()).contains("ARRIVE <order>").contains("到达");
        assertThat(dispatch(workOrder)).containsEntry("state", "SCHEDULED");
        assertThat(dispatch(workOrder).get("arrived_at")).isNull();
        awaitSms(Set.of(mobile), "not understood");
        step();

        // when the engineer texts arrival, an hour later, in Chinese with full-width digits, from the registered phone
        advance(Duration.ofHours(1));
        Instant arriving = deskNow();
        JsonNode arrive = sms(prefix + "6", mobile, "到达　" + fullWidth(workOrder), arriving, SECRET, 200);
        assertThat(arrive.get("status").asText()).as(arrive.toString()).isEqualTo("accepted");
        assertThat(instant(awaitState(workOrder, "ON_SITE").get("arrived_at")))
                .isBetween(arriving.minusSeconds(1), deskNow()).isBefore(appointment);
        step();

        // and completion
        Instant finishing = deskNow();
        JsonNode done = sms(prefix + "7", mobile, "DONE " + workOrder + " replaced licence file", finishing, SECRET,
                200);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("accepted");
        Map<String, Object> completed = awaitState(workOrder, "COMPLETED");
        assertThat(completed).containsEntry("completion_note", "replaced licence file");
        Instant completedAt = instant(completed.get("completed_at"));
        assertThat(completedAt).isBetween(finishing.minusSeconds(1), deskNow());
        assertThat(instant(completed.get("follow_up_due_at"))).isEqualTo(completedAt.plus(Duration.ofMinutes(30)));
        await().atMost(Duration.ofSeconds(10)).until(() -> "RESOLVED".equals(workOrderState(workOrder)));
        step();

        // when 30 minutes pass
        advance(Duration.ofMinutes(30).plusSeconds(1));

        // then the follow-up is due on Wuxi's console, once
        await().atMost(Duration.ofSeconds(15)).until(() -> notifications(workOrder, "BRANCH", "FOLLOW_UP_DUE") == 1);
        HttpResponse<String> console = send("dm.wuxi", "GET", "/api/console", null);
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("\"id\":" + workOrder);
        step();

        // when the duty manager records the customer's satisfaction
        HttpResponse<String> followedUp = send("dm.wuxi", "POST", "/api/dispatch/" + workOrder + "/follow-up",
                "{\"satisfaction\":5,\"comment\":\"fast and friendly\"}");
        assertThat(followedUp.statusCode()).as(followedUp.body()).isEqualTo(200);

        // then the order is scored (50 satisfaction + 20 on time + 20 of 30 deadlines: leg 1 was not acknowledged),
        // reported to headquarters and closed, and so is the work order
        Map<String, Object> closed = await().atMost(Duration.ofSeconds(10)).until(() -> dispatch(workOrder),
                row -> "CLOSED".equals(row.get("state")));
        assertThat(closed).containsEntry("score_total", 90).containsEntry("score_satisfaction", 50)
                .containsEntry("score_punctuality", 20).containsEntry("score_deadlines", 20)
                .containsEntry("follow_up_satisfaction", 5);
        assertThat(instant(closed.get("closed_at"))).isAfterOrEqualTo(completedAt.plus(Duration.ofMinutes(30)));
        await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(workOrderState(workOrder)));
        Map<String, Object> report = await().atMost(Duration.ofSeconds(10)).until(() -> report(workOrder),
                row -> row != null);
        assertThat(report).containsEntry("branch_code", "BR-WUXI").containsEntry("engineer_code", engineer)
                .containsEntry("score_total", 90).containsEntry("legs", 2);
        // and every deadline fired once: one re-dispatch, one follow-up, no assignment alert
        assertThat(alerts(workOrder, "REDISPATCHED")).isEqualTo(1);
        assertThat(alerts(workOrder, "ASSIGN_WARNING") + alerts(workOrder, "ASSIGN_BREACHED")).isZero();
        assertThat(notifications(workOrder, "BRANCH", "FOLLOW_UP_DUE")).isEqualTo(1);
        assertThat(steps(workOrder)).as("one arrival: the refused texts changed nothing").filteredOn("ARRIVED"::equals)
                .hasSize(1);
        assertThat(steps(workOrder)).containsSubsequence("SENT", "REDISPATCHED", "ACKNOWLEDGED", "ASSIGNED",
                "APPOINTMENT_BOOKED", "ARRIVED", "COMPLETED", "FOLLOW_UP_DUE", "FOLLOWED_UP", "CLOSED");
    }

    /** A step is done: in the second test, Hotline is killed ({@code kill -9}) and started again here. */
    private void step() throws Exception {
        if (!killBetweenSteps) {
            return;
        }
        Process running = processes.get(processes.size() - 1);
        running.destroyForcibly();
        assertThat(running.waitFor(10, TimeUnit.SECONDS)).as("killed").isTrue();
        start();
    }

    private void start() throws Exception {
        if (env == null) {
            work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-field-");
            offsetFile = work.resolve("clock-offset");
            Files.writeString(offsetFile, offset.toString());
            Path routing = Files.writeString(work.resolve("routing.properties"), "hours.zone = UTC\nwrap-up = 2s\n");
            agi = new InetSocketAddress("127.0.0.1", HotlineTest.freePort());
            int httpPort = HotlineTest.freePort();
            base = URI.create("http://127.0.0.1:" + httpPort);
            env = new HashMap<>(Map.of(
                    "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                    "HOTLINE_DB_USER", DB.config().user(),
                    "HOTLINE_DB_PASSWORD", DB.config().password(),
                    "HOTLINE_DATA_DIR", work.resolve("data").toString(),
                    "HOTLINE_HTTP_PORT", Integer.toString(httpPort),
                    "HOTLINE_AGI_PORT", Integer.toString(agi.getPort()),
                    "HOTLINE_ASTERISK_NAME", "pbx-field-" + run,
                    "HOTLINE_ROUTING_FILE", routing.toString(),
                    "HOTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "HOTLINE_SMS_WEBHOOK_SECRET", SECRET));
            env.put("HOTLINE_CLOCK_OFFSET_FILE", offsetFile.toString());
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", JAR.toAbsolutePath().toString(), "run");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("hotline.log").toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("HOTLINE_"));
        builder.environment().putAll(env);
        processes.add(builder.start());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get("/health").statusCode() == 200);
    }

    /**
     * Moves the desk's clock on by {@code by}: written to the offset file the running Hotline reads, then waits until
     * Hotline's clock shows it (the console's {@code now}), so what is signed next is inside the webhook's window.
     */
    private void advance(Duration by) throws Exception {
        offset = offset.plus(by);
        Files.writeString(offsetFile, offset.toString());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode console = JSON.readTree(send("hq", "GET", "/api/console", null).body());
            return Instant.parse(console.get("now").asText()).isAfter(deskNow().minusSeconds(5));
        });
    }

    private Instant deskNow() {
        return Instant.now().plus(offset);
    }

    /** A seat logs in, a P2 call for ERP_U8 from the customer is routed to it and answered: its work order. */
    private long answeredCall() throws Exception {
        Map<String, Object> seat = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT s.code, s.sip_endpoint FROM seat s JOIN seat_skill ss ON ss.seat_id = s.id JOIN skill k"
                        + " ON k.id = ss.skill_id WHERE s.tier = 'TIER1' AND k.code = 'ERP_U8' ORDER BY s.id"
                        + " LIMIT 1 OFFSET " + (run + 2)).mapToMap().one());
        String endpoint = (String) seat.get("sip_endpoint");
        String call = "17967" + run + "0000.0";
        AsteriskChannel phone = new AsteriskChannel("18-feature-code-answered-with-tone.agi1-recv.raw",
                endpoint + "-0000000" + run, "17966" + run + "9990.4", "17966" + run + "9990.4");
        try (AsteriskChannel.Session login = phone.agi(agi, "seat?action=login&reason=", "hotline-seat-action",
                "s", 3)) {
            assertThat(login.answerAll()).contains("SET VARIABLE HOTLINE_SEAT_RESULT OK");
        }
        AsteriskChannel caller = new AsteriskChannel("01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw",
                "PJSIP/carrier-0000001" + run, call, call);
        try (AsteriskChannel.Session route = caller.agi(agi, "route?dnis=100&product=ERP_U8&severity=P2",
                "hotline-inbound", "100", 4)) {
            assertThat(route.answerAll()).contains("SET VARIABLE HOTLINE_RESULT ROUTED");
        }
        // The seat logged in now, or one an earlier test left ready: the call goes to a seat with the skill.
        String routedTo = caller.variable("HOTLINE_SEAT");
        String answering = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT sip_endpoint FROM seat WHERE"
                + " code = :code").bind("code", routedTo).mapTo(String.class).one());
        long workOrder = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> DB.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM work_order"
                        + " WHERE asterisk_server = :server AND call_linkedid = :call")
                        .bind("server", "pbx-field-" + run)
                        .bind("call", call).mapTo(Long.class).findOne().orElse(null)), id -> id != null);
        AsteriskChannel seatLeg = new AsteriskChannel("16-dial-g-seat-hangs-up-caller-continues.agi2-recv.raw",
                answering + "-0000001" + run, "17967" + run + "0000.1", call);
        try (AsteriskChannel.Session answered = seatLeg.agi(agi, "answered?call=" + caller.variable("HOTLINE_CALL")
                + "&seat=" + caller.variable("HOTLINE_SEAT"), "hotline-answered", "s", 1)) {
            answered.answerAll();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "IN_PROGRESS".equals(workOrderState(workOrder)));
        long customer = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT customer_id FROM work_order"
                + " WHERE id = :id").bind("id", workOrder).mapTo(Long.class).one());
        assertThat(customer).isEqualTo(CUSTOMER);
        return workOrder;
    }

    private void account(String adminToken, String body) throws Exception {
        HttpResponse<String> response = PeopleApi.send(base, "POST", "/api/admin/accounts", body, adminToken);
        assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
    }

    private HttpResponse<String> send(String login, String method, String path, String body) throws Exception {
        String password = login.startsWith("hq") ? "supervisor-pass" : "duty-manager-pass";
        String token = PeopleApi.token(base, login + run, password);
        return PeopleApi.send(base, method, path, body, token);
    }

    /** Posts an inbound SMS to the webhook, signed with {@code secret} at {@code at}; the answer's JSON. */
    private JsonNode sms(String id, String from, String text, Instant at, String secret, int status)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of("id", id, "from", from, "text", text, "sent_at",
                at.toString()));
        String timestamp = Long.toString(at.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/sms/inbound"))
                .header("Content-Type", "application/json").header("X-Hotline-Timestamp", timestamp)
                .header("X-Hotline-Signature", signature).timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", text, response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static String fullWidth(long number) {
        StringBuilder digits = new StringBuilder();
        for (char digit : Long.toString(number).toCharArray()) {
            digits.append((char) ('０' + (digit - '0')));
        }
        return digits.toString();
    }

    /** Waits for a message to one of {@code to} whose text contains {@code text} in the file gateway's outbox. */
    private void awaitSms(Set<String> to, String text) {
        Path outbox = work.resolve("data").resolve("sms-outbox.jsonl");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                Files.readAllLines(outbox, StandardCharsets.UTF_8).stream().map(this::json).anyMatch(line ->
                        to.contains(line.get("to").asText()) && line.get("text").asText().contains(text)));
    }

    private JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(line, e);
        }
    }

    private Set<String> dutyPhones(String branch) {
        List<String> phones = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT s.manager_phone FROM"
                + " branch_duty_shift s JOIN branch b ON b.id = s.branch_id WHERE b.code = :code UNION SELECT"
                + " duty_manager_phone FROM branch WHERE code = :code").bind("code", branch).mapTo(String.class)
                .list());
        return Set.copyOf(phones);
    }

    private String mobile(String engineer) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT mobile_phone FROM field_engineer WHERE"
                + " code = :code").bind("code", engineer).mapTo(String.class).one());
    }

    private Map<String, Object> dispatch(long workOrder) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT * FROM field_dispatch WHERE work_order_id"
                + " = :id").bind("id", workOrder).mapToMap().findOne().orElse(null));
    }

    /** The dispatch once the journal wrote it in {@code state}. */
    private Map<String, Object> awaitState(long workOrder, String state) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> dispatch(workOrder), row -> row != null && state.equals(row.get("state")));
    }

    private List<Map<String, Object>> legs(long workOrder) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT * FROM field_dispatch_leg WHERE"
                + " work_order_id = :id ORDER BY number").bind("id", workOrder).mapToMap().list());
    }

    private Map<String, Object> report(long workOrder) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT * FROM field_report WHERE work_order_id"
                + " = :id").bind("id", workOrder).mapToMap().findOne().orElse(null));
    }

    private List<String> steps(long workOrder) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT step FROM field_step WHERE work_order_id"
                + " = :id ORDER BY sequence").bind("id", workOrder).mapTo(String.class).list());
    }

    private int alerts(long workOrder, String kind) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM notification WHERE"
                + " work_order_id = :id AND kind = 'HQ_ALERT' AND subject = :kind").bind("id", workOrder)
                .bind("kind", kind).mapTo(Integer.class).one());
    }

    private int notifications(long workOrder, String recipient, String kind) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM notification WHERE"
                + " work_order_id = :id AND recipient_kind = :recipient AND kind = :kind").bind("id", workOrder)
                .bind("recipient", recipient).bind("kind", kind).mapTo(Integer.class).one());
    }

    private String workOrderState(long workOrder) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT state FROM work_order WHERE id = :id")
                .bind("id", workOrder).mapTo(String.class).one());
    }

    /** A DATETIME(3) column as Hotline wrote it (UTC), read back through the test database's instant mapping. */
    private static Instant instant(Object datetime) {
        if (datetime instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        if (datetime instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a datetime: " + datetime);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
