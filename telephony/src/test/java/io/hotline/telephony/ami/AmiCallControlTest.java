package io.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.DeviceState;
import io.hotline.telephony.scripts.WaitingCallers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@link AmiCallControl} against {@link ScriptedAmiServer} playing recordings 17 (AMI Hangup of a ringing seat leg)
 * and 20 (AMI Redirect of a caller held in AGI) over a real loopback socket, with the events Asterisk sent after the
 * recorder's action held back until Hotline sends it.
 */
class AmiCallControlTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String CALL_17 = "1796622041.2";
    private static final String CALL_20 = "1796622067.8";
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ConcurrentLinkedQueue<RoutingEvent> routing = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RoutingCommand.RequestRejected> rejected = new ConcurrentLinkedQueue<>();
    private final PbxView view = new PbxView(routing::add);
    private final WaitingCallers callers = new WaitingCallers(InstantSource.system(), Duration.ofMinutes(2),
            rejected::add);
    private final AmiCallControl calls = new AmiCallControl(callers);

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void shouldHangUpTheRingingSeatLegWhenTheOfferIsWithdrawn() {
        // given seat 1001 ringing for the caller of recording 17 (DialBegin names its leg)
        view.seat("PJSIP/agent1001", "1001");
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLoginActing("17-ami-hangup-of-ringing-seat-leg.ami-recv.raw"));
        connect(server.port());
        await().atMost(PATIENCE).until(() -> routing.contains(new RoutingEvent.DeviceStateChanged("1001",
                DeviceState.RINGING)));

        // when the engine withdraws the offer (the seat logged out while ringing)
        calls.cancelOffer(new RoutingCommand.CancelOffer(CALL_17, "1001", "seat logged out"));

        // then Asterisk is told to hang up exactly that leg, as recording 17 does, and the leg ends
        await().atMost(PATIENCE).until(() -> actions(server, "hangup").size() == 1);
        assertThat(actions(server, "hangup").get(0)).containsEntry("channel", "PJSIP/agent1001-00000003")
                .doesNotContainKey("cause");
        await().atMost(PATIENCE).until(() -> routing.contains(new RoutingEvent.CallHungUp(CALL_17)));
        assertThat(rejected).isEmpty();
    }

    @Test
    void shouldHangUpALegWhoseOfferWasWithdrawnBeforeItsDialBegan() {
        // given an offer withdrawn while the caller was still on the way from AGI to Dial
        view.seat("PJSIP/agent1001", "1001");
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLoginActing("17-ami-hangup-of-ringing-seat-leg.ami-recv.raw"));
        calls.attach(view, List.of());
        calls.cancelOffer(new RoutingCommand.CancelOffer(CALL_17, "1001", "seat went not ready"));

        // when the Dial begins
        connect(server.port());

        // then the leg is hung up as soon as DialBegin names it
        await().atMost(PATIENCE).until(() -> actions(server, "hangup").size() == 1);
        assertThat(actions(server, "hangup").get(0)).containsEntry("channel", "PJSIP/agent1001-00000003");
    }

    @Test
    void shouldNotHangUpANewOfferToASeatWhoseEarlierOfferNeverRang() {
        // given an offer to 1001 withdrawn while it waited in the mailbox (the caller was still dialling another
        // seat), and the same seat offered the call again later
        view.seat("PJSIP/agent1001", "1001");
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLoginActing("17-ami-hangup-of-ringing-seat-leg.ami-recv.raw"));
        calls.attach(view, List.of());
        calls.offer(new RoutingCommand.OfferCall(CALL_17, "1001", "PJSIP/agent1001", Tier.TIER1, null,
                Duration.ofSeconds(15), "first"));
        calls.cancelOffer(new RoutingCommand.CancelOffer(CALL_17, "1001", "no answer within 15 s"));
        calls.offer(new RoutingCommand.OfferCall(CALL_17, "1001", "PJSIP/agent1001", Tier.TIER1, null,
                Duration.ofSeconds(15), "again"));

        // when its Dial begins
        connect(server.port());

        // then the new leg rings on: no Hangup
        await().atMost(PATIENCE).until(() -> routing.contains(new RoutingEvent.DeviceStateChanged("1001",
                DeviceState.RINGING)));
        assertThat(actions(server, "hangup")).isEmpty();
    }

    @Test
    void shouldRedirectTheCallerToTheEscalationContextForMoveToQueue() {
        // given the caller of recording 20, held in a FastAGI session
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLoginActing("20-ami-redirect-of-caller-waiting-in-agi.ami-recv.raw"));
        AmiConnection connection = connect(server.port());
        await().atMost(PATIENCE).until(() -> connection.isConnected() && view.callerChannel(CALL_20).isPresent());

        // when the engine escalates the call itself
        calls.moveToQueue(new RoutingCommand.MoveToQueue(CALL_20, "tier2", Tier.TIER1, "asked from the desktop"));

        // then the caller's channel is redirected to hotline-escalate,tier2,1, and nothing is refused
        await().atMost(PATIENCE).until(() -> actions(server, "redirect").size() == 1);
        assertThat(actions(server, "redirect").get(0)).containsEntry("channel", "PJSIP/carrier-00000008")
                .containsEntry("context", "hotline-escalate").containsEntry("exten", "tier2")
                .containsEntry("priority", "1");
        await().atMost(PATIENCE).until(() -> routing.contains(new RoutingEvent.CallHungUp(CALL_20)));
        assertThat(rejected).isEmpty();
    }

    @Test
    void shouldSendNothingForAMoveThePbxMadeAndRefuseAMoveItCannotMake() {
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLoginActing("20-ami-redirect-of-caller-waiting-in-agi.ami-recv.raw"));
        connect(server.port());
        await().atMost(PATIENCE).until(() -> view.callerChannel(CALL_20).isPresent());

        // it says beforehand which calls it can move: a caller whose channel AMI knows, not an unknown one
        assertThat(calls.canMove(CALL_20)).isTrue();
        assertThat(calls.canMove("no-such-call")).isFalse();
        // a blind transfer by the seat already moved the caller: no Redirect
        calls.moveToQueue(new RoutingCommand.MoveToQueue(CALL_20, "tier2", Tier.TIER1, "transferred", true));
        // a call AMI does not know cannot be moved: refused visibly
        calls.moveToQueue(new RoutingCommand.MoveToQueue("no-such-call", "tier2", Tier.TIER1, "desktop"));

        assertThat(rejected).singleElement().satisfies(refusal -> {
            assertThat(refusal.subject()).isEqualTo("no-such-call");
            assertThat(refusal.reason()).contains("tier2");
        });
        assertThat(actions(server, "redirect")).isEmpty();
    }

    @Test
    void shouldRefuseMoveToQueueWithoutAmi() {
        assertThat(calls.canMove(CALL_20)).as("not attached to any AMI connection").isFalse();
        WaitingCallers withoutAmi = new WaitingCallers(InstantSource.system(), Duration.ofMinutes(2), rejected::add);

        withoutAmi.moveToQueue(new RoutingCommand.MoveToQueue(CALL_20, "tier2", Tier.TIER1, "desktop"));
        withoutAmi.moveToQueue(new RoutingCommand.MoveToQueue(CALL_20, "tier2", Tier.TIER1, "transferred", true));

        assertThat(rejected).singleElement().satisfies(refusal -> assertThat(refusal.reason()).contains("AMI"));
    }

    @Test
    void shouldTakeDeviceStateListItemsWithoutAsteriskJavaWarnings() {
        // given every asterisk-java log line captured, and a recording whose devices change state
        Logger asteriskJava = (Logger) LoggerFactory.getLogger("org.asteriskjava");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        asteriskJava.addAppender(logs);
        resources.add(() -> asteriskJava.detachAppender(logs));
        view.seat("PJSIP/agent1001", "1001");
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLogin("17-ami-hangup-of-ringing-seat-leg.ami-recv.raw"));

        // when Hotline resynchronises (DeviceStateList) several times after those changes
        AmiConnection connection = connect(server.port(), Duration.ofMillis(300));
        await().atMost(PATIENCE).until(() -> actions(server, "devicestatelist").size() >= 3);
        await().atMost(PATIENCE).until(() -> view.seatDevice("pbx1", "PJSIP/agent1001") != null);

        // then no item of any list made asterisk-java warn about a missing setter
        assertThat(connection.isConnected()).isTrue();
        assertThat(logs.list).noneSatisfy(line -> {
            assertThat(line.getLevel().isGreaterOrEqual(Level.WARN)).isTrue();
            assertThat(line.getFormattedMessage()).contains("no setter");
        });
    }

    @Test
    void shouldCountAsteriskDownApartFromARefusedLogin() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        AtomicInteger refusedLogins = new AtomicInteger();
        AtomicInteger unreachable = new AtomicInteger();
        AmiObserver observer = new AmiObserver() {
            @Override
            public void loginFailed(String name) {
                refusedLogins.incrementAndGet();
            }

            @Override
            public void connectFailed(String name) {
                unreachable.incrementAndGet();
            }
        };
        AmiConnection down = start(port, observer, Duration.ofMinutes(5));
        await().atMost(PATIENCE).until(() -> unreachable.get() >= 2);
        assertThat(refusedLogins).hasValue(0);
        down.close();

        ScriptedAmiServer wrongSecret = server(ScriptedAmiServer.start(0).secret("cti", "another-secret"));
        start(wrongSecret.port(), observer, Duration.ofMinutes(5));
        await().atMost(PATIENCE).until(() -> refusedLogins.get() >= 1);
    }

    private List<Map<String, String>> actions(ScriptedAmiServer server, String name) {
        return server.actionsReceived().stream().filter(action -> name.equalsIgnoreCase(action.get("action")))
                .toList();
    }

    private ScriptedAmiServer server(ScriptedAmiServer server) {
        resources.add(server);
        return server;
    }

    private AmiConnection connect(int port) {
        return connect(port, Duration.ofMinutes(5));
    }

    private AmiConnection connect(int port, Duration resync) {
        AmiConnection connection = start(port, AmiObserver.NONE, resync);
        calls.attach(view, List.of(connection));
        return connection;
    }

    private AmiConnection start(int port, AmiObserver observer, Duration resync) {
        AmiServerConfig config = AmiServerConfig.of("pbx1", "127.0.0.1", port, "cti", "cti-secret")
                .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(100),
                        Duration.ofMillis(400)).withResyncInterval(resync);
        AmiConnection connection = new AmiConnection(config, view, observer);
        resources.add(connection);
        connection.start();
        return connection;
    }
}
