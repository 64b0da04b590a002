package io.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.spi.CallMonitor;
import io.hotline.telephony.scripts.WaitingCallers;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Callbacks ({@link AmiCallControl#dialCallback}) and supervisors' monitoring ({@link AmiCallMonitor}) over a real
 * loopback AMI socket ({@link ScriptedAmiServer}): the exact fields of each {@code Originate}, Asterisk's refusal
 * (recording 06: {@code Response: Error}, {@code Message: Originate failed}), and the refusals without AMI.
 */
class AmiCallbackAndMonitorTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String RECORDING_06 = "06-ami-originate-callback.ami-recv.raw";
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ConcurrentLinkedQueue<RoutingEvent> routing = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RoutingCommand.RequestRejected> rejected = new ConcurrentLinkedQueue<>();
    private final PbxView view = new PbxView(routing::add);
    private final AmiCallControl calls = new AmiCallControl(new WaitingCallers(InstantSource.system(),
            Duration.ofMinutes(2), rejected::add));
    private final AmiCallMonitor monitor = new AmiCallMonitor();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private static RoutingCommand.DialCallback dial(String callId, long offer, String number) {
        return new RoutingCommand.DialCallback(callId, 7, 42, "S101", "PJSIP/1001", number, 1, offer,
                Duration.ofSeconds(15), null);
    }

    @Test
    void shouldOriginateTheSeatsPhoneIntoTheCallbackContextAndHangUpItsLegWhenTheOfferIsWithdrawn() {
        // given a logged-in AMI connection
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLoginText(""));
        AmiConnection connection = connect(server.port());
        await().atMost(PATIENCE).until(connection::isConnected);

        // when routing offers callback 7 to seat S101 (its second offer)
        calls.dialCallback(dial("cb-7-1", 2, "02161234567"));

        // then one async Originate rings the seat's phone into hotline-callback,s,1 with the callback's variables
        await().atMost(PATIENCE).until(() -> actions(server, "originate").size() == 1);
        Map<String, String> originate = actions(server, "originate").get(0);
        assertThat(originate).containsEntry("channel", "PJSIP/1001").containsEntry("context", "hotline-callback")
                .containsEntry("exten", "s").containsEntry("priority", "1").containsEntry("channelid", "cb-7-1-2")
                .containsEntry("timeout", "15000").containsEntry("async", "true")
                .containsEntry("callerid", "\"Callback WO42\" <02161234567>").doesNotContainKey("application");
        assertThat(originate.get("variable").split("\n")).containsExactlyInAnyOrder("HOTLINE_CALL=cb-7-1",
                "HOTLINE_SEAT=S101", "HOTLINE_WORKORDER=42", "HOTLINE_CALLBACK_ID=7",
                "HOTLINE_CALLBACK_NUMBER=02161234567", "HOTLINE_CALLBACK_ATTEMPT=1");

        // when the seat does not answer in time, the engine withdraws the offer: that very leg is hung up by its id
        calls.cancelOffer(new RoutingCommand.CancelOffer("cb-7-1", "S101", "no answer within 15 s"));
        await().atMost(PATIENCE).until(() -> actions(server, "hangup").size() == 1);
        assertThat(actions(server, "hangup").get(0)).containsEntry("channel", "cb-7-1-2");
        assertThat(rejected).isEmpty();
        assertThat(routing).noneMatch(RoutingEvent.CallbackDialled.class::isInstance);
    }

    @Test
    void shouldReportACallbackAsteriskRefusesAsFailedAndRefuseItVisibly() {
        // given recording 06's Asterisk: its first Originate is queued, its second answered "Originate failed"
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLogin(RECORDING_06));
        AmiConnection connection = connect(server.port());
        await().atMost(PATIENCE).until(connection::isConnected);

        calls.dialCallback(dial("cb-7-1", 1, "+4930123407"));
        calls.dialCallback(dial("cb-8-1", 1, "+4930123408"));

        // then routing hears that the second could not be placed, and the refusal is kept
        await().atMost(PATIENCE).until(() -> routing.contains(new RoutingEvent.CallbackDialled("cb-8-1", "S101",
                CallbackOutcome.FAILED, Duration.ZERO)));
        assertThat(routing).doesNotContain(new RoutingEvent.CallbackDialled("cb-7-1", "S101", CallbackOutcome.FAILED,
                Duration.ZERO));
        assertThat(rejected).singleElement().satisfies(refusal -> {
            assertThat(refusal.subject()).isEqualTo("cb-8-1");
            assertThat(refusal.reason()).contains("Originate failed");
        });
    }

    @Test
    void shouldFailACallbackWithoutAmiOrWithAnUndialableNumberWithoutSendingAnything() {
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLoginText(""));
        AmiConnection connection = connect(server.port());
        await().atMost(PATIENCE).until(connection::isConnected);

        // a number that would add a second target to the Dial string is never sent
        calls.dialCallback(dial("cb-9-1", 1, "123&PJSIP/evil"));
        // and without a connected AMI nothing can be placed
        AmiCallControl notConnected = new AmiCallControl(new WaitingCallers(InstantSource.system(),
                Duration.ofMinutes(2), rejected::add));
        notConnected.attach(view, List.of());
        notConnected.dialCallback(dial("cb-10-1", 1, "02161234567"));

        assertThat(routing).contains(new RoutingEvent.CallbackDialled("cb-9-1", "S101", CallbackOutcome.FAILED,
                Duration.ZERO), new RoutingEvent.CallbackDialled("cb-10-1", "S101", CallbackOutcome.FAILED,
                Duration.ZERO));
        assertThat(rejected).extracting(RoutingCommand.RequestRejected::reason)
                .anySatisfy(reason -> assertThat(reason).contains("not dialable"))
                .anySatisfy(reason -> assertThat(reason).contains("AMI is not connected"));
        assertThat(actions(server, "originate")).isEmpty();
    }

    @Test
    void shouldRingTheSupervisorIntoChanSpyWithTheModesOptions() {
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLoginText(""));
        AmiConnection connection = connect(server.port());
        await().atMost(PATIENCE).until(connection::isConnected);

        List<CallMonitor.Result> results = new ArrayList<>();
        for (CallMonitor.Mode mode : CallMonitor.Mode.values()) {
            results.add(monitor.monitor("PJSIP/2001", "PJSIP/1001", mode).toCompletableFuture().join());
        }

        assertThat(results).containsOnly(CallMonitor.Result.ok());
        List<Map<String, String>> originates = actions(server, "originate");
        assertThat(originates).extracting(action -> action.get("data"))
                .containsExactly("PJSIP/1001-,q", "PJSIP/1001-,qw", "PJSIP/1001-,qB");
        assertThat(originates.get(1)).containsEntry("channel", "PJSIP/2001").containsEntry("application", "ChanSpy")
                .containsEntry("async", "true").containsEntry("timeout", "30000").doesNotContainKey("context");
    }

    @Test
    void shouldRefuseMonitoringWithoutAmiOrWhenAsteriskRefuses() {
        // without any AMI connection: refused, saying why
        CallMonitor.Result withoutAmi = new AmiCallMonitor().monitor("PJSIP/2001", "PJSIP/1001",
                CallMonitor.Mode.LISTEN).toCompletableFuture().join();
        assertThat(withoutAmi.accepted()).isFalse();
        assertThat(withoutAmi.reason()).contains("AMI is not connected");
        // a seat whose endpoint holds a word Asterisk reserves to system-privileged originates (DB, FILE, ...):
        // refused by Hotline, naming the word, rather than Asterisk's bare "Originate Access Forbidden"
        CallMonitor.Result reserved = monitor.monitor("PJSIP/2001", "PJSIP/DB01", CallMonitor.Mode.LISTEN)
                .toCompletableFuture().join();
        assertThat(reserved.accepted()).isFalse();
        assertThat(reserved.reason()).contains("DB").contains("system privilege");
        assertThat(AmiCallMonitor.reservedWord("PJSIP/db01")).as("the match is case-sensitive, as Asterisk's").isNull();
        assertThat(AmiCallMonitor.reservedWord("PJSIP/1001")).isNull();
        // a supervisor without a phone
        assertThat(monitor.monitor(null, "PJSIP/1001", CallMonitor.Mode.BARGE).toCompletableFuture().join()
                .reason()).contains("no phone");

        // Asterisk answering the second Originate "Originate failed" (recording 06)
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLogin(RECORDING_06));
        AmiConnection connection = connect(server.port());
        await().atMost(PATIENCE).until(connection::isConnected);
        CallMonitor.Result first = monitor.monitor("PJSIP/2001", "PJSIP/1001", CallMonitor.Mode.WHISPER)
                .toCompletableFuture().join();
        CallMonitor.Result second = monitor.monitor("PJSIP/2001", "PJSIP/1001", CallMonitor.Mode.WHISPER)
                .toCompletableFuture().join();

        assertThat(first.accepted()).isTrue();
        assertThat(second.accepted()).isFalse();
        assertThat(second.reason()).contains("Originate failed");
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
        AmiServerConfig config = AmiServerConfig.of("pbx1", "127.0.0.1", port, "cti", "cti-secret")
                .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(100),
                        Duration.ofMillis(400)).withResyncInterval(Duration.ofMinutes(5));
        AmiConnection connection = new AmiConnection(config, view, AmiObserver.NONE);
        resources.add(connection);
        connection.start();
        calls.attach(view, List.of(connection));
        monitor.attach(List.of(connection));
        return connection;
    }
}
