package io.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.seat.DeviceState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PbxView} fed {@link AmiEvent}s by hand: what routing hears, and how a resync reconciles. */
class PbxViewTest {
    private static final String CALLER = "1795347739.23";
    private static final String AGENT_LEG = "1795347740.24";
    private final List<RoutingEvent> routed = new ArrayList<>();
    private PbxView view;

    @BeforeEach
    void setUp() {
        view = new PbxView(routed::add);
        view.seat("PJSIP/agent1002", "S1002");
        view.seat("PJSIP/agent1001", "S1001");
    }

    @Test
    void shouldTellRoutingASeatsDeviceStateOnlyWhenItChanges() {
        // when agent1002 rings, is in use twice over, then is free; an unknown device changes too
        device("pbx1", "PJSIP/agent1002", "RINGING");
        device("pbx1", "PJSIP/agent1002", "INUSE");
        device("pbx1", "PJSIP/agent1002", "BUSY");
        device("pbx1", "PJSIP/carrier", "INUSE");
        device("pbx1", "PJSIP/agent1002", "NOT_INUSE");

        // then routing hears three changes of S1002 and nothing of the trunk
        assertThat(routed).containsExactly(
                new RoutingEvent.DeviceStateChanged("S1002", DeviceState.RINGING),
                new RoutingEvent.DeviceStateChanged("S1002", DeviceState.IN_USE),
                new RoutingEvent.DeviceStateChanged("S1002", DeviceState.NOT_IN_USE));
    }

    @Test
    void shouldMakeASeatUnavailableWhileItsContactIsUnreachable() {
        // given agent1001's phone idle
        device("pbx1", "PJSIP/agent1001", "NOT_INUSE");

        // when its PJSIP contact stops answering qualify, then answers again
        view.offer(new AmiEvent.ContactStatusChanged("pbx1", "agent1001", "agent1001", "Unreachable"));
        device("pbx1", "PJSIP/agent1001", "NOT_INUSE");
        view.offer(new AmiEvent.ContactStatusChanged("pbx1", "agent1001", "agent1001", "Reachable"));

        // then the seat is unavailable in between, whatever the device state says, and free after
        assertThat(routed).containsExactly(
                new RoutingEvent.DeviceStateChanged("S1001", DeviceState.NOT_IN_USE),
                new RoutingEvent.DeviceStateChanged("S1001", DeviceState.UNAVAILABLE),
                new RoutingEvent.DeviceStateChanged("S1001", DeviceState.NOT_IN_USE));
    }

    @Test
    void shouldEndTheCallOnlyWhenTheCallersChannelHangsUp() {
        // given a caller connected to agent1002
        connectedCall("pbx1");

        // when the agent's leg hangs up (a transfer), then the caller's
        view.offer(new AmiEvent.ChannelHungUp("pbx1", AGENT_LEG, CALLER, "PJSIP/agent1002-00000018", 16, "Normal"));
        assertThat(routed).doesNotHaveAnyElementsOfTypes(RoutingEvent.CallHungUp.class);
        view.offer(new AmiEvent.ChannelHungUp("pbx1", CALLER, CALLER, "PJSIP/carrier-00000017", 16, "Normal"));

        // then routing hears the call end once, under its linkedid
        assertThat(routed).filteredOn(RoutingEvent.CallHungUp.class::isInstance)
                .containsExactly(new RoutingEvent.CallHungUp(CALLER));
        assertThat(view.liveChannels("pbx1")).isEmpty();
    }

    @Test
    void shouldCloseCallsThatEndedWhileHotlineWasBlindAndFreeTheirSeats() {
        // given a connected call, then the AMI connection lost
        connectedCall("pbx1");
        view.offer(new AmiEvent.Disconnected("pbx1"));

        // when the reconnect lists no channel at all (Asterisk restarted)
        view.offer(new AmiEvent.ResyncStarted("pbx1"));
        view.offer(new AmiEvent.ChannelsListed("pbx1", List.of()));

        // then the call is closed and the seat it held is free
        assertThat(routed).contains(new RoutingEvent.CallHungUp(CALLER));
        assertThat(view.seatDevice("pbx1", "PJSIP/agent1002")).isEqualTo(DeviceState.NOT_IN_USE);
        assertThat(view.liveChannels("pbx1")).isEmpty();
        assertThat(view.reconciledHangups()).isEqualTo(2);
    }

