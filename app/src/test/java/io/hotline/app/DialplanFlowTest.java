package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.app.simulate.CallerPhone;
import io.hotline.app.simulate.Dialplan;
import io.hotline.app.simulate.SeatPhone;
import io.hotline.app.simulate.SimulatedAsterisk;
import io.hotline.app.simulate.SimulatedChannel;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.telephony.agi.AgiRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every call flow of {@code docs/asterisk.md}, run by a simulated Asterisk 22 ({@code io.hotline.app.simulate}) through
 * the SHIPPED {@code docs/asterisk/extensions.conf} against a whole Hotline over real FastAGI sockets and the real
 * database: what the caller and the seat experience, and what ends up on the work order. Each test logs in the
 * seats it needs from their phones and logs them out afterwards. {@code -Dhotline.dialplan=<file>} runs the flows
 * against another dialplan (e.g. an older one).
 */
class DialplanFlowTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    /** How long a flow may take; one still going then fails with what it waits for. */
    private static final Duration FLOW = Duration.ofSeconds(30);

    private static final Path DIALPLAN = Path.of(System.getProperty("hotline.dialplan",
            Path.of("..", "docs", "asterisk", "extensions.conf").toString()));
    private static Hotline hotline;
    private static Dialplan dialplan;
    private static List<String> tier1Endpoints;
    private static List<String> tier2Endpoints;
    private static int seatsInTier1And2;

    private SimulatedAsterisk pbx;
    private final List<SeatPhone> loggedIn = new ArrayList<>();

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        // No business hours (open at any hour); a seat is ready again at once after a call.
        hotline = startHotline(DB, directory, "hours.zone = UTC\nwrap-up = 0s\n");
        dialplan = Dialplan.load(DIALPLAN);
        tier1Endpoints = endpoints(Tier.TIER1);
        tier2Endpoints = endpoints(Tier.TIER2);
        seatsInTier1And2 = tier1Endpoints.size() + tier2Endpoints.size();
    }

    /** A whole Hotline on {@code db} with the routing file {@code routing}, its calls from "pbx-flows". */
    static Hotline startHotline(TestDatabase db, Path directory, String routing) throws Exception {
        return TestHotlines.start(db, directory, routing, "pbx-flows", "dialplan-flows");
    }

    /** The dialplan the flows run: the shipped one, or {@code -Dhotline.dialplan}. */
    static Dialplan dialplan() throws Exception {
        return Dialplan.load(DIALPLAN);
    }

    /** A simulated Asterisk running {@code dialplan} whose AGI calls reach {@code hotline}. */
    static SimulatedAsterisk simulatedAsterisk(Dialplan dialplan, Hotline hotline) {
        return new SimulatedAsterisk(dialplan, Map.of("HOTLINE_AGI", "agi://127.0.0.1:"
                + hotline.agiAddress().getPort()));
    }

    @AfterAll
    static void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }

    @BeforeEach
    void asterisk() {
        pbx = simulatedAsterisk(dialplan, hotline);
        pbx.alsoReport(channel -> "Hotline: " + hotline.routingSnapshot() + "\n  work order events of the call: "
                + hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT e.action FROM work_order_event e JOIN work_order w ON w.id = e.work_order_id"
                                + " WHERE w.call_linkedid = :linkedid ORDER BY e.id")
                        .bind("linkedid", channel.linkedId()).mapTo(String.class).list()));
    }

    @AfterEach
    void logOut() throws Exception {
        for (SeatPhone seat : loggedIn) {
            dialFromSeat(seat, "*22");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> hotline.routingSnapshot().seats(Tier.TIER1,
                SeatState.LOGGED_OUT) + hotline.routingSnapshot().seats(Tier.TIER2, SeatState.LOGGED_OUT)
                == seatsInTier1And2);
    }

    @Test
    void shouldLogASeatInFromItsPhoneAndTakeAOneDigitNotReadyReason() throws Exception {
        SeatPhone seat = SeatPhone.answering(tier1Endpoints.get(0), "Alice", 500);

        SimulatedChannel login = logIn(seat);

        assertThat(login.experience()).containsExactly("answered", "heard beep", "BYE from the PBX");
        assertThat(login.variable("HOTLINE_SEAT_RESULT")).isEqualTo("OK");

        SimulatedChannel notReady = dialFromSeat(seat, "*231");
        assertThat(notReady.steps()).anyMatch(step -> step.startsWith("hotline-seats,_*23X,1: Gosub("))
                .anyMatch(step -> step.endsWith("/seat?action=notready&reason=1)"));
        assertThat(notReady.variable("HOTLINE_SEAT_RESULT")).isEqualTo("OK");
        assertThat(notReady.experience()).containsExactly("answered", "heard beep", "BYE from the PBX");
        await().atMost(Duration.ofSeconds(5)).until(() -> ready() == 0
                && hotline.routingSnapshot().seats(Tier.TIER1, SeatState.NOT_READY) == 1);

        SimulatedChannel twoDigits = dialFromSeat(seat, "*2312");
        assertThat(twoDigits.steps()).anyMatch(step -> step.startsWith("hotline-seats,_*23X.,1: Gosub("))
                .anyMatch(step -> step.endsWith("/seat?action=notready&reason=12)"));

        dialFromSeat(seat, "*24");
        await().atMost(Duration.ofSeconds(5)).until(() -> ready() == 1);
    }

    @Test
    void shouldTakeTheSurveyWhenTheSeatHangsUpFirst() throws Exception {
        SeatPhone seat = SeatPhone.answering(tier1Endpoints.get(0), "Alice", 1_500).hangingUpAfter(3_000);
        pbx.install(seat);
        logIn(seat);
        CallerPhone caller = CallerPhone.customer("+4930123418", "Survey Customer")
                .pressing("hotline/survey-prompt", '4');

        SimulatedChannel call = pbx.call(caller, "hotline-inbound", "4008001234").finishedWithin(FLOW);

        assertThat(call.experience()).containsSubsequence("answered", "music on hold", "dialling " + seat.endpoint(),
                "connected to " + pbx.channelsOf(seat.endpoint()).get(1).name(), "seat hung up",
                "heard hotline/survey-prompt", "heard hotline/thank-you", "BYE from the PBX");
        assertThat(call.steps()).anyMatch(step -> step.contains("/route?dialstatus=ANSWER&seat="));
        assertThat(call.variable("HOTLINE_SURVEY_SCORE")).isEqualTo("4");
        SimulatedChannel seatLeg = pbx.channelsOf(seat.endpoint()).get(1);
        assertThat(seatLeg.steps()).anyMatch(step -> step.startsWith("hotline-answered,s,1: AGI(")
                && step.endsWith("/answered?call=" + call.linkedId() + "&seat=" + call.variable("HOTLINE_SEAT") + ")"));
        assertThat(seatLeg.variable("TRANSFER_CONTEXT")).as("a blind transfer from the seat's phone goes to")
                .isEqualTo("hotline-escalate");
        long workOrder = workOrderOf(call);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(surveyScores(workOrder))
                .containsExactly(4));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(actions(workOrder))
                .containsSubsequence("ROUTING", "CONNECTED", "CALL_ENDED", "SURVEYED")
                .doesNotContain("ABANDONED"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(audit(workOrder))
                .containsExactly("OPENED", "CALL_CONNECTED", "CALL_ENDED"));
    }

    @Test
    void shouldTellHotlineWhenTheCallerHangsUpDuringTheConversation() throws Exception {
        SeatPhone seat = SeatPhone.answering(tier1Endpoints.get(0), "Alice", 1_000);
        pbx.install(seat);
        logIn(seat);
        CallerPhone caller = CallerPhone.customer("+4930123419", "Leaving Customer").talkingFor(2_000);

        SimulatedChannel call = pbx.call(caller, "hotline-inbound", "4008001234").finishedWithin(FLOW);

        assertThat(call.experience()).containsSubsequence("connected to " + pbx.channelsOf(seat.endpoint()).get(1)
                .name(), "hung up").doesNotContain("heard hotline/survey-prompt");
        assertThat(call.steps()).anyMatch(step -> step.startsWith("hotline-dispatch,h,2: AGI(")
                && step.endsWith("/hangup)"));
        assertThat(call.agiCommands()).endsWith("GET VARIABLE CHANNEL(linkedid)");
        assertThat(pbx.channelsOf(seat.endpoint()).get(1).experience()).endsWith("BYE from the PBX");
        long workOrder = workOrderOf(call);
        // The seat is free again: the engine learnt from the h extension's hangup that the call is over.
        await().atMost(Duration.ofSeconds(5)).until(() -> ready() == 1
                && hotline.routingSnapshot().seats(Tier.TIER1, SeatState.ON_CALL) == 0);
        // The work order's trail shows the conversation's end, not an abandon.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(actions(workOrder))
                .containsExactly("ROUTING", "CONNECTED", "CALL_ENDED"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(audit(workOrder))
                .containsExactly("OPENED", "CALL_CONNECTED", "CALL_ENDED"));
        // and the call's record says it was answered, and for how long the two talked
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(callRecord(call))
                .containsEntry("outcome", "ANSWERED")
                .hasEntrySatisfying("talk_ms", talked -> assertThat((Long) talked).isPositive()));
        assertThat(surveyScores(workOrder)).isEmpty();
    }

    @Test
    void shouldOfferTheCallToTheNextSeatWhenTheFirstDoesNotAnswer() throws Exception {
        SeatPhone silent = SeatPhone.neverAnswering(tier1Endpoints.get(0), "Alice");
        SeatPhone answering = SeatPhone.answering(tier1Endpoints.get(1), "Bob", 800).hangingUpAfter(1_000);
        pbx.install(silent);
        pbx.install(answering);
        logIn(silent);
        CallerPhone caller = CallerPhone.customer("+4930123420", "Patient Customer");

        SimulatedAsterisk.Call call = pbx.call(caller, "hotline-inbound", "4008001234");
        // Alice's phone rang out (NOANSWER); she is resting after the missed offer, so the caller waits on hold.
        await().atMost(Duration.ofSeconds(10)).until(() -> call.channel().steps().stream()
                .filter(step -> step.contains("/route?dialstatus=NOANSWER&seat=")).count() == 1
                && call.channel().experience().stream().filter("music on hold"::equals).count() == 2);
        logIn(answering);
        SimulatedChannel done = call.finishedWithin(FLOW);

        assertThat(done.experience()).containsSubsequence("dialling " + silent.endpoint(), "music on hold",
                "dialling " + answering.endpoint(), "connected to " + pbx.channelsOf(answering.endpoint()).get(1)
                        .name(), "seat hung up", "heard hotline/survey-prompt");
        assertThat(pbx.channelsOf(silent.endpoint()).get(1).experience()).containsExactly("ringing", "CANCEL");
        long workOrder = workOrderOf(done);
        // One ROUTING event per offer: Alice's, then Bob's, who answered.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(actions(workOrder))
                .containsExactly("ROUTING", "ROUTING", "CONNECTED", "CALL_ENDED"));
        // and the desk's one work order: responded by Bob
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(audit(workOrder))
                .containsExactly("OPENED", "CALL_CONNECTED", "CALL_ENDED"));
    }

    @Test
    void shouldEscalateWhenTheSeatTransfersTheCallerToTier2() throws Exception {
        SeatPhone first = SeatPhone.answering(tier1Endpoints.get(0), "Alice", 500).transferringAfter(2_000, "tier2");
        SeatPhone second = SeatPhone.answering(tier2Endpoints.get(0), "Carol", 700).hangingUpAfter(3_000);
        pbx.install(first);
        pbx.install(second);
        logIn(first);
        logIn(second);
        CallerPhone caller = CallerPhone.customer("+4930123425", "Escalated Customer")
                .pressing("hotline/survey-prompt", '5');

        SimulatedChannel call = pbx.call(caller, "hotline-inbound", "4008001234").finishedWithin(FLOW);

        SimulatedChannel firstLeg = pbx.channelsOf(first.endpoint()).get(1);
        SimulatedChannel secondLeg = pbx.channelsOf(second.endpoint()).get(1);
        assertThat(firstLeg.experience()).endsWith("transferred the caller to tier2");
        assertThat(call.experience()).containsSubsequence("connected to " + firstLeg.name(), "transferred to tier2",
                "music on hold", "dialling " + second.endpoint(), "connected to " + secondLeg.name(), "seat hung up",
                "heard hotline/survey-prompt", "heard hotline/thank-you");
        assertThat(call.steps()).anyMatch(step -> step.startsWith("hotline-escalate,tier2,2: AGI(")
                && step.endsWith("/escalate?queue=tier2)"));
        // The tier-2 seat is told it has the same call: one linkedid, one work order.
        assertThat(secondLeg.linkedId()).isEqualTo(call.linkedId());
        assertThat(secondLeg.steps()).anyMatch(step -> step.contains("/answered?call=" + call.linkedId() + "&"));
        long workOrder = workOrderOf(call);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(surveyScores(workOrder))
                .containsExactly(5));
        // and the trail shows both conversations, the escalation between them
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(actions(workOrder))
                .containsSubsequence("CONNECTED", "CALL_ENDED", "ESCALATED", "CONNECTED", "CALL_ENDED"));
        // and the desk's audit the same, the work order up the ladder to tier 2
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(audit(workOrder))
                .containsExactly("OPENED", "CALL_CONNECTED", "CALL_ENDED", "ESCALATED", "CALL_CONNECTED",
                        "CALL_ENDED"));
    }

    @Test
    void shouldRouteAnE164NumberWithItsPlus() throws Exception {
        SeatPhone seat = SeatPhone.answering(tier1Endpoints.get(0), "Alice", 500).hangingUpAfter(1_000);
        pbx.install(seat);
        logIn(seat);
        CallerPhone caller = CallerPhone.customer("+4930123421", "E164 Caller");

        SimulatedChannel call = pbx.call(caller, "hotline-inbound", "+864008001234").finishedWithin(FLOW);

        assertThat(call.experience()).doesNotContain("SIP 404 Not Found");
        String route = call.steps().stream().filter(step -> step.startsWith("hotline-inbound,_+X.,4: AGI("))
                .findFirst().orElseThrow();
        String url = route.substring(route.indexOf("AGI(") + 4, route.length() - 1);
        // What Hotline's FastAGI server reads from the agi_network_script line the simulator sent.
        AgiRequest received = new AgiRequest(Map.of("agi_network_script", url.substring(url.indexOf('/', 6) + 1)));
        assertThat(received.script()).isEqualTo("route");
        assertThat(received.parameters()).containsEntry("dnis", "+864008001234");
        assertThat(call.experience()).contains("connected to " + pbx.channelsOf(seat.endpoint()).get(1).name());
        assertThat(workOrderOf(call)).isPositive();

        SimulatedChannel national = pbx.call(CallerPhone.customer("+4930123422", "National Caller"),
                "hotline-inbound", "4008001234").finishedWithin(FLOW);
        assertThat(national.steps().get(0)).startsWith("hotline-inbound,_X.,1:");
    }

    @Test
    void shouldSendCallersToTheFallbackQueueWhenHotlineIsUnreachable() throws Exception {
        pbx.global("HOTLINE_AGI", unreachableAgi());

        SimulatedChannel call = pbx.call(CallerPhone.customer("+4930123423", "Unlucky Customer"),
                "hotline-inbound", "4008001234").finishedWithin(FLOW);

        assertThat(call.experience()).containsExactly("answered", "AGI failed: ConnectException",
                "queued in hotline-fallback", "hung up");
        assertThat(call.variable("AGISTATUS")).isEqualTo("FAILURE");
    }

    @Test
    void shouldSendTheCallerToTheFallbackWhenHotlineIsGoneAfterTheDial() throws Exception {
        SeatPhone silent = SeatPhone.neverAnswering(tier1Endpoints.get(0), "Alice");
        pbx.install(silent);
        logIn(silent);
        // Hotline stops answering between the route session and the re-entry after the dial.
        goneOnceDialling();

        CallerPhone caller = CallerPhone.customer("+4930123424", "Stranded Customer");

        SimulatedChannel call = pbx.call(caller, "hotline-inbound", "4008001234").finishedWithin(FLOW);

        assertThat(call.experience()).containsSubsequence("dialling " + silent.endpoint(),
                "AGI failed: ConnectException", "queued in hotline-fallback");
        assertThat(call.experience().stream().filter(what -> what.startsWith("dialling"))).hasSize(1);
        // Hotline is back: the h extension's hangup, which could not reach it, frees the seat it still reserves.
        hangUpThroughHotline(call, caller);
    }

    @Test
    void shouldThankTheCallerWhenHotlineIsGoneAfterTheConversation() throws Exception {
        SeatPhone seat = SeatPhone.answering(tier1Endpoints.get(0), "Alice", 500).hangingUpAfter(2_000);
        pbx.install(seat);
        logIn(seat);
        goneOnceDialling();
        CallerPhone caller = CallerPhone.customer("+4930123426", "Served Customer");

        SimulatedChannel call = pbx.call(caller, "hotline-inbound", "4008001234").finishedWithin(FLOW);

        assertThat(call.experience()).containsSubsequence("seat hung up", "AGI failed: ConnectException",
                "heard hotline/thank-you", "BYE from the PBX").doesNotContain("queued in hotline-fallback");
        // Hotline is back: the h extension's hangup, which could not reach it, ends the call there.
        hangUpThroughHotline(call, caller);
    }

    @Test
    void shouldRefuseAFeatureCodeFromAnUnknownPhone() throws Exception {
        SeatPhone stranger = SeatPhone.answering("PJSIP/9999", "Stranger", 0);

        SimulatedChannel login = dialFromSeat(stranger, "*21");

        assertThat(login.variable("HOTLINE_SEAT_RESULT")).isEqualTo("UNKNOWN_SEAT");
        assertThat(login.experience()).containsExactly("answered", "heard beeperr", "BYE from the PBX");
        assertThat(ready()).isZero();
    }

    private SimulatedChannel logIn(SeatPhone seat) throws Exception {
        Tier tier = tier2Endpoints.contains(seat.endpoint()) ? Tier.TIER2 : Tier.TIER1;
        int before = hotline.routingSnapshot().seats(tier, SeatState.READY);
        SimulatedChannel channel = dialFromSeat(seat, "*21");
        loggedIn.add(seat);
        await().atMost(Duration.ofSeconds(5)).until(() -> hotline.routingSnapshot().seats(tier, SeatState.READY)
                == before + 1);
        return channel;
    }

    private static List<String> endpoints(Tier tier) {
        return hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT sip_endpoint FROM seat WHERE tier = :tier ORDER BY id").bind("tier", tier.name())
                .mapTo(String.class).list());
    }

    /** The AGI address of a loopback port nobody listens on: Hotline is gone. */
    private static String unreachableAgi() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "agi://127.0.0.1:" + socket.getLocalPort();
        }
    }

    /** Hotline stops answering once the dialplan dials a seat. */
    private void goneOnceDialling() throws IOException {
        String closed = unreachableAgi();
        pbx.whenDialling(target -> pbx.global("HOTLINE_AGI", closed));
    }

    /** Hotline is back: runs the call's h extension (its hangup) against Hotline again. */
    private void hangUpThroughHotline(SimulatedChannel call, CallerPhone caller) throws Exception {
        pbx.global("HOTLINE_AGI", "agi://127.0.0.1:" + hotline.agiAddress().getPort());
        pbx.runOn(call, caller, "hotline-dispatch", "h");
    }

    private SimulatedChannel dialFromSeat(SeatPhone seat, String code) throws Exception {
        return pbx.call(CallerPhone.seat(seat), "hotline-seats", code).finishedWithin(FLOW);
    }

    private static int ready() {
        return hotline.routingSnapshot().seats(Tier.TIER1, SeatState.READY);
    }

    private static long workOrderOf(SimulatedChannel call) {
        return workOrderOf(hotline, call);
    }

    /**
     * The id of the work order the service desk opened for the call (when routing told it the call joined), in the
     * database through the journal a moment later.
     */
    static long workOrderOf(Hotline hotline, SimulatedChannel call) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> hotline.database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT id FROM work_order WHERE asterisk_server = 'pbx-flows'"
                        + " AND call_linkedid = :linkedid")
                .bind("linkedid", call.linkedId()).mapTo(Long.class).findOne()), Optional::isPresent).orElseThrow();
    }

    private static List<Integer> surveyScores(long workOrder) {
        return hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT score FROM satisfaction_survey WHERE work_order_id = :id ORDER BY id")
                .bind("id", workOrder).mapTo(Integer.class).list());
    }

    /** The outcome and talk time of the caller's channel's call record. */
    private static Map<String, Object> callRecord(SimulatedChannel call) {
        return hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT outcome, talk_ms FROM call_record WHERE asterisk_server = 'pbx-flows' AND linkedid = :linkedid"
                        + " ORDER BY id LIMIT 1")
                .bind("linkedid", call.linkedId()).mapToMap().one());
    }

    /** What routing recorded on the work order (the desk's audit aside). */
    private static List<String> actions(long workOrder) {
        return Trails.routing(hotline.database().jdbi(), workOrder);
    }

    /** The desk's audit of the work order. */
    private static List<String> audit(long workOrder) {
        return Trails.desk(hotline.database().jdbi(), workOrder);
    }
}
