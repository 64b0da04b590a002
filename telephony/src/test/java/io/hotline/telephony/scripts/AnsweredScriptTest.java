package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.engine.CallPriority;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.spi.CallRecords;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.telephony.Transcripts;
import io.hotline.telephony.agi.AgiServer;
import io.hotline.telephony.agi.AgiServerConfig;
import io.hotline.telephony.agi.AgiSessionObserver;
import io.hotline.telephony.agi.FakeAsteriskClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code answered} over real TCP, as Asterisk runs it in Dial's {@code U()} subroutine on the seat's leg (the
 * {@code agi2} session of recording 16), against the real routing engine: the leg is held until the engine's verdict
 * on the answer, bridged when it accepts, hung up ({@code GOSUB_RESULT=CHANUNAVAIL}) when it refuses, and connected
 * when no verdict comes in time. The engine's commands reach {@link WaitingCallers} only when the test delivers them,
 * which is how the window between a withdrawal and its {@code CancelOffer} reaching telephony is replayed.
 */
class AnsweredScriptTest {
    private static final String RECORDED = new String(
            Transcripts.bytes("16-dial-g-seat-hangs-up-caller-continues.agi2-recv.raw"), StandardCharsets.UTF_8);
    /** The caller's uniqueid (= linkedid) that recording 16's dialplan passed to the seat leg's subroutine. */
    private static final String CALL = "1796622099.9";
    private static final String SEAT = "S1001";
    private static final String ANSWERED = RECORDED.substring(0, RECORDED.indexOf("\n\n") + 2)
            .replace("answered?agent=agent1001", "answered?call=" + CALL + "&seat=" + SEAT);
    /** Recording 16's reply to a SET VARIABLE. */
    private static final String SET_OK = "200 result=1\n";
    private static final Duration VERDICT_TIMEOUT = Duration.ofMillis(400);

