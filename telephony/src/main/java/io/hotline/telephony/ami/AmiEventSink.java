package io.hotline.telephony.ami;

/**
 * Where translated AMI events go (the routing side's bounded inbox, in the application). Called on
 * asterisk-java's event pump: must not block.
 */
@FunctionalInterface
public interface AmiEventSink {
    /** Takes {@code event}; {@code false} when it was refused (full), and the event is counted as dropped. */
    boolean offer(AmiEvent event);
}
