package io.hotline.app.simulate;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns what the simulated PBX does ({@link PbxListener}) into AMI events in the exact shape Asterisk 22 sends them
 * (recordings 01, 01b, 17: header order, {@code Privilege}, channel state codes, CRLF, a blank line after each), and
 * hands each block to {@code out} (the manager server's broadcast). Emits {@code Newchannel}, {@code Newstate},
 * {@code DialBegin}, {@code DialEnd}, {@code BridgeEnter}, {@code Hangup} and, through {@link DeviceStates},
 * {@code DeviceStateChange}. Thread-safe: per-channel state is in concurrent maps; every block is built and handed
 * on whole.
 */
final class ManagerEvents implements PbxListener {
    private static final String CRLF = "\r\n";
    private final Consumer<String> out;
    private final DeviceStates devices;
    private final Map<String, Integer> states = new ConcurrentHashMap<>();
    /** The bridge each bridged channel is in, by uniqueid. */
    private final Map<String, Bridge> bridges = new ConcurrentHashMap<>();

    /** A two-party bridge of Dial: its id and its two channels. */
    private record Bridge(String id, SimulatedChannel caller, SimulatedChannel leg) {
    }

    ManagerEvents(Consumer<String> out, DeviceStates devices) {
        this.out = out;
        this.devices = devices;
    }

    @Override
    public void channelCreated(SimulatedChannel channel) {
        // A caller's channel rings into the dialplan (4 Ring); a leg Dial created is down (0) until it rings.
        int state = channel.dialledNumber() == null ? 0 : 4;
        states.put(channel.uniqueId(), state);
        out.accept("Event: Newchannel" + CRLF + "Privilege: call,all" + CRLF + channelHeaders(channel, "") + CRLF);
        devices.changed(channel, state);
    }

    @Override
    public void channelRinging(SimulatedChannel channel) {
        newState(channel, 5);
    }

    @Override
    public void channelUp(SimulatedChannel channel) {
        newState(channel, 6);
    }

    @Override
    public void dialBegan(SimulatedChannel caller, SimulatedChannel leg, String dialString) {
        out.accept("Event: DialBegin" + CRLF + "Privilege: call,all" + CRLF + channelHeaders(caller, "")
                + channelHeaders(leg, "Dest") + "DialString: " + dialString.substring(dialString.indexOf('/') + 1)
                + CRLF + CRLF);
    }

    @Override
    public void dialEnded(SimulatedChannel caller, SimulatedChannel leg, String status) {
        out.accept("Event: DialEnd" + CRLF + "Privilege: call,all" + CRLF + channelHeaders(caller, "")
                + channelHeaders(leg, "Dest") + "DialStatus: " + status + CRLF + CRLF);
    }

    @Override
    public void bridged(SimulatedChannel caller, SimulatedChannel leg) {
        Bridge bridge = new Bridge(UUID.randomUUID().toString(), caller, leg);
        bridges.put(caller.uniqueId(), bridge);
        bridges.put(leg.uniqueId(), bridge);
        out.accept("Event: BridgeCreate" + CRLF + "Privilege: call,all" + CRLF + bridgeHeaders(bridge.id(), 0) + CRLF);
        out.accept("Event: BridgeEnter" + CRLF + "Privilege: call,all" + CRLF + bridgeHeaders(bridge.id(), 1)
                + channelHeaders(leg, "") + CRLF);
        out.accept("Event: BridgeEnter" + CRLF + "Privilege: call,all" + CRLF + bridgeHeaders(bridge.id(), 2)
                + channelHeaders(caller, "") + CRLF);
    }

    private static String bridgeHeaders(String bridge, int count) {
        return "BridgeUniqueid: " + bridge + CRLF + "BridgeType: basic" + CRLF + "BridgeTechnology: simple_bridge"
                + CRLF + "BridgeCreator: <unknown>" + CRLF + "BridgeName: <unknown>" + CRLF + "BridgeNumChannels: "
                + count + CRLF + "BridgeVideoSourceMode: none" + CRLF;
    }

    /** One side hung up (or was moved): both leave the bridge, which is destroyed (recording 01b). */
    private synchronized void dissolve(SimulatedChannel first) {
        Bridge bridge = bridges.remove(first.uniqueId());
        if (bridge == null) {
            return;
        }
        SimulatedChannel second = first == bridge.caller() ? bridge.leg() : bridge.caller();
        bridges.remove(second.uniqueId());
        out.accept("Event: BridgeLeave" + CRLF + "Privilege: call,all" + CRLF + bridgeHeaders(bridge.id(), 1)
                + channelHeaders(first, "") + CRLF);
        out.accept("Event: BridgeLeave" + CRLF + "Privilege: call,all" + CRLF + bridgeHeaders(bridge.id(), 0)
                + channelHeaders(second, "") + CRLF);
        out.accept("Event: BridgeDestroy" + CRLF + "Privilege: call,all" + CRLF + bridgeHeaders(bridge.id(), 0)
                + CRLF);
    }

    @Override
    public void channelHungUp(SimulatedChannel channel, int cause) {
        dissolve(channel);
        out.accept("Event: Hangup" + CRLF + "Privilege: call,all" + CRLF + channelHeaders(channel, "") + "Cause: "
                + cause + CRLF + "Cause-txt: " + causeText(cause) + CRLF + CRLF);
        states.remove(channel.uniqueId());
        devices.gone(channel);
    }

    private void newState(SimulatedChannel channel, int state) {
        if (channel.isHungUp()) {
            return;
        }
        states.put(channel.uniqueId(), state);
        out.accept("Event: Newstate" + CRLF + "Privilege: call,all" + CRLF + channelHeaders(channel, "") + CRLF);
        devices.changed(channel, state);
    }

    /** The channel block of every channel event; {@code prefix} "Dest" for the dialled side of Dial events. */
    String channelHeaders(SimulatedChannel channel, String prefix) {
        int state = states.getOrDefault(channel.uniqueId(), channel.isUp() ? 6 : 0);
        return prefix + "Channel: " + channel.name() + CRLF
                + prefix + "ChannelState: " + state + CRLF
                + prefix + "ChannelStateDesc: " + stateText(state) + CRLF
                + prefix + "CallerIDNum: " + orUnknown(channel.callerNumber()) + CRLF
                + prefix + "CallerIDName: " + orUnknown(channel.callerName()) + CRLF
                + prefix + "ConnectedLineNum: <unknown>" + CRLF
                + prefix + "ConnectedLineName: <unknown>" + CRLF
                + prefix + "Language: en" + CRLF
                + prefix + "AccountCode: " + CRLF
                + prefix + "Context: " + orEmpty(channel.context()) + CRLF
                + prefix + "Exten: " + orEmpty(channel.exten()) + CRLF
                + prefix + "Priority: " + Math.max(1, channel.priority()) + CRLF
                + prefix + "Uniqueid: " + channel.uniqueId() + CRLF
                + prefix + "Linkedid: " + channel.linkedId() + CRLF;
    }

    /** The {@code CoreShowChannel} item of a live channel, answering the action {@code actionId}. */
    String coreShowChannel(SimulatedChannel channel, String actionId) {
        Bridge found = bridges.get(channel.uniqueId());
        String bridge = found == null ? null : found.id();
        return "Event: CoreShowChannel" + CRLF + "ActionID: " + actionId + CRLF + channelHeaders(channel, "")
                + "Application: " + (bridge != null ? "Dial" : "AGI") + CRLF + "ApplicationData: " + CRLF
                + "Duration: 00:00:01" + CRLF + "BridgeId: " + (bridge == null ? "" : bridge) + CRLF + CRLF;
    }

    static String stateText(int state) {
        return switch (state) {
            case 4 -> "Ring";
            case 5 -> "Ringing";
            case 6 -> "Up";
            default -> "Down";
        };
    }

    static String causeText(int cause) {
        return switch (cause) {
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 19 -> "No answer";
            case 21 -> "Call Rejected";
            case 41 -> "Temporary failure";
            default -> "Unknown";
        };
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? "<unknown>" : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
