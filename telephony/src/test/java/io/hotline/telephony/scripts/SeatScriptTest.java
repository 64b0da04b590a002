package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.spi.SeatDirectory;
import io.hotline.telephony.agi.AgiServer;
import io.hotline.telephony.agi.FakeAsteriskClient;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The seat feature codes over real TCP, answered as recording 18 shows (CHANNEL STATUS, STREAM FILE beep): the
 * script waits for the routing engine's decision, and the seat hears whether the engine applied its request. The
 * test plays the routing thread: it applies the script's event to a real {@link RoutingEngine} and hands the
 * engine's answer to {@link SeatRequests}.
 */
class SeatScriptTest {
    private final RoutingInbox inbox = new RoutingInbox(100);
    private final RoutingEngine engine = new RoutingEngine(RoutingConfig.defaults(), InstantSource.system());
    private final List<RoutingCommand> commands = new ArrayList<>();
    private final ExecutorService blocking = Executors.newFixedThreadPool(2);
    private final SeatRequests requests = new SeatRequests(Duration.ofSeconds(2));
    private final MissingPrompts prompts = new MissingPrompts();
    /** A sound file this PBX does not have (answered as recording 12 shows), or {@code null}. */
    private volatile String missingFile;
    private AgiServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        SeatDirectory seats = dialString -> "PJSIP/1004".equals(dialString) ? Optional.of("S1004") : Optional.empty();
        engine.apply(new RoutingEvent.SeatConfigured(new SeatProfile("S1004", Tier.TIER1, Map.of("ERP", 3),
                "PJSIP/1004")), commands::add);
        server = ScriptHarness.loopbackServer(new SeatScript(seats, inbox, blocking, requests, prompts));
        address = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        blocking.shutdownNow();
    }

    @Test
    void shouldRefuseReadyWhileLoggedOutWithTheErrorToneAndAcceptItAfterALogin() throws Exception {
        // *24 while logged out
        List<String> refused = featureCode("seat?action=ready", "PJSIP/1004-00000004", true);
        assertThat(refused).containsExactly("CHANNEL STATUS", "STREAM FILE beeperr \"\"",
                "SET VARIABLE HOTLINE_SEAT_REASON \"seat is logged out: log in first\"",
                "SET VARIABLE HOTLINE_SEAT_RESULT REFUSED");
        assertThat(commands).contains(new RoutingCommand.RequestRejected("S1004", "seat is logged out: log in first",
                "ready"));

        // *21, then *24
        assertThat(featureCode("seat?action=login", "PJSIP/1004-00000005", true)).containsExactly("CHANNEL STATUS",
                "STREAM FILE beep \"\"", "SET VARIABLE HOTLINE_SEAT_RESULT OK");
        assertThat(featureCode("seat?action=ready", "PJSIP/1004-00000006", true)).containsExactly("CHANNEL STATUS",
                "STREAM FILE beep \"\"", "SET VARIABLE HOTLINE_SEAT_RESULT OK");
        assertThat(requests.waiting()).isZero();
    }

    @Test
    void shouldGoNotReadyWithTheKeyedReasonCode() throws Exception {
        featureCode("seat?action=login", "PJSIP/1004-0000001a", true);

        featureCode("seat?action=notready&reason=12", "PJSIP/1004-0000001b", true);

        assertThat(engine.seat("S1004").orElseThrow().reason()).isEqualTo("code-12");
    }

    @Test
    void shouldAnswerTheChannelWhenTheDialplanDidNot() throws Exception {
        try (FakeAsteriskClient phone = FakeAsteriskClient.connect(address)) {
            phone.send("agi_network_script: seat?action=login\nagi_channel: PJSIP/1004-00000007\n\n");
            assertThat(phone.readCommand()).isEqualTo("CHANNEL STATUS");
            phone.send("200 result=4\n");
            assertThat(phone.readCommand()).isEqualTo("ANSWER");
            phone.send("200 result=0\n");
            playRoutingThread();
            assertThat(phone.readCommand()).isEqualTo("STREAM FILE beep \"\"");
        }
    }

    @Test
    void shouldTellTheSeatWhenRoutingDoesNotAnswerInTime() throws Exception {
        // nobody drains the inbox: the request times out
        List<String> told = featureCode("seat?action=logout", "PJSIP/1004-00000008", false);

        assertThat(told).containsExactly("CHANNEL STATUS", "STREAM FILE beeperr \"\"",
                "SET VARIABLE HOTLINE_SEAT_REASON \"no answer from routing in time\"",
                "SET VARIABLE HOTLINE_SEAT_RESULT TIMEOUT");
        assertThat(requests.waiting()).isZero();
    }

    @Test
    void shouldRefuseAPhoneThatIsNoSeatAndAnUnknownAction() throws Exception {
        assertThat(featureCode("seat?action=ready", "PJSIP/9999-00000001", false)).containsExactly("CHANNEL STATUS",
                "STREAM FILE beeperr \"\"", "SET VARIABLE HOTLINE_SEAT_RESULT UNKNOWN_SEAT");
        assertThat(featureCode("seat?action=dance", "PJSIP/1004-00000002", false)).containsExactly("CHANNEL STATUS",
                "STREAM FILE beeperr \"\"", "SET VARIABLE HOTLINE_SEAT_RESULT BAD_ACTION");
        assertThat(inbox.depth()).isZero();
        assertThat(requests.waiting()).isZero();
    }

    @Test
    void shouldLogAMissingRefusalToneOnceAndStillTellTheDialplan() throws Exception {
        missingFile = SeatScript.REFUSED_TONE;
        Logger logger = (Logger) LoggerFactory.getLogger(MissingPrompts.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            // two refusals: the seat hears nothing in place of beeperr, the dialplan still gets the result
            assertThat(featureCode("seat?action=ready", "PJSIP/9999-00000001", false)).containsExactly(
                    "CHANNEL STATUS", "STREAM FILE beeperr \"\"", "SET VARIABLE HOTLINE_SEAT_RESULT UNKNOWN_SEAT");
            assertThat(featureCode("seat?action=ready", "PJSIP/1004-00000002", true)).containsExactly(
                    "CHANNEL STATUS", "STREAM FILE beeperr \"\"",
                    "SET VARIABLE HOTLINE_SEAT_REASON \"seat is logged out: log in first\"",
                    "SET VARIABLE HOTLINE_SEAT_RESULT REFUSED");
            // the confirmation tone is there: nothing more to report
            assertThat(featureCode("seat?action=login", "PJSIP/1004-00000003", true)).contains(
                    "SET VARIABLE HOTLINE_SEAT_RESULT OK");
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(prompts.reported()).containsExactly("beeperr");
        assertThat(logs.list).hasSize(1).first().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("beeperr is missing on the PBX", "Logged once");
        });
    }

    /**
     * Dials a feature code: answers every command as recording 18 shows (the channel is up); once the script asked
     * for the channel status, plays the routing thread when {@code routing} is true.
     */
    private List<String> featureCode(String script, String channel, boolean routing) throws Exception {
        List<String> told = new ArrayList<>();
        try (FakeAsteriskClient phone = FakeAsteriskClient.connect(address)) {
            phone.send("agi_network_script: " + script + "\nagi_channel: " + channel + "\n\n");
            String command;
            while ((command = phone.readCommand()) != null) {
                told.add(command);
                if (command.equals("CHANNEL STATUS")) {
                    phone.send("200 result=6\n");
                    if (routing) {
                        playRoutingThread();
                    }
                } else {
                    phone.send(reply(command));
                }
            }
        }
        return told;
    }

    /** What the PBX answers: a sound file it has plays to its end; one it does not have as recording 12 shows. */
    private String reply(String command) {
        if (!command.startsWith("STREAM FILE")) {
            return "200 result=1\n";
        }
        return command.equals("STREAM FILE " + missingFile + " \"\"") ? "200 result=-1 endpos=0\n"
                : "200 result=0 endpos=2000\n";
    }

    /** Applies the next event of the inbox to the engine and hands its answers to the waiting sessions. */
    private void playRoutingThread() throws InterruptedException {
        engine.apply(ScriptHarness.nextEvent(inbox), command -> {
            commands.add(command);
            if (command instanceof RoutingCommand.SeatRequestAnswered answered) {
                requests.answered(answered);
            }
        });
    }
}