    @Test
    void shouldKeepACallThatIsStillListedAndMarkItsSeatBusy() {
        // given a call Hotline saw only half of: the agent leg's device state never arrived
        view.offer(new AmiEvent.ChannelCreated("pbx1", CALLER, CALLER, "PJSIP/carrier-00000017", "+4930", "100"));

        // when the resync lists both legs
        view.offer(new AmiEvent.ResyncStarted("pbx1"));
        view.offer(new AmiEvent.ChannelsListed("pbx1", List.of(
                new LiveChannel(CALLER, CALLER, "PJSIP/carrier-00000017"),
                new LiveChannel(AGENT_LEG, CALLER, "PJSIP/agent1002-00000018"))));

        // then nothing ends, and the seat on the call is in use
        assertThat(routed).doesNotHaveAnyElementsOfTypes(RoutingEvent.CallHungUp.class);
        assertThat(view.liveChannels("pbx1")).containsOnlyKeys(CALLER, AGENT_LEG);
        assertThat(routed).containsExactly(new RoutingEvent.DeviceStateChanged("S1002", DeviceState.IN_USE));
    }

    @Test
    void shouldNotReviveAChannelWhoseHangupOvertookTheList() {
        // given a resync under way while the call ends: the Hangup events are handled before the list's answer
        connectedCall("pbx1");
        view.offer(new AmiEvent.ResyncStarted("pbx1"));
        view.offer(new AmiEvent.ChannelHungUp("pbx1", AGENT_LEG, CALLER, "PJSIP/agent1002-00000018", 16, "Normal"));
        view.offer(new AmiEvent.ChannelHungUp("pbx1", CALLER, CALLER, "PJSIP/carrier-00000017", 16, "Normal"));

        // when the list, taken before the hang-ups, still names both legs
        view.offer(new AmiEvent.ChannelsListed("pbx1", List.of(
                new LiveChannel(CALLER, CALLER, "PJSIP/carrier-00000017"),
                new LiveChannel(AGENT_LEG, CALLER, "PJSIP/agent1002-00000018"))));

        // then they stay gone, and the call ended exactly once
        assertThat(view.liveChannels("pbx1")).isEmpty();
        assertThat(routed).filteredOn(RoutingEvent.CallHungUp.class::isInstance).hasSize(1);
    }

    @Test
    void shouldRememberHangupsOnlyWhileAListIsOnItsWay() {
        // given a resync that has completed
        view.offer(new AmiEvent.ResyncStarted("pbx1"));
        view.offer(new AmiEvent.ChannelsListed("pbx1", List.of()));

        // when thousands of calls come and go afterwards (weeks between reconnects)
        for (int i = 0; i < 5_000; i++) {
            String id = "1795348000." + i;
            view.offer(new AmiEvent.ChannelCreated("pbx1", id, id, "PJSIP/carrier-" + i, "+4930", "100"));
            view.offer(new AmiEvent.ChannelHungUp("pbx1", id, id, "PJSIP/carrier-" + i, 16, "Normal"));
        }

        // then nothing piles up: tombstones are kept only between a ResyncStarted and its list
        assertThat(view.rememberedHangups("pbx1")).isZero();
        assertThat(view.liveChannels("pbx1")).isEmpty();
        view.offer(new AmiEvent.ResyncStarted("pbx1"));
        view.offer(new AmiEvent.ChannelHungUp("pbx1", "x", "x", "PJSIP/carrier-x", 16, "Normal"));
        assertThat(view.rememberedHangups("pbx1")).isEqualTo(1);
    }

    @Test
    void shouldKeepADeviceStateReportedWhileTheListWasOnItsWay() {
        // given a resync asked for, and agent1002 reported in use (a call Hotline did not route) before the answer
        view.offer(new AmiEvent.ResyncStarted("pbx1"));
        device("pbx1", "PJSIP/agent1002", "INUSE");

        // when the list, taken before that report, names no channel
        view.offer(new AmiEvent.ChannelsListed("pbx1", List.of()));

        // then the newer report stands: the seat stays in use
        assertThat(view.seatDevice("pbx1", "PJSIP/agent1002")).isEqualTo(DeviceState.IN_USE);
        assertThat(routed).containsExactly(new RoutingEvent.DeviceStateChanged("S1002", DeviceState.IN_USE));
    }

