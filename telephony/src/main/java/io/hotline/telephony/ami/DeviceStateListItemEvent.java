package io.hotline.telephony.ami;

import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;

/**
 * asterisk-java's {@code DeviceStateChange} event with the {@code ActionID} it lacks: the items of a
 * {@code DeviceStateList} ({@link DeviceStateListAction}) carry one, and without a setter asterisk-java logs a
 * WARN "no setter" for every item of every resync. Registered on each connection in place of asterisk-java's class;
 * still a {@link DeviceStateChangeEvent}, so it is translated like any state change. A mutable event bean, as
 * asterisk-java requires; confined to the thread that builds and dispatches it.
 */
@AsteriskMapping("DeviceStateChange")
public class DeviceStateListItemEvent extends DeviceStateChangeEvent {
    private static final long serialVersionUID = 1L;
    private String actionId;

    /** Called by asterisk-java's event builder. */
    public DeviceStateListItemEvent(Object source) {
        super(source);
    }

    /** The ActionID of the {@code DeviceStateList} this item answers, or {@code null} for a live change. */
    public String getActionId() {
        return actionId;
    }

    /** Set by asterisk-java's event builder. */
    public void setActionId(String actionId) {
        this.actionId = actionId;
    }
}
