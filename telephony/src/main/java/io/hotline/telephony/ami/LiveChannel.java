package io.hotline.telephony.ami;

import java.util.Objects;

/**
 * One channel as {@code CoreShowChannels} lists it.
 *
 * @param uniqueId the channel's {@code Uniqueid} (not always numeric: Originate may set it)
 * @param linkedId the call-wide {@code Linkedid}: the first channel's uniqueid, Hotline's call id
 * @param channel  the channel name, e.g. {@code PJSIP/agent1002-00000001}
 */
public record LiveChannel(String uniqueId, String linkedId, String channel) {
    public LiveChannel {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(channel, "channel");
        linkedId = linkedId == null ? uniqueId : linkedId;
    }
}
