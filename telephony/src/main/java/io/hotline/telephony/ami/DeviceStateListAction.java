package io.hotline.telephony.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * {@code DeviceStateList} (res_manager_devicestate), which asterisk-java 3.42 lacks. Its items arrive as ordinary
 * {@code DeviceStateChange} events carrying the ActionID, so they reach the event listener like any state change;
 * the {@code DeviceStateListComplete} that ends the list is unknown to asterisk-java and dropped.
 */
final class DeviceStateListAction extends AbstractManagerAction {
    private static final long serialVersionUID = 1L;

    @Override
    public String getAction() {
        return "DeviceStateList";
    }
}
