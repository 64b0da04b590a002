package io.hotline.telephony.ami;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An outbound call Hotline asks Asterisk to place (a callback, a supervisor's follow-up, a proactive care call):
 * ring {@code channel} and, once answered, send it to {@code context,exten,1}. Always sent with {@code Async: true}
 * (a synchronous Originate blocks every event of the session until the callee answers) and with Hotline's own
 * {@code channelId}, which becomes the call's uniqueid and linkedid, so the work order knows its call at once.
 *
 * @param channel     what to dial, e.g. {@code PJSIP/+4930123407@carrier}
 * @param context     dialplan context for the answered call, e.g. {@code transfer}
 * @param exten       extension in that context, e.g. {@code tier1}
 * @param channelId   the uniqueid to give the new channel, e.g. {@code cb-0001-customer}
 * @param callerId    the caller id to present, or {@code null}
 * @param variables   channel variables to set (e.g. {@code WORKORDER_ID})
 * @param ringTimeout how long the callee may ring
 */
public record AmiOriginate(String channel, String context, String exten, String channelId, String callerId,
                           Map<String, String> variables, Duration ringTimeout) {
    public AmiOriginate {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exten, "exten");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        // In order: Asterisk sets them in the order sent.
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
