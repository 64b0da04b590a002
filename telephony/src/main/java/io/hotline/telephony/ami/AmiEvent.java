package io.hotline.telephony.ami;

import java.util.List;
import java.util.Objects;

/**
 * What Hotline learns from one Asterisk server over AMI, as immutable records: asterisk-java's mutable event
 * beans never leave the listener that translates them ({@link AmiEventTranslator}). Every record names the
 * {@code server} it came from, so calls on several Asterisk servers never mix.
 */
public sealed interface AmiEvent {
    /** The server's name in Hotline. */
    String server();

    /** Logged in (first time or after a reconnect): Hotline's view of this server must be resynchronised. */
    record Connected(String server) implements AmiEvent {
    }

    /** The connection was lost; asterisk-java reconnects and a {@link Connected} follows. */
    record Disconnected(String server) implements AmiEvent {
    }

    /** Asterisk finished booting (after a restart every channel Hotline knew of is gone). */
    record FullyBooted(String server) implements AmiEvent {
    }

    /** A channel appeared ({@code Newchannel}). */
    record ChannelCreated(String server, String uniqueId, String linkedId, String channel, String callerNumber,
                          String exten) implements AmiEvent {
    }

    /** A channel ended ({@code Hangup}) with its Q.850 cause (16 normal clearing, 17 busy, 19 no answer, ...). */
    record ChannelHungUp(String server, String uniqueId, String linkedId, String channel, int cause,
                         String causeText) implements AmiEvent {
    }

    /** A channel started dialling another ({@code DialBegin}): the destination rings. */
    record DialBegan(String server, String uniqueId, String destUniqueId, String destChannel) implements AmiEvent {
    }

    /** A dial ended ({@code DialEnd}) with Asterisk's {@code DIALSTATUS}: ANSWER, NOANSWER, BUSY, CANCEL, .... */
    record DialEnded(String server, String uniqueId, String destUniqueId, String destChannel, String dialStatus)
            implements AmiEvent {
    }

    /** A channel entered a bridge ({@code BridgeEnter}): two channels in one bridge are talking. */
    record BridgeEntered(String server, String bridgeId, String uniqueId, String channel) implements AmiEvent {
    }

    /** A device's state changed ({@code DeviceStateChange}), e.g. {@code PJSIP/agent1001} to {@code INUSE}. */
    record DeviceStateChanged(String server, String device, String state) implements AmiEvent {
    }

    /** A PJSIP contact's reachability changed ({@code ContactStatus}): Reachable, Unreachable, Removed, .... */
    record ContactStatusChanged(String server, String endpoint, String aor, String status) implements AmiEvent {
    }

    /**
     * Hotline is about to list the server's channels after a (re)connect or a {@code FullyBooted}: channels that
     * appear after this marker may be missing from the list without having ended.
     */
    record ResyncStarted(String server) implements AmiEvent {
    }

    /** The channels the server had when it answered {@code CoreShowChannels}, after a {@link ResyncStarted}. */
    record ChannelsListed(String server, List<LiveChannel> channels) implements AmiEvent {
        public ChannelsListed {
            Objects.requireNonNull(server, "server");
            channels = List.copyOf(channels);
        }
    }
}
