package io.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.seat.DeviceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * From the socket to what routing hears: {@link AmiConnection} and {@link PbxView} against {@link ScriptedAmiServer}
 * playing what a real Asterisk 22 sent in the recorded scenarios, with the reconciled state checked after
 * disconnects and restarts.
 */
class AmiRoutingFeedTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ConcurrentLinkedQueue<RoutingEvent> routed = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<AmiEvent> seen = new ConcurrentLinkedQueue<>();
    private final PbxView view = new PbxView(routed::add);

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void shouldEndAnAbandonedCallOnceWhenTheWaitingCallerHangsUp() {
        // given the recorded abandon: both tier-1 members paused, the caller waits and hangs up (02)
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLogin("02-queue-abandon-all-members-paused.ami-recv.raw"));

        // when Hotline follows that server
        connect(server.port());

        // then routing hears the call end under its linkedid, and no channel is left
        await().atMost(PATIENCE).until(() -> hungUpCalls().contains("1795347607.4"));
        await().atMost(PATIENCE).until(() -> view.liveChannels("pbx1").isEmpty());
        assertThat(hungUpCalls()).containsExactly("1795347607.4");
    }

    @Test
    void shouldFollowATransferToTierTwoWithoutEndingTheCall() {
        // given the recorded AMI Redirect of a caller from agent1002 (tier 1) to agent2001 (tier 2) (04a)
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLogin("04a-transfer-tier1-to-tier2-ami-redirect.ami-recv.raw"));

        // when Hotline follows it
        connect(server.port());

        // then both seats rang and were in use, the tier-1 leg's end did not end the call, and both are free after
        await().atMost(PATIENCE).until(() -> hungUpCalls().contains("1795347630.7"));
        assertThat(hungUpCalls()).containsExactly("1795347630.7");
        assertThat(statesOf("S1002")).contains(DeviceState.RINGING, DeviceState.IN_USE);
        assertThat(statesOf("S2001")).contains(DeviceState.RINGING, DeviceState.IN_USE);
        await().atMost(PATIENCE).until(() -> view.seatDevice("pbx1", "PJSIP/agent2001") == DeviceState.NOT_IN_USE
                && view.seatDevice("pbx1", "PJSIP/agent1002") == DeviceState.NOT_IN_USE);
        assertThat(indexOfLast("S1002", DeviceState.NOT_IN_USE)).isLessThan(indexOfFirst("S2001", DeviceState.RINGING));
    }

    @Test
    void shouldMakeASeatUnavailableWhenItsPhoneBecomesUnreachable() {
        // given agent1001's PJSIP contact failing qualify, then coming back. No recording has qualify (the lab's
        // phones were static contacts), so these blocks are written after Asterisk 22's ContactStatus and
        // DeviceStateChange events, in the recordings' framing.
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLoginText(
                contact("Unreachable") + device("UNAVAILABLE") + contact("Reachable") + device("NOT_INUSE")));

        // when Hotline follows it
        connect(server.port());

        // then routing hears the seat become unavailable, then free again
        await().atMost(PATIENCE).until(() -> statesOf("S1001").contains(DeviceState.NOT_IN_USE));
        assertThat(statesOf("S1001")).containsExactly(DeviceState.UNAVAILABLE, DeviceState.NOT_IN_USE);
    }

    @Test
    void shouldResyncAfterADroppedSocketAndEndTheCallExactlyOnce() {
        // given a connected call when the AMI socket drops; the second session lists both legs, then sees them end
        // (09: the Hangup events can overtake the list's answer inside asterisk-java)
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLogin("09-ami-client-disconnect-and-reconnect-mid-call.ami-recv.raw")
                .afterLogin("09-ami-client-disconnect-and-reconnect-mid-call.ami2.ami-recv.raw"));
        connect(server.port());
        await().atMost(PATIENCE).until(() -> view.liveChannels("pbx1").size() == 2
                && view.seatDevice("pbx1", "PJSIP/agent1002") == DeviceState.IN_USE);

        // when the socket drops and Hotline reconnects
        server.dropClients();

        // then the resync ran on the new session and the call ended once, leaving nothing behind
        await().atMost(PATIENCE).until(() -> count(AmiEvent.ChannelsListed.class) >= 2
                && hungUpCalls().contains("1795347739.23"));
        await().atMost(PATIENCE).until(() -> view.liveChannels("pbx1").isEmpty()
                && view.seatDevice("pbx1", "PJSIP/agent1002") == DeviceState.NOT_IN_USE);
        assertThat(hungUpCalls()).containsExactly("1795347739.23");
        assertThat(server.actionsReceived()).filteredOn(action -> "CoreShowChannels".equalsIgnoreCase(
                action.get("action"))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldCloseTheCallAndFreeTheSeatWhenAsteriskRestartedWhileHotlineWasBlind() {
        // given a connected call (09's first session), then the socket lost; the Asterisk Hotline reconnects to has
        // restarted meanwhile: FullyBooted, an empty channel list (10's session after the restart)
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLogin("09-ami-client-disconnect-and-reconnect-mid-call.ami-recv.raw")
                .afterLogin("10-asterisk-restart-mid-call.ami3.ami-recv.raw"));
        connect(server.port());
        await().atMost(PATIENCE).until(() -> view.liveChannels("pbx1").size() == 2
                && view.seatDevice("pbx1", "PJSIP/agent1002") == DeviceState.IN_USE);
        assertThat(hungUpCalls()).isEmpty();

        // when the socket drops and the reconnect lands on the restarted Asterisk
        server.dropClients();

        // then the call that ended unseen is closed and the seat it held is free: nothing stuck
        await().atMost(PATIENCE).until(() -> hungUpCalls().contains("1795347739.23"));
        await().atMost(PATIENCE).until(() -> view.seatDevice("pbx1", "PJSIP/agent1002") == DeviceState.NOT_IN_USE);
        assertThat(view.liveChannels("pbx1")).isEmpty();
        assertThat(view.reconciledHangups()).isEqualTo(2);
        assertThat(hungUpCalls()).containsExactly("1795347739.23");
    }

    @Test
    void shouldFollowAnAsteriskRestartMidCallAndReconnectToTheNewProcess() {
        // given the recorded `core restart now` during a call: hang-ups, Shutdown, EOF (10), then the new process
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLoginThenClose("10-asterisk-restart-mid-call.ami-recv.raw")
                .afterLogin("10-asterisk-restart-mid-call.ami3.ami-recv.raw"));

        // when Hotline follows it
        AmiConnection connection = connect(server.port());

        // then it logs in again by itself, the call ended once, and the view is empty and free
        await().atMost(PATIENCE).until(() -> count(AmiEvent.Connected.class) == 2 && connection.isConnected());
        await().atMost(PATIENCE).until(() -> count(AmiEvent.ChannelsListed.class) >= 2);
        assertThat(hungUpCalls()).containsExactly("1795347838.37");
        assertThat(view.liveChannels("pbx1")).isEmpty();
        assertThat(view.seatDevice("pbx1", "PJSIP/agent1002")).isEqualTo(DeviceState.NOT_IN_USE);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void shouldHealALostHangupAtTheNextPeriodicResyncWithoutReconnecting() {
        // given a connected call Hotline follows, on a connection that resyncs every 300 ms
        String caller = "1795347900.50";
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLoginText(
                "Event: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/carrier-00000050\r\nUniqueid: "
                        + caller + "\r\nLinkedid: " + caller + "\r\n\r\n"));
        connect(server.port(), Duration.ofMillis(300));
        await().atMost(PATIENCE).until(() -> view.liveChannels("pbx1").containsKey(caller));

        // when the call ends and its Hangup event is lost (asterisk-java's full event queue, say)
        server.endSilently(caller);

        // then a periodic resync closes it, on the same connection
        await().atMost(PATIENCE).until(() -> hungUpCalls().contains(caller));
        assertThat(view.liveChannels("pbx1")).isEmpty();
        assertThat(view.reconciledHangups()).isEqualTo(1);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void shouldSendRedirectOriginateAndHangupWithTheirHeaders() {
        // given a connected Hotline
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0));
        AmiConnection connection = connect(server.port());
        await().atMost(PATIENCE).until(connection::isConnected);

        // when it moves a caller to tier 2, places a callback and hangs up a channel
        connection.redirect("PJSIP/carrier-00000007", "transfer", "tier2").join();
        connection.originate(new AmiOriginate("PJSIP/+4930123407@carrier", "transfer", "tier1", "cb-0001-customer",
                "Hotline <+4930123400>", Map.of("WORKORDER_ID", "WO-17"), Duration.ofSeconds(30))).join();
        connection.hangup("PJSIP/carrier-00000004", 16).join();

        // then Asterisk received exactly what the recordings show working (04a, 06, 05)
        assertThat(action(server, "redirect")).containsEntry("channel", "PJSIP/carrier-00000007")
                .containsEntry("context", "transfer").containsEntry("exten", "tier2").containsEntry("priority", "1");
        assertThat(action(server, "originate")).containsEntry("channel", "PJSIP/+4930123407@carrier")
                .containsEntry("async", "true").containsEntry("channelid", "cb-0001-customer")
                .containsEntry("variable", "WORKORDER_ID=WO-17").containsEntry("timeout", "30000");
        assertThat(action(server, "hangup")).containsEntry("channel", "PJSIP/carrier-00000004")
                .containsEntry("cause", "16");
    }

    private Map<String, String> action(ScriptedAmiServer server, String name) {
        return server.actionsReceived().stream().filter(action -> name.equalsIgnoreCase(action.get("action")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + server.actionsReceived()));
    }

    private static String contact(String status) {
        return "Event: ContactStatus\r\nPrivilege: system,all\r\nURI: sip:agent1001@127.0.0.1:5071\r\n"
                + "ContactStatus: " + status + "\r\nAOR: agent1001\r\nEndpointName: agent1001\r\n"
                + "RoundtripUsec: 0\r\n\r\n";
    }

    private static String device(String state) {
        return "Event: DeviceStateChange\r\nPrivilege: call,all\r\nDevice: PJSIP/agent1001\r\nState: " + state
                + "\r\n\r\n";
    }

    private ScriptedAmiServer server(ScriptedAmiServer server) {
        resources.add(server);
        return server;
    }

    private AmiConnection connect(int port) {
        return connect(port, AmiServerConfig.DEFAULT_RESYNC_INTERVAL);
    }

    private AmiConnection connect(int port, Duration resyncInterval) {
        view.seat("PJSIP/agent1001", "S1001");
        view.seat("PJSIP/agent1002", "S1002");
        view.seat("PJSIP/agent2001", "S2001");
        AmiServerConfig config = AmiServerConfig.of("pbx1", "127.0.0.1", port, "cti", "cti-secret")
                .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(100),
                        Duration.ofMillis(400)).withResyncInterval(resyncInterval);
        AmiConnection connection = new AmiConnection(config, event -> seen.add(event) && view.offer(event),
                AmiObserver.NONE);
        resources.add(connection);
        connection.start();
        return connection;
    }

    private List<String> hungUpCalls() {
        return routed.stream().filter(RoutingEvent.CallHungUp.class::isInstance)
                .map(event -> ((RoutingEvent.CallHungUp) event).callId()).toList();
    }

    private List<DeviceState> statesOf(String seatId) {
        return routed.stream().filter(RoutingEvent.DeviceStateChanged.class::isInstance)
                .map(RoutingEvent.DeviceStateChanged.class::cast).filter(event -> event.seatId().equals(seatId))
                .map(RoutingEvent.DeviceStateChanged::state).toList();
    }

    private int indexOfFirst(String seatId, DeviceState state) {
        List<RoutingEvent> events = List.copyOf(routed);
        return events.indexOf(new RoutingEvent.DeviceStateChanged(seatId, state));
    }

    private int indexOfLast(String seatId, DeviceState state) {
        List<RoutingEvent> events = List.copyOf(routed);
        return events.lastIndexOf(new RoutingEvent.DeviceStateChanged(seatId, state));
    }

    private long count(Class<? extends AmiEvent> type) {
        return seen.stream().filter(type::isInstance).count();
    }
}
