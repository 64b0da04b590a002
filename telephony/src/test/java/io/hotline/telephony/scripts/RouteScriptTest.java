package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.spi.CallRecords;
import io.hotline.routing.spi.CallerDirectory;
import io.hotline.routing.spi.CallerProfile;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.routing.workorder.Severity;
import io.hotline.telephony.Transcripts;
import io.hotline.telephony.agi.AgiServer;
import io.hotline.telephony.agi.FakeAsteriskClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code route} over real TCP, with the recorded Asterisk request and fakes of the directory and the store. */
class RouteScriptTest {
    private static final String RECORDED = new String(
            Transcripts.bytes("01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw"), StandardCharsets.UTF_8);
    private static final String ENVIRONMENT = RECORDED.substring(0, RECORDED.indexOf("\n\n") + 2);
    private static final String LINKEDID = "1795347580.0";

    private final RoutingInbox inbox = new RoutingInbox(100);
    private final WaitingCallers callers = new WaitingCallers(InstantSource.system(), Duration.ofMinutes(2));
    private final ExecutorService blocking = Executors.newFixedThreadPool(2);
    private AgiServer server;
    private InetSocketAddress address;

    private final List<FallbackHandoff> fallbacks = new CopyOnWriteArrayList<>();
    /** How often a session asked whether what was recorded is on disk. */
    private final AtomicInteger durableAsked = new AtomicInteger();
    /** Records whose journal has everything on disk at once. */
    private final CallRecords store = records(() -> CompletableFuture.completedFuture(true));

    private static final CallerProfile MUELLER = new CallerProfile(7, true, "PREMIUM", List.of("ERP_U8"), 12L,
            "S1004");
    /** Knows the recorded caller only in the database. */
    private final FakeCallerDirectory directory = new FakeCallerDirectory(Map.of(),
            number -> "+4930123401".equals(number) ? Optional.of(MUELLER) : Optional.empty());

    /** A caller directory with a memory and a database, counting the database's look-ups. */
    private static final class FakeCallerDirectory implements CallerDirectory {
        private final Map<String, CallerProfile> memory;
        private final Function<String, Optional<CallerProfile>> database;
        private final AtomicInteger databaseLookUps = new AtomicInteger();

        FakeCallerDirectory(Map<String, CallerProfile> memory, Function<String, Optional<CallerProfile>> database) {
            this.memory = memory;
            this.database = database;
        }

        @Override
        public Optional<CallerProfile> recall(String callerNumber) {
            return Optional.ofNullable(memory.get(callerNumber));
        }

        @Override
        public Optional<CallerProfile> findByNumber(String callerNumber) {
            databaseLookUps.incrementAndGet();
            return database.apply(callerNumber);
        }
    }

    @BeforeEach
    void start() {
        startServer(directory, store);
    }

    private void startServer(CallerDirectory callerDirectory, CallRecords records) {
        RouteContext context = new RouteContext(new RouteSettings("pbx1", "support", Map.of("100", "support"),
                Map.of(), "default"), callerDirectory, records, inbox, callers, blocking,
                InstantSource.system());
        server = ScriptHarness.loopbackServer(new RouteScript(context), new AnsweredScript(context),
                new HangupScript(context));
        address = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        blocking.shutdownNow();
    }

