package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.spi.CallRecords;
import io.hotline.routing.spi.SurveyStore;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.telephony.agi.AgiServer;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The post-call survey and the escalation re-entry, over real TCP (the seat feature codes: SeatScriptTest). */
class SeatSurveyEscalateScriptsTest {
    private final RoutingInbox inbox = new RoutingInbox(100);
    private final WaitingCallers callers = new WaitingCallers(InstantSource.system(), Duration.ofMinutes(2));
    private final Map<Long, Integer> scores = new ConcurrentHashMap<>();
    private final Map<String, Integer> deferredScores = new ConcurrentHashMap<>();
    private volatile boolean databaseAnswers = true;
    private final ExecutorService blocking = Executors.newFixedThreadPool(2);
    private final MissingPrompts prompts = new MissingPrompts();
    private AgiServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        SurveyStore surveys = new SurveyStore() {
            @Override
            public boolean recordIvrScore(long workOrder, int score, Instant at) {
                if (!databaseAnswers) {
                    throw new IllegalStateException("Connection is not available, request timed out after 5000ms");
                }
                if (workOrder != 41L) {
                    return false;
                }
                scores.put(workOrder, score);
                return true;
            }

            @Override
            public boolean recordIvrScoreLater(String callId, int score, Instant at) {
                deferredScores.put(callId, score);
                return true;
            }
        };
        RouteContext context = new RouteContext(new RouteSettings("pbx1", "support", Map.of(), Map.of(), "default"),
                ScriptHarness.STRANGERS, new CallRecords() {
                    @Override
                    public void handedToFallback(FallbackHandoff handoff) {
                        throw new AssertionError("no caller is handed to the fallback by these scripts");
                    }

                    /** Everything is on disk at once. */
                    @Override
                    public CompletionStage<Boolean> durable() {
                        return CompletableFuture.completedFuture(true);
                    }
                }, inbox, callers, blocking, InstantSource.system());
        server = ScriptHarness.loopbackServer(new SurveyScript(surveys, blocking, InstantSource.system(), prompts),
                new EscalateScript(context));
        address = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        blocking.shutdownNow();
    }

    @Test
    void shouldRecordTheScoreKeyedDuringThePrompt() throws Exception {
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send("agi_network_script: survey?workorder=41\nagi_channel: PJSIP/carrier-1\n\n");
            assertThat(asterisk.readCommand()).isEqualTo("STREAM FILE hotline/survey-prompt 12345");
            asterisk.send("200 result=52 endpos=8000\n");
            assertThat(asterisk.readCommand()).isEqualTo("SET VARIABLE HOTLINE_SURVEY_SCORE 4");
            asterisk.send("200 result=1\n");
            assertThat(asterisk.readCommand()).isNull();
        }
        assertThat(scores).containsEntry(41L, 4);
    }

    @Test
    void shouldRecordTheScoreByTheCallWhenTheDatabaseDoesNotAnswerOrTheWorkOrderIsUnknown() throws Exception {
        // while the database is away
        databaseAnswers = false;
        assertThat(keyScore("survey?workorder=41&call=1795347580.0", "53")).isEqualTo(
                "SET VARIABLE HOTLINE_SURVEY_SCORE 5");
        // and for a caller routed during an outage, whose work order id the dialplan does not have
        databaseAnswers = true;
        assertThat(keyScore("survey?workorder=&call=1795347827.35", "50")).isEqualTo(
                "SET VARIABLE HOTLINE_SURVEY_SCORE 2");

        assertThat(deferredScores).containsExactlyInAnyOrderEntriesOf(Map.of("1795347580.0", 5, "1795347827.35", 2));
        assertThat(scores).isEmpty();
    }

    private String keyScore(String script, String keyCode) throws Exception {
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send("agi_network_script: " + script + "\nagi_channel: PJSIP/carrier-1\n\n");
            assertThat(asterisk.readCommand()).isEqualTo("STREAM FILE hotline/survey-prompt 12345");
            asterisk.send("200 result=" + keyCode + " endpos=8000\n");
            String result = asterisk.readCommand();
            asterisk.send("200 result=1\n");
            assertThat(asterisk.readCommand()).isNull();
            return result;
        }
    }

    @Test
    void shouldRecordNothingWhenTheCallerKeysNothing() throws Exception {
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send("agi_network_script: survey?workorder=41\nagi_channel: PJSIP/carrier-1\n\n");
            assertThat(asterisk.readCommand()).startsWith("STREAM FILE");
            asterisk.send("200 result=0 endpos=16000\n");
            assertThat(asterisk.readCommand()).isEqualTo("WAIT FOR DIGIT 10000");
            asterisk.send("200 result=0\n");
            assertThat(asterisk.readCommand()).isEqualTo("SET VARIABLE HOTLINE_SURVEY_SCORE NONE");
            asterisk.send("200 result=1\n");
        }
        assertThat(scores).isEmpty();
    }

    @Test
    void shouldLogAMissingSurveyPromptOnceAndStillWaitForTheScore() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(MissingPrompts.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            // the caller hears silence where the prompt should be; one who knows the survey still keys a score
            try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
                asterisk.send("agi_network_script: survey?workorder=41\nagi_channel: PJSIP/carrier-1\n\n");
                assertThat(asterisk.readCommand()).isEqualTo("STREAM FILE hotline/survey-prompt 12345");
                // recording 12: what Asterisk answers to STREAM FILE of a file it does not have
                asterisk.send("200 result=-1 endpos=0\n");
                assertThat(asterisk.readCommand()).isEqualTo("WAIT FOR DIGIT 10000");
                asterisk.send("200 result=51\n");
                assertThat(asterisk.readCommand()).isEqualTo("SET VARIABLE HOTLINE_SURVEY_SCORE 3");
                asterisk.send("200 result=1\n");
                assertThat(asterisk.readCommand()).isNull();
            }
            // the next caller keys nothing: no score, and the dialplan goes on to thank them
            try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
                asterisk.send("agi_network_script: survey?workorder=42&call=1795347599.7\n"
                        + "agi_channel: PJSIP/carrier-2\n\n");
                assertThat(asterisk.readCommand()).isEqualTo("STREAM FILE hotline/survey-prompt 12345");
                asterisk.send("200 result=-1 endpos=0\n");
                assertThat(asterisk.readCommand()).isEqualTo("WAIT FOR DIGIT 10000");
                asterisk.send("200 result=0\n");
                assertThat(asterisk.readCommand()).isEqualTo("SET VARIABLE HOTLINE_SURVEY_SCORE NONE");
                asterisk.send("200 result=1\n");
                assertThat(asterisk.readCommand()).isNull();
            }
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(scores).containsExactly(Map.entry(41L, 3));
        assertThat(prompts.reported()).containsExactly(SurveyScript.PROMPT);
        assertThat(logs.list).hasSize(1).first().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("hotline/survey-prompt is missing on the PBX");
        });
    }

    @Test
    void shouldReportTheEscalationAndWaitForTheNextSeat() throws Exception {
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send("agi_network_script: escalate?queue=tier2&reason=GL%20close%20fails\n"
                    + "agi_channel: PJSIP/carrier-2\nagi_uniqueid: 1795347580.0\n\n");
            assertThat(asterisk.readCommand()).isEqualTo("GET VARIABLE CHANNEL(linkedid)");
            asterisk.send("200 result=1 (1795347580.0)\n");
            assertThat(asterisk.readCommand()).isEqualTo("GET VARIABLE HOTLINE_SEAT");
            asterisk.send("200 result=1 (S1004)\n");
            assertThat(asterisk.readCommand()).isEqualTo("SET MUSIC ON default");
            asterisk.send("200 result=0\n");

            // pbxMoved: the seat's transfer already moved the caller, so nothing redirects it again
            assertThat(nextEvent()).isEqualTo(new RoutingEvent.EscalationRequested("1795347580.0", "S1004", "tier2",
                    "GL close fails", true));
            await().atMost(Duration.ofSeconds(5)).until(() -> callers.waiting() == 1);
            callers.offer(new RoutingCommand.OfferCall("1795347580.0", "S2001", "PJSIP/2001", Tier.TIER2, 41L,
                    Duration.ofSeconds(15), "tier2"));
            List<String> commands = answerAll(asterisk);
            assertThat(commands).contains("SET VARIABLE HOTLINE_TARGET PJSIP/2001", "SET VARIABLE HOTLINE_TIER TIER2",
                    "SET VARIABLE HOTLINE_RESULT ROUTED");
        }
    }

    private static List<String> answerAll(FakeAsteriskClient asterisk) throws Exception {
        List<String> commands = new ArrayList<>();
        String command;
        while ((command = asterisk.readCommand()) != null) {
            commands.add(command);
            asterisk.send(command.startsWith("STREAM") ? "200 result=0 endpos=100\n" : command.startsWith("SET MUSIC")
                    ? "200 result=0\n" : "200 result=1\n");
        }
        return commands;
    }

    private RoutingEvent nextEvent() throws InterruptedException {
        return ScriptHarness.nextEvent(inbox);
    }
}
