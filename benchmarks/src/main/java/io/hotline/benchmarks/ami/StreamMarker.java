package io.hotline.benchmarks.ami;

import java.nio.charset.StandardCharsets;

/**
 * The two events that frame a measured flood: ordinary {@code DeviceStateChange} events of a device no Asterisk has,
 * so that both clients see them without help (asterisk-java dispatches them; Hotline translates them into
 * {@code DeviceStateChanged} records). Counting starts after {@link #START} and stops with {@link #END}.
 */
enum StreamMarker {
    /** Sent first; its arrival arms the counters. */
    START("Bench/start"),
    /** Sent last (again each second while it has not arrived, in case asterisk-java's event pump dropped it). */
    END("Bench/end");

    private final String device;
    private final byte[] block;

    StreamMarker(String device) {
        this.device = device;
        String text = "Event: DeviceStateChange\r\nPrivilege: call,all\r\nDevice: " + device
                + "\r\nState: UNKNOWN\r\n\r\n";
        this.block = text.getBytes(StandardCharsets.UTF_8);
    }

    /** The marker {@code device} names, or null for any real device. */
    static StreamMarker of(String device) {
        if (START.device.equals(device)) {
            return START;
        }
        return END.device.equals(device) ? END : null;
    }

    /** The encoded event block; the caller must not modify it. */
    byte[] block() {
        return block;
    }
}