    @Test
    void shouldNotCloseAChannelThatAppearedAfterTheListWasAskedFor() {
        // given a resync asked for, and a new call arriving before the answer
        view.offer(new AmiEvent.ResyncStarted("pbx1"));
        view.offer(new AmiEvent.ChannelCreated("pbx1", "1795347800.40", "1795347800.40", "PJSIP/carrier-00000030",
                "+4930", "100"));

        // when the list, taken before that call, does not name it
        view.offer(new AmiEvent.ChannelsListed("pbx1", List.of()));

        // then the new call lives on
        assertThat(view.liveChannels("pbx1")).containsOnlyKeys("1795347800.40");
        assertThat(routed).doesNotHaveAnyElementsOfTypes(RoutingEvent.CallHungUp.class);
    }

    @Test
    void shouldKeepEachServersChannelsApart() {
        // given the same call ids on two Asterisk servers
        connectedCall("pbx1");
        connectedCall("pbx2");

        // when pbx2 restarts
        view.offer(new AmiEvent.ResyncStarted("pbx2"));
        view.offer(new AmiEvent.ChannelsListed("pbx2", List.of()));

        // then pbx1's call is untouched
        assertThat(view.liveChannels("pbx1")).containsOnlyKeys(CALLER, AGENT_LEG);
        assertThat(view.liveChannels("pbx2")).isEmpty();
    }

    @Test
    void shouldCountWhatTheInboxRefusedAndRepeatTheStateLater() {
        // given an inbox that is full for the first event
        List<RoutingEvent> accepted = new ArrayList<>();
        boolean[] full = {true};
        PbxView refusing = new PbxView(event -> !full[0] && accepted.add(event));
        refusing.seat("PJSIP/agent1002", "S1002");

        // when the device rings while the inbox is full, and then the inbox has room again
        refusing.offer(new AmiEvent.DeviceStateChanged("pbx1", "PJSIP/agent1002", "RINGING"));
        full[0] = false;
        refusing.offer(new AmiEvent.DeviceStateChanged("pbx1", "PJSIP/agent1002", "RINGING"));

        // then the refusal is counted and the state reaches routing on the next report
        assertThat(refusing.refused()).isEqualTo(1);
        assertThat(accepted).containsExactly(new RoutingEvent.DeviceStateChanged("S1002", DeviceState.RINGING));
    }

    @Test
    void shouldMapAsterisksDeviceStatesAndChannelNames() {
        assertThat(PbxView.deviceState("NOT_INUSE")).isEqualTo(DeviceState.NOT_IN_USE);
        assertThat(PbxView.deviceState("ONHOLD")).isEqualTo(DeviceState.IN_USE);
        assertThat(PbxView.deviceState("RINGINUSE")).isEqualTo(DeviceState.RINGING);
        assertThat(PbxView.deviceState("INVALID")).isEqualTo(DeviceState.UNAVAILABLE);
        assertThat(PbxView.deviceState("something new")).isEqualTo(DeviceState.UNKNOWN);
        assertThat(PbxView.deviceOf("PJSIP/agent1002-00000018")).isEqualTo("PJSIP/agent1002");
        assertThat(PbxView.deviceOf("pjsip/agent-1002-0000001a")).isEqualTo("PJSIP/agent-1002");
    }

    private void connectedCall(String server) {
        view.offer(new AmiEvent.ChannelCreated(server, CALLER, CALLER, "PJSIP/carrier-00000017", "+4930", "100"));
        view.offer(new AmiEvent.ChannelCreated(server, AGENT_LEG, CALLER, "PJSIP/agent1002-00000018", "", "s"));
        device(server, "PJSIP/agent1002", "INUSE");
    }

    private void device(String server, String device, String state) {
        view.offer(new AmiEvent.DeviceStateChanged(server, device, state));
    }
}
