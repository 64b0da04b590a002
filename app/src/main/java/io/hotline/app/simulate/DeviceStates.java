package io.hotline.app.simulate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The device states Asterisk derives from an endpoint's channels ({@code PJSIP/1001}: {@code INUSE} while one of its
 * channels is up, {@code RINGING} while one rings, {@code NOT_INUSE} with none), as {@code DeviceStateChange} events
 * emitted only when a device's state changes (recording 01b), and the list {@code DeviceStateList} answers.
 * Registered phones start {@code NOT_INUSE}. Thread-safe: every method holds this object's lock while it updates
 * and hands the event on, so events leave in the order of the changes.
 */
final class DeviceStates {
    private final Consumer<String> out;
    /** Per device: its live channels' states by uniqueid. */
    private final Map<String, Map<String, Integer>> channels = new HashMap<>();
    private final Map<String, String> reported = new LinkedHashMap<>();

    DeviceStates(Consumer<String> out) {
        this.out = out;
    }

    /** A phone registered: its device is known and idle. */
    synchronized void register(String device) {
        channels.computeIfAbsent(device, key -> new HashMap<>());
        publish(device);
    }

    synchronized void changed(SimulatedChannel channel, int state) {
        String device = deviceOf(channel);
        channels.computeIfAbsent(device, key -> new HashMap<>()).put(channel.uniqueId(), state);
        publish(device);
    }

    synchronized void gone(SimulatedChannel channel) {
        String device = deviceOf(channel);
        channels.computeIfAbsent(device, key -> new HashMap<>()).remove(channel.uniqueId());
        publish(device);
    }

    /** Each known device's state now, for {@code DeviceStateList}. */
    synchronized Map<String, String> snapshot() {
        return new LinkedHashMap<>(reported);
    }

    private void publish(String device) {
        Map<String, Integer> live = channels.get(device);
        String state = live.containsValue(6) ? "INUSE" : live.containsValue(5) ? "RINGING" : "NOT_INUSE";
        if (!state.equals(reported.put(device, state))) {
            out.accept("Event: DeviceStateChange\r\nPrivilege: call,all\r\nDevice: " + device + "\r\nState: " + state
                    + "\r\n\r\n");
        }
    }

    /** {@code PJSIP/1001} of the channel {@code PJSIP/1001-0000000b}. */
    static String deviceOf(SimulatedChannel channel) {
        String name = channel.name();
        int dash = name.lastIndexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }
}