    private final RoutingInbox inbox = new RoutingInbox(100);
    /** The answered script hands no caller to the fallback and ends no route session. */
    private static final CallRecords NO_CALL_RECORDS = new CallRecords() {
        @Override
        public void handedToFallback(FallbackHandoff handoff) {
            throw new AssertionError("the answered script hands no caller to the fallback");
        }

        @Override
        public CompletionStage<Boolean> durable() {
            throw new AssertionError("the answered script ends no route session");
        }
    };
    private final WaitingCallers callers = new WaitingCallers(InstantSource.system(), Duration.ofMinutes(2));
    /** A Wednesday, 10:00 in Shanghai: the default queues are open. */
    private final RoutingEngine engine = new RoutingEngine(RoutingConfig.defaults(),
            InstantSource.fixed(Instant.parse("2026-11-18T02:00:00Z")));
    private final List<RoutingCommand> held = new ArrayList<>();
    private final ExecutorService blocking = Executors.newSingleThreadExecutor();
    private AgiServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        RouteContext context = new RouteContext(new RouteSettings("pbx1", "support", Map.of(), Map.of(), "default"),
                ScriptHarness.STRANGERS, NO_CALL_RECORDS, inbox, callers, blocking, InstantSource.system());
        server = new AgiServer(AgiServerConfig.of("127.0.0.1", 0),
                List.of(new AnsweredScript(context, VERDICT_TIMEOUT)), AgiSessionObserver.NONE);
        address = server.start();
        // The seat agent1001 of recording 16 is logged in and its phone rings with the caller.
        engine.apply(new RoutingEvent.SeatConfigured(new SeatProfile(SEAT, Tier.TIER1, Map.of("ERP", 5),
                "PJSIP/agent1001")), held::add);
        engine.apply(new RoutingEvent.SeatLoggedIn(SEAT), held::add);
        engine.apply(new RoutingEvent.CallArrived(CALL, RoutingConfig.SUPPORT, List.of(new SkillRequirement("ERP", 1)),
                CallPriority.NORMAL, null, null), held::add);
        assertThat(held).filteredOn(RoutingCommand.OfferCall.class::isInstance).singleElement()
                .satisfies(offer -> callers.offer((RoutingCommand.OfferCall) offer));
        held.clear();
    }

    @AfterEach
    void stop() {
        server.close();
        blocking.shutdownNow();
    }

    @Test
    void shouldTurnAwayALateAnswerOnlyOnceTheEngineRefusedIt() throws Exception {
        // given the engine withdrew the offer (the seat went not ready while ringing), and its CancelOffer has not
        // reached telephony yet
        engine.apply(new RoutingEvent.SeatNotReady(SEAT, "break"), held::add);
        assertThat(held).anyMatch(RoutingCommand.CancelOffer.class::isInstance);
        assertThat(callers.isWithdrawn(CALL, SEAT)).isFalse();

        try (FakeAsteriskClient seatLeg = FakeAsteriskClient.connect(address)) {
            // when the seat answers in that window
            seatLeg.send(ANSWERED);

            // then the leg is held: the answer went to routing and the session waits for its verdict
            RoutingEvent.OfferAnswered answer = nextAnswer();
            assertThat(answer.requestId()).isNotNull();
            assertThat(callers.answers().waiting()).isEqualTo(1);

            // and once the engine refused it, the leg is told to hang up, and nothing else
            route(answer);
            assertThat(held).anySatisfy(command -> assertThat(command).isInstanceOfSatisfying(
                    RoutingCommand.RequestRejected.class, rejected -> assertThat(rejected.reason())
                            .isEqualTo("answered by " + SEAT + " but not offered to it")));
            assertThat(seatLeg.readCommand()).isEqualTo("SET VARIABLE GOSUB_RESULT CHANUNAVAIL");
            seatLeg.send(SET_OK);
            assertThat(seatLeg.readCommand()).isNull();
        }
        assertThat(held).noneMatch(RoutingCommand.CallConnected.class::isInstance);
        assertThat(callers.answers().waiting()).isZero();
    }

    @Test
    void shouldBridgeAnAnswerTheEngineAccepted() throws Exception {
        RoutingEvent.OfferAnswered answer;
        try (FakeAsteriskClient seatLeg = FakeAsteriskClient.connect(address)) {
            // when the ringing seat answers
            seatLeg.send(ANSWERED);
            answer = nextAnswer();
            assertThat(callers.answers().waiting()).as("held until the verdict").isEqualTo(1);

            // then once the engine connected the call, the subroutine returns without a GOSUB_RESULT
            route(answer);
            assertThat(seatLeg.readCommand()).isNull();
        }
        assertThat(held).contains(new RoutingCommand.AnswerVerdict(answer.requestId(), CALL, SEAT, true, null));
        assertThat(engine.call(CALL).orElseThrow().seatId()).isEqualTo(SEAT);
    }

    @Test
    void shouldConnectTheSeatWhenRoutingGivesNoVerdictInTime() throws Exception {
        try (FakeAsteriskClient seatLeg = FakeAsteriskClient.connect(address)) {
            // when the seat answers and routing is too slow to decide
            long start = System.nanoTime();
            seatLeg.send(ANSWERED);

            // then after the timeout the subroutine returns without a GOSUB_RESULT: the seat is connected
            assertThat(seatLeg.readCommand()).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(VERDICT_TIMEOUT);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> callers.answers().waiting() == 0);
        // and the answer is still applied by routing when it gets to it; its verdict finds nobody waiting
        route(nextAnswer());
        assertThat(held).anyMatch(RoutingCommand.CallConnected.class::isInstance);
    }

    @Test
    void shouldTurnAwayAnAnswerRoutingCannotTake() throws Exception {
        // given an inbox that is full
        RoutingInbox full = new RoutingInbox(1);
        assertThat(full.offer(new RoutingEvent.Tick())).isTrue();
        server.close();
        RouteContext context = new RouteContext(new RouteSettings("pbx1", "support", Map.of(), Map.of(), "default"),
                ScriptHarness.STRANGERS, NO_CALL_RECORDS, full, callers, blocking, InstantSource.system());
        server = new AgiServer(AgiServerConfig.of("127.0.0.1", 0),
                List.of(new AnsweredScript(context, VERDICT_TIMEOUT)), AgiSessionObserver.NONE);
        address = server.start();

        try (FakeAsteriskClient seatLeg = FakeAsteriskClient.connect(address)) {
            seatLeg.send(ANSWERED);
            assertThat(seatLeg.readCommand()).isEqualTo("SET VARIABLE GOSUB_RESULT CHANUNAVAIL");
            seatLeg.send(SET_OK);
            assertThat(seatLeg.readCommand()).isNull();
        }
        assertThat(callers.answers().waiting()).isZero();
    }

    private RoutingEvent.OfferAnswered nextAnswer() throws InterruptedException {
        List<RoutingEvent> batch = new ArrayList<>();
        inbox.drainTo(batch, 1, Duration.ofSeconds(5).toNanos());
        assertThat(batch).as("an event for the engine").singleElement().isInstanceOf(RoutingEvent.OfferAnswered.class);
        RoutingEvent.OfferAnswered answer = (RoutingEvent.OfferAnswered) batch.get(0);
        assertThat(answer.callId()).isEqualTo(CALL);
        assertThat(answer.seatId()).isEqualTo(SEAT);
        return answer;
    }

    /** The engine applies {@code event}; of its commands only the verdicts reach telephony. */
    private void route(RoutingEvent event) {
        List<RoutingCommand> commands = new ArrayList<>();
        engine.apply(event, commands::add);
        held.addAll(commands);
        commands.stream().filter(RoutingCommand.AnswerVerdict.class::isInstance)
                .forEach(verdict -> callers.answerVerdict((RoutingCommand.AnswerVerdict) verdict));
    }
}
