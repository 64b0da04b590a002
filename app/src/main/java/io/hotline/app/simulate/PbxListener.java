package io.hotline.app.simulate;

/**
 * What a {@link SimulatedAsterisk} tells the outside about its channels, in the order Asterisk's core would raise the
 * matching AMI events ({@code Newchannel}, {@code Newstate}, {@code DialBegin}, {@code DialEnd}, {@code BridgeEnter},
 * {@code Hangup}): the simulated manager interface ({@link ManagerServer}) turns them into AMI events, the
 * simulation's narrator into readable lines. Every method has a no-op default. Called on the calls' dialplan threads
 * (several at once) and on the thread that hangs a channel up: implementations are thread-safe and must not block for
 * long.
 */
public interface PbxListener {

    /** A channel was created: a caller's (ringing into the dialplan) or a leg Dial created (down, about to ring). */
    default void channelCreated(SimulatedChannel channel) {
    }

    /** A leg Dial created starts ringing. */
    default void channelRinging(SimulatedChannel channel) {
    }

    /** A channel was answered (state Up). */
    default void channelUp(SimulatedChannel channel) {
    }

    /** {@code caller}'s Dial starts ringing {@code leg} ({@code dialString}, e.g. {@code PJSIP/1001}). */
    default void dialBegan(SimulatedChannel caller, SimulatedChannel leg, String dialString) {
    }

    /** {@code caller}'s Dial of {@code leg} ended with {@code status} (ANSWER, NOANSWER, CANCEL, CHANUNAVAIL). */
    default void dialEnded(SimulatedChannel caller, SimulatedChannel leg, String status) {
    }

    /** {@code caller} and the answered {@code leg} were bridged: they talk. */
    default void bridged(SimulatedChannel caller, SimulatedChannel leg) {
    }

    /** A channel ended, with its Q.850 cause (16 normal clearing, 17 busy, 19 no answer, 21 rejected). */
    default void channelHungUp(SimulatedChannel channel, int cause) {
    }

    /** A listener that is told nothing. */
    PbxListener NONE = new PbxListener() {
    };
}
