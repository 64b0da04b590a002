package io.hotline.telephony.ami;

import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.ContactStatusEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;

/**
 * Turns asterisk-java's event beans into {@link AmiEvent} records for one server. Pure and stateless: no I/O, no
 * actions, nothing kept of the bean. Events Hotline does not use ({@code VarSet}, {@code Newexten}, ...) give
 * {@code null}.
 */
public final class AmiEventTranslator {
    private final String server;

    /** A translator tagging every record with {@code server}. */
    public AmiEventTranslator(String server) {
        this.server = server;
    }

    /** The record for {@code event}, or {@code null} when Hotline does not use this kind of event. */
    public AmiEvent translate(ManagerEvent event) {
        if (event instanceof NewChannelEvent created) {
            return new AmiEvent.ChannelCreated(server, created.getUniqueId(), created.getLinkedid(),
                    created.getChannel(), created.getCallerIdNum(), created.getExten());
        }
        if (event instanceof HangupEvent hangup) {
            Integer cause = hangup.getCause();
            return new AmiEvent.ChannelHungUp(server, hangup.getUniqueId(), hangup.getLinkedId(), hangup.getChannel(),
                    cause == null ? 0 : cause, hangup.getCauseTxt());
        }
        if (event instanceof DialBeginEvent begin) {
            return new AmiEvent.DialBegan(server, begin.getUniqueId(), begin.getDestUniqueId(), begin.getDestChannel());
        }
        if (event instanceof DialEndEvent end) {
            return new AmiEvent.DialEnded(server, end.getUniqueId(), end.getDestUniqueId(), end.getDestChannel(),
                    end.getDialStatus());
        }
        if (event instanceof BridgeEnterEvent enter) {
            return new AmiEvent.BridgeEntered(server, enter.getBridgeUniqueId(), enter.getUniqueId(),
                    enter.getChannel());
        }
        if (event instanceof DeviceStateChangeEvent device) {
            return new AmiEvent.DeviceStateChanged(server, device.getDevice(), device.getState());
        }
        if (event instanceof ContactStatusEvent contact) {
            return new AmiEvent.ContactStatusChanged(server, contact.getEndpointName(), contact.getAor(),
                    contact.getContactStatus());
        }
        if (event instanceof FullyBootedEvent) {
            return new AmiEvent.FullyBooted(server);
        }
        if (event instanceof ConnectEvent) {
            return new AmiEvent.Connected(server);
        }
        if (event instanceof DisconnectEvent) {
            return new AmiEvent.Disconnected(server);
        }
        return null;
    }
}
