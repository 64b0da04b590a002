package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hotline.routing.engine.Handoff;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.spi.CallRecords;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.telephony.agi.AgiServer;
import io.hotline.telephony.agi.AgiServerConfig;
import io.hotline.telephony.agi.AgiSessionObserver;
import io.hotline.telephony.agi.FakeAsteriskClient;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a caller waiting in {@code route} hears and can do: announcements, a callback offer, after hours. */
class RouteWaitingTest {
    private static final String CALL = "1795347580.0";
    private static final String ENVIRONMENT = "agi_network_script: route?dnis=100\nagi_channel: PJSIP/carrier-1\n"
            + "agi_uniqueid: " + CALL + "\nagi_callerid: +4930123401\n\n";

    private final WaitingCallers callers = new WaitingCallers(InstantSource.system(), Duration.ofMinutes(2));
    private final ExecutorService blocking = Executors.newFixedThreadPool(2);
    private RoutingInbox inbox = new RoutingInbox(10);
    private final List<FallbackHandoff> fallbacks = new CopyOnWriteArrayList<>();
    private final MissingPrompts prompts = new MissingPrompts();
    private AgiServer server;
    private InetSocketAddress address;

    private InetSocketAddress start() {
        CallRecords store = new CallRecords() {
            @Override
            public void handedToFallback(FallbackHandoff handoff) {
                fallbacks.add(handoff);
            }

            /** Everything is on disk at once. */
            @Override
            public CompletionStage<Boolean> durable() {
                return CompletableFuture.completedFuture(true);
            }
        };
        RouteContext context = new RouteContext(new RouteSettings("pbx1", "support", Map.of(), Map.of(), "default"),
                ScriptHarness.STRANGERS, store, inbox, callers, blocking, InstantSource.system(), prompts);
        server = new AgiServer(AgiServerConfig.of("127.0.0.1", 0), List.of(new RouteScript(context)),
                AgiSessionObserver.NONE);
        return server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        blocking.shutdownNow();
    }

    @Test
    void shouldAnnounceThePositionAndTheEstimatedWaitAsAppQueueDoesBetweenMusic() throws Exception {
        try (FakeAsteriskClient asterisk = waitingCaller()) {
            callers.announceWait(new RoutingCommand.AnnounceWait(CALL, 3, Duration.ofMinutes(4)));

            assertThat(answer(asterisk, 9)).containsExactly("SET MUSIC OFF", "STREAM FILE queue-thereare \"\"",
                    "SAY NUMBER 3 \"\"", "STREAM FILE queue-callswaiting \"\"", "STREAM FILE queue-holdtime \"\"",
                    "SAY NUMBER 4 \"\"", "STREAM FILE queue-minutes \"\"", "STREAM FILE queue-thankyou \"\"",
                    "SET MUSIC ON default");
            assertThat(callers.waiting()).isEqualTo(1);
            assertThat(prompts.reported()).isEmpty();
        }
    }

    @Test
    void shouldTellTheFirstCallerInLineThatTheyAreNext() throws Exception {
        try (FakeAsteriskClient asterisk = waitingCaller()) {
            callers.announceWait(new RoutingCommand.AnnounceWait(CALL, 1, Duration.ofMinutes(2)));

            // like app_queue: "you are next" replaces the count, and no hold time follows it
            assertThat(answer(asterisk, 4)).containsExactly("SET MUSIC OFF", "STREAM FILE queue-youarenext \"\"",
                    "STREAM FILE queue-thankyou \"\"", "SET MUSIC ON default");
        }
    }

    @Test
    void shouldSayOneMinuteAndLeaveOutAnEstimateUnderHalfAMinute() throws Exception {
        try (FakeAsteriskClient asterisk = waitingCaller()) {
            callers.announceWait(new RoutingCommand.AnnounceWait(CALL, 2, Duration.ofSeconds(89)));
            assertThat(answer(asterisk, 9)).containsSubsequence("SAY NUMBER 2 \"\"",
                    "STREAM FILE queue-holdtime \"\"", "SAY NUMBER 1 \"\"", "STREAM FILE queue-minute \"\"",
                    "STREAM FILE queue-thankyou \"\"", "SET MUSIC ON default");

            callers.announceWait(new RoutingCommand.AnnounceWait(CALL, 2, Duration.ofSeconds(29)));
            assertThat(answer(asterisk, 6)).containsExactly("SET MUSIC OFF", "STREAM FILE queue-thereare \"\"",
                    "SAY NUMBER 2 \"\"", "STREAM FILE queue-callswaiting \"\"", "STREAM FILE queue-thankyou \"\"",
                    "SET MUSIC ON default");
        }
    }

