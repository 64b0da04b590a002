package io.hotline.app.simulate;

import java.util.List;

/**
 * Several {@link PbxListener}s told in order (the AMI events first, so Hotline hears of a channel before the
 * narrator prints it). Immutable; as thread-safe as its listeners.
 */
final class CompositeListener implements PbxListener {
    private final List<PbxListener> listeners;

    CompositeListener(List<PbxListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void channelCreated(SimulatedChannel channel) {
        listeners.forEach(listener -> listener.channelCreated(channel));
    }

    @Override
    public void channelRinging(SimulatedChannel channel) {
        listeners.forEach(listener -> listener.channelRinging(channel));
    }

    @Override
    public void channelUp(SimulatedChannel channel) {
        listeners.forEach(listener -> listener.channelUp(channel));
    }

    @Override
    public void dialBegan(SimulatedChannel caller, SimulatedChannel leg, String dialString) {
        listeners.forEach(listener -> listener.dialBegan(caller, leg, dialString));
    }

    @Override
    public void dialEnded(SimulatedChannel caller, SimulatedChannel leg, String status) {
        listeners.forEach(listener -> listener.dialEnded(caller, leg, status));
    }

    @Override
    public void bridged(SimulatedChannel caller, SimulatedChannel leg) {
        listeners.forEach(listener -> listener.bridged(caller, leg));
    }

    @Override
    public void channelHungUp(SimulatedChannel channel, int cause) {
        listeners.forEach(listener -> listener.channelHungUp(channel, cause));
    }
}
