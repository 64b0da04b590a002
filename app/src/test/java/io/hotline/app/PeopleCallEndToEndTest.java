package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.telephony.Transcripts;
import io.hotline.telephony.ami.ScriptedAmiServer;
import io.hotline.web.push.PushClient;
import io.hotline.web.push.PushClients;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's "must show", over real sockets with AMI on: an agent account is added by the admin, the agent signs in
 * over HTTP, opens the push channel, logs the seat in and goes ready; recording 04a's caller (its FastAGI request,
 * with a demo customer's number as caller id) enters through the {@code route} script; routing offers the agent's
 * seat and the agent's WebSocket gets the {@code offered} screen-pop naming the customer while the phone still
 * rings (before the seat's leg answers), then the {@code answered} one; the agent escalates to tier 2 over HTTP and
 * the scripted Asterisk receives the AMI {@code Redirect} of the caller's channel to {@code hotline-escalate,tier2,1}
 * (recordings 04a, 20); the work order's trail (HTTP and {@code work_order_event}) shows each step, who, why and
 * when, in order.
 */
class PeopleCallEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Recording 04a's caller: its linkedid and channel, as its FastAGI request and its AMI events name them. */
    private static final String RECORDING = "04a-transfer-tier1-to-tier2-ami-redirect";
    private static final String CALL = "1795347630.7";
    private static final String CALLER_CHANNEL = "PJSIP/carrier-00000007";

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    @TempDir
    Path directory;
    private Hotline hotline;

    @Test
    void shouldPopTheCustomerWhileThePhoneRingsAndRedirectTheCallerWhenTheAgentEscalatesToTier2() throws Exception {
        Instant started = Instant.now();
        try (ScriptedAmiServer asterisk = ScriptedAmiServer.start(0).afterLoginActing(RECORDING + ".ami-recv.raw");
             Hotline running = Hotline.start(configuration(asterisk.port()));
             PushClients pushClients = new PushClients(1)) {
            hotline = running;
            // given Hotline following the recorded Asterisk over AMI (it knows the caller's channel)
            await().atMost(PATIENCE).until(() -> running.health().components().get("ami").status()
                    == ComponentHealth.Status.UP && running.ami().view().callerChannel(CALL).isPresent()
                    && running.desktop().ready());
            Map<String, Object> customer = customerAndSeat();
            String seat = (String) customer.get("code");

            // and an agent for that seat, added by the admin, signed in, with the push channel open
            String admin = token("admin", "first-admin-pass");
            HttpResponse<String> added = send("POST", "/api/admin/accounts", "{\"login\":\"li.wei\",\"role\":"
                    + "\"agent\",\"seat\":\"" + seat + "\",\"displayName\":\"Li Wei\",\"password\":\"agent-pass-1\"}",
                    admin);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            String agent = token("li.wei", "agent-pass-1");
            URI ws = URI.create("ws://127.0.0.1:" + running.httpAddress().getPort() + "/ws");
            PushClient desktop = pushClients.connectWithBearer(ws, agent, message -> { }).get(5, TimeUnit.SECONDS);
            await().atMost(PATIENCE).until(() -> desktop.first("hello").isPresent());

            // and the seat logged in, not ready, then ready, all over HTTP with routing's verdicts
            assertThat(seatState(send("POST", "/api/seat/login", "", agent))).isEqualTo("READY");
            assertThat(seatState(send("POST", "/api/seat/not-ready", "{\"reason\":\"headset\"}", agent)))
                    .isEqualTo("NOT_READY");
            assertThat(seatState(send("POST", "/api/seat/ready", "", agent))).isEqualTo("READY");

            // when recording 04a's caller enters through FastAGI with the customer's number
            List<String> routed = AgiDialogue.session(running, recordedRoute((String) customer.get("phone_number")),
                    CALL);

            // then routing rings the agent's seat, and while it rings the desktop pops the customer
            assertThat(routed).contains("SET VARIABLE HOTLINE_SEAT " + seat, "SET VARIABLE HOTLINE_RESULT ROUTED");
            PushClient.Received offered = await("the offered screen-pop while the phone rings").atMost(PATIENCE)
                    .until(() -> desktop.first("screen_pop"),
                    found -> found.isPresent()).orElseThrow();
            assertThat(offered.data().get("phase").asText()).isEqualTo("offered");
            assertThat(offered.data().get("callId").asText()).isEqualTo(CALL);
            assertThat(offered.data().at("/customer/name").asText()).isEqualTo(customer.get("name"));
            assertThat(offered.data().at("/caller/number").asText()).isEqualTo(customer.get("phone_number"));
            assertThat(desktop.messages("screen_pop")).as("nothing answered yet").hasSize(1);
            long answeredAt = System.nanoTime();
            assertThat(offered.arrivalNanos()).isLessThan(answeredAt);

            // when the seat's phone answers (the dialplan's U() on the seat's leg)
            List<String> answered = AgiDialogue.session(running, "agi_network_script: answered?call=" + CALL
                    + "&seat=" + seat + "\nagi_channel: " + customer.get("sip_endpoint") + "-00000009\n"
                    + "agi_uniqueid: 1795347631.9\n\n", CALL);

            // then the desktop gets the answered pop, with the call's work order
            assertThat(answered).noneMatch(command -> command.contains("CHANUNAVAIL"));
            await("the answered screen-pop").atMost(PATIENCE).until(() -> desktop.messages("screen_pop").size() == 2);
            PushClient.Received connected = desktop.messages("screen_pop").get(1);
            assertThat(connected.data().get("phase").asText()).isEqualTo("answered");
            assertThat(connected.data().at("/customer/name").asText()).isEqualTo(customer.get("name"));
            assertThat(connected.arrivalNanos()).isGreaterThan(answeredAt);
            long workOrderId = connected.data().at("/workOrder/id").asLong();
            assertThat(workOrderId).isPositive();
            await().atMost(PATIENCE).until(() -> running.desktop().workOrder(workOrderId)
                    .map(view -> seat.equals(view.ownerSeatId())).orElse(false));
            // and the seat's card names the call's work order (the offer came before the desk opened it)
            JsonNode seatCard = JSON.readTree(send("GET", "/api/desktop", null, agent).body()).get("seat");
            assertThat(seatCard.at("/call/callId").asText()).isEqualTo(connected.data().get("callId").asText());
            assertThat(seatCard.at("/call/workOrderId").asLong()).isEqualTo(workOrderId);

            // when the agent escalates the work order to tier 2 over HTTP
            HttpResponse<String> escalated = send("POST", "/api/work-orders/" + workOrderId + "/escalate",
                    "{\"to\":\"TIER2\",\"reason\":\"ledger posting needs a specialist\"}", agent);

            // then Hotline redirects the live caller over AMI into the tier-2 queue's extension
            assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);
            await("the AMI Redirect of the caller").atMost(PATIENCE).until(() -> redirects(asterisk).size() == 1);
            assertThat(redirects(asterisk).get(0)).containsEntry("channel", CALLER_CHANNEL)
                    .containsEntry("context", "hotline-escalate").containsEntry("exten", "tier2")
                    .containsEntry("priority", "1");

            // and the work order's trail shows every step, who, why and when, in order
            JsonNode workOrder = await().atMost(PATIENCE).until(() -> JSON.readTree(send("GET",
                    "/api/work-orders/" + workOrderId, null, agent).body()), json -> actions(json)
                    .contains("ESCALATED"));
            assertTrail(workOrder, seat, started);
            assertStoredTrail(workOrderId, seat);
        } finally {
            hotline = null;
        }
    }

    private static void assertTrail(JsonNode workOrder, String seat, Instant started) {
        List<String> actions = actions(workOrder);
        assertThat(actions).as("trail %s", workOrder.get("trail")).containsSubsequence("OPENED", "CALL_CONNECTED",
                "ESCALATED");
        JsonNode trail = workOrder.get("trail");
        JsonNode opened = trail.get(actions.indexOf("OPENED"));
        JsonNode connected = trail.get(actions.indexOf("CALL_CONNECTED"));
        JsonNode escalated = trail.get(actions.indexOf("ESCALATED"));
        assertThat(opened.get("actor").asText()).isEqualTo("system");
        assertThat(connected.get("actor").asText()).isEqualTo(seat);
        assertThat(escalated.get("actor").asText()).isEqualTo(seat);
        assertThat(escalated.get("tier").asText()).isEqualTo("TIER2");
        assertThat(escalated.get("reason").asText()).contains("ledger posting needs a specialist");
        // Each step has its time, in order, within this test's run; the answer was the response.
        Instant previous = started.minusMillis(1);
        for (JsonNode step : trail) {
            Instant at = Instant.parse(step.get("at").asText());
            assertThat(at).as("step %s", step).isAfterOrEqualTo(previous).isBeforeOrEqualTo(Instant.now());
            previous = at;
        }
        assertThat(workOrder.at("/clocks/response/state").asText()).isEqualTo("STOPPED");
        assertThat(Instant.parse(workOrder.at("/clocks/response/metAt").asText()))
                .isEqualTo(Instant.parse(connected.get("at").asText()));
        assertThat(workOrder.get("tier").asText()).isEqualTo("TIER2");
    }

    /**
     * The same steps as the durable journal wrote them to {@code work_order_event}: the desk's trail (rows with a
     * sequence) in order of sequence and of time, the escalation's reason with it; and routing's own rows for the
     * call (no sequence) with the route, the connection and the escalation, in order of time.
     */
    private static void assertStoredTrail(long workOrderId, String seat) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(storedSteps(workOrderId, "IS NOT NULL",
                "sequence")).containsSubsequence("OPENED by CALLER " + CALL + " to TIER1",
                "CALL_CONNECTED by SEAT " + seat + " to TIER1", "ESCALATED by SEAT " + seat + " to TIER2"));
        assertThat(storedSteps(workOrderId, "IS NULL", "occurred_at, id")).as("routing's rows")
                .containsSubsequence("ROUTING by SYSTEM routing to -", "CONNECTED by SYSTEM routing to -",
                        "ESCALATED by SYSTEM routing to -");
        List<Instant> times = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT DATE_FORMAT(occurred_at,"
                + " '%Y-%m-%dT%H:%i:%s.%fZ') FROM work_order_event WHERE work_order_id = :id AND sequence IS NOT NULL"
                + " ORDER BY sequence").bind("id", workOrderId).mapTo(String.class).list()).stream()
                .map(text -> Instant.parse(text.replaceFirst("(\\.\\d{3})\\d*Z", "$1Z"))).toList();
        assertThat(times).as("the desk's steps in order of time").isSorted();
        String reason = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT reason FROM work_order_event WHERE"
                + " work_order_id = :id AND sequence IS NOT NULL AND action = 'ESCALATED'").bind("id", workOrderId)
                .mapTo(String.class).one());
        assertThat(reason).contains("ledger posting needs a specialist");
    }

    /** The work order's stored rows whose sequence {@code is}, as "action by actor-kind actor to tier". */
    private static List<String> storedSteps(long workOrderId, String is, String order) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT CONCAT(action, ' by ', actor_kind, ' ',"
                + " actor, ' to ', COALESCE(to_tier, '-')) FROM work_order_event WHERE work_order_id = :id"
                + " AND sequence " + is + " ORDER BY " + order).bind("id", workOrderId).mapTo(String.class).list());
    }

    private static List<String> actions(JsonNode workOrder) {
        List<String> actions = new ArrayList<>();
        workOrder.path("trail").forEach(step -> actions.add(step.get("action").asText()));
        return actions;
    }

    /**
     * Recording 04a's FastAGI request, as Asterisk sent it, for Hotline's {@code route} script (the shipped
     * dialplan's URL) and with {@code number} as the caller id.
     */
    private static String recordedRoute(String number) {
        String recorded = new String(Transcripts.bytes(RECORDING + ".agi1-recv.raw"), StandardCharsets.UTF_8);
        String environment = recorded.substring(0, recorded.indexOf("\n\n") + 2);
        assertThat(environment).contains("agi_uniqueid: " + CALL, "agi_channel: " + CALLER_CHANNEL);
        return environment.replaceAll("(?m)^agi_network_script: .*$", "agi_network_script: route?dnis=4008001234")
                .replaceAll("(?m)^agi_request: .*$", "agi_request: agi://127.0.0.1:4573/route?dnis=4008001234")
                .replaceAll("(?m)^agi_callerid: .*$", "agi_callerid: " + number);
    }

    private static List<Map<String, String>> redirects(ScriptedAmiServer asterisk) {
        return asterisk.actionsReceived().stream().filter(action -> "redirect".equalsIgnoreCase(action.get("action")))
                .toList();
    }

    /** A demo customer with one product line and one phone, no work order yet, and a tier-1 seat serving it. */
    private static Map<String, Object> customerAndSeat() {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT c.id, c.name, p.phone_number, s.code,"
                + " s.sip_endpoint FROM customer c JOIN customer_phone p ON p.customer_id = c.id"
                + " JOIN customer_product cp ON cp.customer_id = c.id JOIN seat_skill ss ON ss.skill_id ="
                + " cp.product_skill_id JOIN seat s ON s.id = ss.seat_id AND s.tier = 'TIER1' AND s.active"
                + " WHERE NOT EXISTS (SELECT 1 FROM work_order w WHERE w.customer_id = c.id)"
                + " AND (SELECT COUNT(*) FROM customer_product x WHERE x.customer_id = c.id) = 1"
                + " AND (SELECT COUNT(*) FROM customer_phone y WHERE y.phone_number = p.phone_number) = 1"
                + " ORDER BY c.id, s.id LIMIT 1").mapToMap().one());
    }

    private static String seatState(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).at("/seat/state").asText();
    }

    private String token(String login, String password) throws Exception {
        return PeopleApi.token(PeopleApi.base(hotline), login, password);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return PeopleApi.send(PeopleApi.base(hotline), method, path, body, token);
    }

    private HotlineConfiguration configuration(int amiPort) throws Exception {
        Path routing = Files.writeString(directory.resolve("routing.properties"), "hours.zone = UTC\nwrap-up = 0s\n");
        Map<String, String> values = TestHotlines.amiSettings(DB, amiPort, "people-call");
        values.put("HOTLINE_ROUTING_FILE", routing.toString());
        values.put("HOTLINE_ADMIN_PASSWORD", "first-admin-pass");
        return HotlineConfiguration.from(Settings.of(values));
    }
}