    @Test
    void shouldLogAPromptMissingOnThePbxOnceForAllCallers() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(MissingPrompts.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try (FakeAsteriskClient first = waitingCaller(CALL, 1);
             FakeAsteriskClient second = waitingCaller("1795347599.7", 2)) {
            for (String call : List.of(CALL, "1795347599.7")) {
                callers.announceWait(new RoutingCommand.AnnounceWait(call, 1, Duration.ZERO));
            }
            for (FakeAsteriskClient caller : List.of(first, second)) {
                assertThat(caller.readCommand()).isEqualTo("SET MUSIC OFF");
                caller.send("200 result=0\n");
                assertThat(caller.readCommand()).isEqualTo("STREAM FILE queue-youarenext \"\"");
                // recording 12: what Asterisk answers to STREAM FILE of a file it does not have
                caller.send("200 result=-1 endpos=0\n");
                assertThat(caller.readCommand()).isEqualTo("STREAM FILE queue-thankyou \"\"");
                caller.send("200 result=0 endpos=12000\n");
                assertThat(caller.readCommand()).isEqualTo("SET MUSIC ON default");
                caller.send("200 result=0\n");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> prompts.reported().contains("queue-youarenext"));
            assertThat(callers.waiting()).isEqualTo(2);
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(prompts.reported()).containsExactly("queue-youarenext");
        assertThat(logs.list).hasSize(1).first().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("queue-youarenext is missing on the PBX",
                    "docs/asterisk.md lists every prompt");
        });
    }

    @Test
    void shouldReportMissingDigitFilesOfSayNumberOnce() throws Exception {
        try (FakeAsteriskClient asterisk = waitingCaller()) {
            for (int announcement = 0; announcement < 2; announcement++) {
                callers.announceWait(new RoutingCommand.AnnounceWait(CALL, 2, Duration.ZERO));
                assertThat(asterisk.readCommand()).isEqualTo("SET MUSIC OFF");
                asterisk.send("200 result=0\n");
                assertThat(asterisk.readCommand()).isEqualTo("STREAM FILE queue-thereare \"\"");
                asterisk.send("200 result=0 endpos=9000\n");
                assertThat(asterisk.readCommand()).isEqualTo("SAY NUMBER 2 \"\"");
                // Asterisk's say_filenames when digits/2 cannot be opened: handle_saynumber sends the -1
                asterisk.send("200 result=-1\n");
                assertThat(answer(asterisk, 3)).containsExactly("STREAM FILE queue-callswaiting \"\"",
                        "STREAM FILE queue-thankyou \"\"", "SET MUSIC ON default");
            }
            assertThat(callers.waiting()).isEqualTo(1);
        }
        assertThat(prompts.reported()).containsExactly(WaitAnnouncement.NUMBERS);
    }

    @Test
    void shouldLeaveTheQueueForACallbackWhenTheCallerPressesOne() throws Exception {
        try (FakeAsteriskClient asterisk = waitingCaller()) {
            callers.offerCallback(new RoutingCommand.OfferCallback(CALL, Duration.ofMinutes(3)));

            assertThat(asterisk.readCommand()).isEqualTo("SET MUSIC OFF");
            asterisk.send("200 result=0\n");
            assertThat(asterisk.readCommand()).isEqualTo("STREAM FILE hotline/press-1-for-callback 1");
            asterisk.send("200 result=49 endpos=4000\n");
            assertThat(asterisk.readCommand()).isEqualTo("SET VARIABLE HOTLINE_RESULT CALLBACK");
            asterisk.send("200 result=1\n");
            assertThat(asterisk.readCommand()).isNull();
        }
        // handed to a callback, not abandoned (the queue's abandon figures must not count it)
        assertThat(events()).contains(new RoutingEvent.CallHandedOff(CALL, Handoff.CALLBACK))
                .doesNotContain(new RoutingEvent.CallHungUp(CALL));
        assertThat(callers.waiting()).isZero();
    }

    @Test
    void shouldKeepWaitingWhenTheCallerDoesNotWantACallback() throws Exception {
        try (FakeAsteriskClient asterisk = waitingCaller()) {
            callers.offerCallback(new RoutingCommand.OfferCallback(CALL, Duration.ofMinutes(3)));

            assertThat(asterisk.readCommand()).isEqualTo("SET MUSIC OFF");
            asterisk.send("200 result=0\n");
            assertThat(asterisk.readCommand()).startsWith("STREAM FILE hotline/press-1-for-callback");
            asterisk.send("200 result=0 endpos=16000\n");
            assertThat(asterisk.readCommand()).isEqualTo("WAIT FOR DIGIT 5000");
            asterisk.send("200 result=0\n");
            assertThat(asterisk.readCommand()).isEqualTo("SET MUSIC ON default");
            asterisk.send("200 result=0\n");
            assertThat(asterisk.closedByServer()).isFalse();
            assertThat(callers.waiting()).isEqualTo(1);
        }
    }

    @Test
    void shouldReturnAfterHoursWithTheNextOpening() throws Exception {
        try (FakeAsteriskClient asterisk = waitingCaller()) {
            callers.playAfterHours(new RoutingCommand.PlayAfterHours(CALL, Instant.parse("2026-11-23T00:00:00Z")));

            assertThat(answer(asterisk, 2)).containsExactly(
                    "SET VARIABLE HOTLINE_NEXT_OPENING 2026-11-23T00:00:00Z",
                    "SET VARIABLE HOTLINE_RESULT AFTER_HOURS");
            assertThat(asterisk.readCommand()).isNull();
        }
    }

    @Test
    void shouldFallBackWhenRoutingCannotTakeTheCall() throws Exception {
        inbox = new RoutingInbox(1);
        inbox.offer(new RoutingEvent.Tick());
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(start())) {
            asterisk.send(ENVIRONMENT);
            List<String> commands = new ArrayList<>();
            String command;
            while ((command = asterisk.readCommand()) != null) {
                commands.add(command);
                asterisk.send(command.startsWith("GET VARIABLE") ? "200 result=1 (" + CALL + ")\n"
                        : "200 result=1\n");
            }
            assertThat(commands).endsWith("SET VARIABLE HOTLINE_RESULT BUSY");
        }
        assertThat(inbox.refused()).isEqualTo(1);
        assertThat(callers.waiting()).isZero();
        // the caller goes to the fallback queue recorded as handed there, not lost
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(fallbacks).singleElement()
                .satisfies(handoff -> {
                    assertThat(handoff.linkedId()).isEqualTo(CALL);
                    assertThat(handoff.channelId()).isEqualTo(CALL);
                    assertThat(handoff.reason()).contains("HOTLINE_RESULT=BUSY");
                }));
    }

    @Test
    void shouldHandTheWaitingCallerToTheFallbackQueueWhenHotlineStops() throws Exception {
        try (FakeAsteriskClient asterisk = waitingCaller()) {
            assertThat(callers.handAllToFallback(Duration.ofSeconds(2))).isEqualTo(1);

            // music off, then the session ends with no HOTLINE_RESULT: the dialplan falls through to the fallback
            assertThat(asterisk.readCommand()).isEqualTo("SET MUSIC OFF");
            asterisk.send("200 result=0\n");
            assertThat(asterisk.readCommand()).isNull();
        }
        assertThat(events()).contains(new RoutingEvent.CallHandedOff(CALL, Handoff.FALLBACK))
                .doesNotContain(new RoutingEvent.CallHungUp(CALL));
        assertThat(callers.waiting()).isZero();
    }

    /** A caller that went through route up to music on hold. */
    private FakeAsteriskClient waitingCaller() throws Exception {
        return waitingCaller(CALL, 1);
    }

    /** Caller number {@code waiting} (counting the ones before) with linkedid {@code call}, on music on hold. */
    private FakeAsteriskClient waitingCaller(String call, int waiting) throws Exception {
        if (address == null) {
            address = start();
        }
        FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address);
        asterisk.send(ENVIRONMENT.replace(CALL, call));
        String command;
        while ((command = asterisk.readCommand()) != null) {
            if (command.startsWith("GET VARIABLE")) {
                asterisk.send("200 result=1 (" + call + ")\n");
            } else if (command.startsWith("SET MUSIC ON")) {
                asterisk.send("200 result=0\n");
                break;
            } else {
                asterisk.send("200 result=1\n");
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> callers.waiting() == waiting);
        return asterisk;
    }

    private static List<String> answer(FakeAsteriskClient asterisk, int count) throws Exception {
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String command = asterisk.readCommand();
            commands.add(command);
            asterisk.send(command.startsWith("SET VARIABLE") ? "200 result=1\n" : command.startsWith("STREAM")
                    ? "200 result=0 endpos=8000\n" : "200 result=0\n");
        }
        return commands;
    }

    private List<RoutingEvent> events() throws InterruptedException {
        List<RoutingEvent> batch = new ArrayList<>();
        inbox.drainTo(batch, 10, Duration.ofSeconds(2).toNanos());
        return batch;
    }
}