    @Test
    void shouldRouteTheCallerUnrecognisedThroughADatabaseOutage() throws Exception {
        // given a database that does not answer
        server.close();
        startServer(new FakeCallerDirectory(Map.of(), number -> {
            throw new IllegalStateException("Connection is not available, request timed out after 5000ms");
        }), store);

        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            // when the recorded call comes in
            asterisk.send(ENVIRONMENT);
            assertThat(asterisk.readCommand()).isEqualTo("GET VARIABLE CHANNEL(linkedid)");
            asterisk.send("200 result=1 (" + LINKEDID + ")\n");
            assertThat(asterisk.readCommand()).isEqualTo("SET VARIABLE HOTLINE_CALL " + LINKEDID);
            asterisk.send("200 result=1\n");

            // then it waits with music, and routing has it, unrecognised, with the caller's number
            assertThat(asterisk.readCommand()).isEqualTo("SET MUSIC ON default");
            asterisk.send("200 result=0\n");
            RoutingEvent.CallArrived arrival = (RoutingEvent.CallArrived) nextEvent();
            assertThat(arrival.callId()).isEqualTo(LINKEDID);
            assertThat(arrival.queue()).isEqualTo("support");
            assertThat(arrival.workOrderId()).isNull();
            assertThat(arrival.priority().vip()).isFalse();
            assertThat(arrival.origin().callerNumber()).isEqualTo("+4930123401");
            assertThat(arrival.origin().customerId()).isNull();

            // and a seat takes the caller as usual
            await().atMost(Duration.ofSeconds(5)).until(() -> callers.waiting() == 1);
            callers.offer(new RoutingCommand.OfferCall(LINKEDID, "S1004", "PJSIP/1004", Tier.TIER1, null,
                    Duration.ofSeconds(15), "best proficiency"));
            List<String> commands = answerUntilClosed(asterisk);
            assertThat(commands).contains("SET VARIABLE HOTLINE_TARGET PJSIP/1004",
                    "SET VARIABLE HOTLINE_RESULT ROUTED");
        }
    }

    @Test
    void shouldQueueTheRecognisedCallerAndReturnWithTheChosenSeat() throws Exception {
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send(ENVIRONMENT);
            assertThat(asterisk.readCommand()).isEqualTo("GET VARIABLE CHANNEL(linkedid)");
            asterisk.send("200 result=1 (" + LINKEDID + ")\n");
            assertThat(asterisk.readCommand()).isEqualTo("SET VARIABLE HOTLINE_CALL " + LINKEDID);
            asterisk.send("200 result=1\n");
            // no work order id: the service desk opens the call's work order when routing tells it
            assertThat(asterisk.readCommand()).isEqualTo("SET MUSIC ON default");
            asterisk.send("200 result=0\n");

            // the engine got the call, with the caller's product, priority (for the desk too) and owner seat
            RoutingEvent.CallArrived arrival = (RoutingEvent.CallArrived) nextEvent();
            assertThat(arrival.callId()).isEqualTo(LINKEDID);
            assertThat(arrival.queue()).isEqualTo("support");
            assertThat(arrival.requirements()).extracting(requirement -> requirement.skill()).containsExactly("ERP_U8");
            assertThat(arrival.priority().vip()).isTrue();
            assertThat(arrival.priority().contract()).isEqualTo("PREMIUM");
            assertThat(arrival.priority().severity()).isEqualTo(Severity.P3);
            assertThat(arrival.ownerSeatId()).isEqualTo("S1004");
            assertThat(arrival.workOrderId()).isNull();
            assertThat(arrival.origin().customerId()).isEqualTo(7L);

            // the engine picks a seat: the caller leaves AGI with the channel variables the dialplan dials
            await().atMost(Duration.ofSeconds(5)).until(() -> callers.waiting() == 1);
            callers.offer(new RoutingCommand.OfferCall(LINKEDID, "S1004", "PJSIP/1004", Tier.TIER1, null,
                    Duration.ofSeconds(15), "sticky"));
            List<String> commands = answerUntilClosed(asterisk);
            assertThat(commands).containsExactly("SET MUSIC OFF", "SET VARIABLE HOTLINE_TARGET PJSIP/1004",
                    "SET VARIABLE HOTLINE_SEAT S1004", "SET VARIABLE HOTLINE_TIER TIER1",
                    "SET VARIABLE HOTLINE_RING_SECONDS 15", "SET VARIABLE HOTLINE_RESULT ROUTED");
        }
        assertThat(callers.waiting()).isZero();
    }

    @Test
    void shouldQueueACallerMemoryKnowsWithoutAskingTheDatabase() throws Exception {
        // given a directory whose memory knows the recorded caller, and whose database would fail
        FakeCallerDirectory remembering = new FakeCallerDirectory(Map.of("+4930123401", MUELLER), number -> {
            throw new IllegalStateException("the database must not be asked for a caller memory knows");
        });
        server.close();
        startServer(remembering, store);

        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            // when the recorded call comes in
            asterisk.send(ENVIRONMENT);
            answerUntilWaiting(asterisk);

            // then routing has the caller as recognised, and the database was never asked
            RoutingEvent.CallArrived arrival = (RoutingEvent.CallArrived) nextEvent();
            assertThat(arrival.requirements()).extracting(requirement -> requirement.skill()).containsExactly("ERP_U8");
            assertThat(arrival.priority().vip()).isTrue();
            assertThat(arrival.ownerSeatId()).isEqualTo("S1004");
            assertThat(arrival.origin().customerId()).isEqualTo(7L);
            assertThat(remembering.databaseLookUps).hasValue(0);
        }
    }

    @Test
    void shouldTakeTheCallOutOfTheQueueWhenTheCallerHangsUpWhileWaiting() throws Exception {
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send(ENVIRONMENT);
            answerUntilWaiting(asterisk);
            assertThat(nextEvent()).isInstanceOf(RoutingEvent.CallArrived.class);

            asterisk.send("HANGUP\n");

            assertThat(nextEvent()).isEqualTo(new RoutingEvent.CallHungUp(LINKEDID));
            // dead-safe commands still go out; then the session ends
            assertThat(asterisk.readCommand()).isNull();
        }
        assertThat(callers.waiting()).isZero();
    }

    @Test
    void shouldReportANotAnsweredDialAndWaitAgainTakingAnOfferMadeMeanwhile() throws Exception {
        // the engine re-offered to another seat while the dialplan was still dialling the first
        callers.offer(new RoutingCommand.OfferCall(LINKEDID, "S2001", "PJSIP/2001", Tier.TIER2, 41L,
                Duration.ofSeconds(15), "next seat"));
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send(ENVIRONMENT.replace("route?dnis=100", "route?dialstatus=NOANSWER&seat=S1004"));
            assertThat(asterisk.readCommand()).isEqualTo("GET VARIABLE CHANNEL(linkedid)");
            asterisk.send("200 result=1 (" + LINKEDID + ")\n");

            List<String> commands = answerUntilClosed(asterisk);
            assertThat(commands).contains("SET VARIABLE HOTLINE_TARGET PJSIP/2001",
                    "SET VARIABLE HOTLINE_RESULT ROUTED");
        }
        assertThat(nextEvent()).isInstanceOfSatisfying(RoutingEvent.OfferDeclined.class, declined -> {
            assertThat(declined.seatId()).isEqualTo("S1004");
            assertThat(declined.reason().name()).isEqualTo("NO_ANSWER");
        });
    }

    @Test
    void shouldReportTheAnswerAndTheEndOfTheConversation() throws Exception {
        try (FakeAsteriskClient answered = FakeAsteriskClient.connect(address)) {
            answered.send("agi_network_script: answered?call=" + LINKEDID + "&seat=S1004\nagi_channel: x\n\n");
            RoutingEvent.OfferAnswered answer = (RoutingEvent.OfferAnswered) nextEvent();
            assertThat(answer).isEqualTo(new RoutingEvent.OfferAnswered(LINKEDID, "S1004", answer.requestId()));
            callers.answerVerdict(new RoutingCommand.AnswerVerdict(answer.requestId(), LINKEDID, "S1004", true, null));
            assertThat(answered.readCommand()).isNull();
        }

        try (FakeAsteriskClient ended = FakeAsteriskClient.connect(address)) {
            ended.send(ENVIRONMENT.replace("route?dnis=100", "route?dialstatus=ANSWER&seat=S1004"));
            assertThat(ended.readCommand()).isEqualTo("GET VARIABLE CHANNEL(linkedid)");
            ended.send("200 result=1 (" + LINKEDID + ")\n");
            assertThat(ended.readCommand()).isEqualTo("SET VARIABLE HOTLINE_RESULT DONE");
            ended.send("200 result=1\n");
            assertThat(ended.readCommand()).isNull();
        }
        assertThat(nextEvent()).isEqualTo(new RoutingEvent.CallEnded(LINKEDID));
    }

    @Test
    void shouldChooseTheSeatAtOnceButEndTheSessionOnlyOnceWhatRoutingRecordedOfTheCallIsDurable() throws Exception {
        // given a journal whose disk is slow: what routing recorded of the call (its JOINED entry) is not durable yet
        CompletableFuture<Boolean> durable = new CompletableFuture<>();
        server.close();
        startServer(directory, records(() -> durable));

        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            // when the recognised caller arrives, and routing picks a seat at once
            asterisk.send(ENVIRONMENT);
            answerUntilWaiting(asterisk);
            RoutingEvent.CallArrived arrival = (RoutingEvent.CallArrived) nextEvent();
            assertThat(arrival.priority().vip()).as("recognised before being queued").isTrue();
            // queued without waiting for any disk: the session asks only once routing has told it where to go
            assertThat(durableAsked).hasValue(0);
            await().atMost(Duration.ofSeconds(5)).until(() -> callers.waiting() == 1);
            callers.offer(new RoutingCommand.OfferCall(LINKEDID, "S1004", "PJSIP/1004", Tier.TIER1, null,
                    Duration.ofSeconds(15), "best proficiency"));

            // then the seat is set before the record is durable, and the result waits for it
            List<String> beforeDurable = new ArrayList<>();
            String command;
            while (!(command = asterisk.readCommand()).equals("SET VARIABLE HOTLINE_RING_SECONDS 15")) {
                beforeDurable.add(command);
                asterisk.send(command.startsWith("SET MUSIC") ? "200 result=0\n" : "200 result=1\n");
            }
            asterisk.send("200 result=1\n");
            assertThat(beforeDurable).contains("SET VARIABLE HOTLINE_TARGET PJSIP/1004");
            // (asked once the seat's variables are set: routing handed the call's JOINED entry over before the offer)
            await().atMost(Duration.ofSeconds(5)).until(() -> durableAsked.get() == 1);
            // when the log's own thread says everything it was handed is on disk
            Thread journalWriter = new Thread(() -> durable.complete(true), "journal-writer");
            journalWriter.start();
            journalWriter.join();
            // then the session (back on its own event loop) ends with the result
            assertThat(answerUntilClosed(asterisk)).containsExactly("SET VARIABLE HOTLINE_RESULT ROUTED");
        }
    }

    @Test
    void shouldServeTheCallerWhenWhatRoutingRecordedIsNotOnDiskInTime() throws Exception {
        // given a journal whose disk stopped taking writes: nothing becomes durable
        server.close();
        startServer(directory, records(CompletableFuture::new));

        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            long arrived = System.nanoTime();
            asterisk.send(ENVIRONMENT);
            answerUntilWaiting(asterisk);
            assertThat(nextEvent()).isInstanceOf(RoutingEvent.CallArrived.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> callers.waiting() == 1);
            callers.offer(new RoutingCommand.OfferCall(LINKEDID, "S1004", "PJSIP/1004", Tier.TIER1, null,
                    Duration.ofSeconds(15), "best proficiency"));

            // then the caller is still dialled, once the wait for the disk is over
            assertThat(answerUntilClosed(asterisk)).contains("SET VARIABLE HOTLINE_TARGET PJSIP/1004")
                    .endsWith("SET VARIABLE HOTLINE_RESULT ROUTED");
            assertThat(Duration.ofNanos(System.nanoTime() - arrived)).isGreaterThanOrEqualTo(
                    RouteSession.DURABLE_WAIT);
        }
    }

    /** Call records whose journal says what was handed to it is on disk when {@code durable}'s stage does. */
    private CallRecords records(Supplier<CompletionStage<Boolean>> durable) {
        return new CallRecords() {
            @Override
            public void handedToFallback(FallbackHandoff handoff) {
                fallbacks.add(handoff);
            }

            @Override
            public CompletionStage<Boolean> durable() {
                durableAsked.incrementAndGet();
                return durable.get();
            }
        };
    }

    /** Answers every command as Asterisk does until the session ends; returns the commands. */
    private static List<String> answerUntilClosed(FakeAsteriskClient asterisk) throws Exception {
        List<String> commands = new ArrayList<>();
        String command;
        while ((command = asterisk.readCommand()) != null) {
            commands.add(command);
            asterisk.send(command.startsWith("SET MUSIC") ? "200 result=0\n" : "200 result=1\n");
        }
        return commands;
    }

    private void answerUntilWaiting(FakeAsteriskClient asterisk) throws Exception {
        String command;
        while ((command = asterisk.readCommand()) != null) {
            if (command.startsWith("GET VARIABLE CHANNEL(linkedid)")) {
                asterisk.send("200 result=1 (" + LINKEDID + ")\n");
            } else if (command.startsWith("SET MUSIC ON")) {
                asterisk.send("200 result=0\n");
                return;
            } else {
                asterisk.send("200 result=1\n");
            }
        }
    }

    private RoutingEvent nextEvent() throws InterruptedException {
        return ScriptHarness.nextEvent(inbox);
    }

}
