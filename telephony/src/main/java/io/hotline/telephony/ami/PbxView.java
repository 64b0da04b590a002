package io.hotline.telephony.ami;

import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.seat.DeviceState;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Hotline's view of every Asterisk server it follows, built from {@link AmiEvent}s, and what routing must learn from
 * it: each seat's effective device state ({@link RoutingEvent.DeviceStateChanged}) and each call whose caller
 * channel ended ({@link RoutingEvent.CallHungUp}, the call id being the channel's linkedid, as on the FastAGI side).
 *
 * <p>Per server it keeps the live channels and each device's last state and contact reachability. A seat's
 * effective state is {@link DeviceState#UNAVAILABLE} while its PJSIP contact is unreachable, else its device state;
 * routing hears of a seat only when that changes.
 *
 * <p><b>Reconciling after a blind spot.</b> Asterisk replays nothing after a reconnect, and after a restart every
 * channel is gone. A resync is {@link AmiEvent.ResyncStarted} followed by {@link AmiEvent.ChannelsListed}. Channels
 * known before the marker that the list lacks ended while Hotline was blind: they are closed as if their
 * {@code Hangup} had been seen (so the engine closes the call and its work order: abandoned if it was waiting,
 * ended if it was connected). Listed channels not known yet are added, unless their {@code Hangup} was already seen
 * after the marker (events and the list's answer race on two asterisk-java threads). Seats with a live channel are
 * marked in use; seats recorded as ringing or in use without a channel are set free, so no seat stays stuck. A
 * device state reported after the marker is newer than the list and is left as reported.
 *
 * <p><b>Seat legs.</b> From {@code DialBegin} to {@code DialEnd} the view knows each seat leg a caller's Dial
 * rings ({@code DestChannel}), so a withdrawn offer's ringing leg can be hung up ({@link #withdrawOffer}); a
 * withdrawal that comes before its {@code DialBegin} is kept and handed to the listener when that leg begins.
 *
 * <p>Called from every connection's event pump and worker thread; all state is guarded by this object's lock, held
 * only for map updates (a non-blocking inbox offer included).
 */
public final class PbxView implements AmiEventSink {
    private final Predicate<RoutingEvent> routing;
    private final Map<String, String> seatsByDevice = new ConcurrentHashMap<>();
    private final Map<String, Server> servers = new HashMap<>();
    private final Map<String, String> withdrawnBeforeDial = new HashMap<>();
    private volatile Consumer<Leg> lateWithdrawals = leg -> { };
    private long refused;
    private long reconciledHangups;

    /** A live channel on one server: where to send an action about it. */
    public record Leg(String server, String channel) {
    }

    /** A view that hands what routing must know to {@code routing} (e.g. {@code RoutingInbox::offer}). */
    public PbxView(Predicate<RoutingEvent> routing) {
        this.routing = Objects.requireNonNull(routing, "routing");
    }

    /** Tells the view that {@code seatId}'s softphone is {@code device} (its dial string, e.g. {@code PJSIP/1001}). */
    public void seat(String device, String seatId) {
        seatsByDevice.put(normalise(device), seatId);
    }

    @Override
    public synchronized boolean offer(AmiEvent event) {
        Server server = servers.computeIfAbsent(event.server(), Server::new);
        if (event instanceof AmiEvent.ChannelCreated created) {
            server.add(created.uniqueId(), created.linkedId(), created.channel());
        } else if (event instanceof AmiEvent.ChannelHungUp hungUp) {
            if (server.resyncPending) {
                // Only while a list is on its way: it may still name this channel.
                server.hungUpSinceResync.add(hungUp.uniqueId());
            }
            hangUp(server, hungUp.uniqueId());
        } else if (event instanceof AmiEvent.DialBegan began) {
            dialBegan(server, began);
        } else if (event instanceof AmiEvent.DialEnded ended) {
            server.dials.remove(ended.destUniqueId());
        } else if (event instanceof AmiEvent.DeviceStateChanged device) {
            server.report(normalise(device.device()), deviceState(device.state()));
            publish(server, normalise(device.device()));
        } else if (event instanceof AmiEvent.ContactStatusChanged contact) {
            contactChanged(server, contact);
        } else if (event instanceof AmiEvent.ResyncStarted) {
            server.resyncEpoch++;
            server.resyncPending = true;
            server.hungUpSinceResync.clear();
        } else if (event instanceof AmiEvent.ChannelsListed listed) {
            reconcile(server, listed.channels());
            server.resyncPending = false;
            server.hungUpSinceResync.clear();
        }
        return true;
    }

    private void dialBegan(Server server, AmiEvent.DialBegan began) {
        if (began.destUniqueId() == null || began.destChannel() == null || began.uniqueId() == null) {
            return;
        }
        Channel caller = server.channels.get(began.uniqueId());
        String callId = caller == null ? began.uniqueId() : caller.linkedId;
        String device = deviceOf(began.destChannel());
        String withdrawnSeat = withdrawnBeforeDial.remove(callId);
        if (withdrawnSeat != null && withdrawnSeat.equals(seatsByDevice.get(device))) {
            // The offer was withdrawn while the caller was on its way to this Dial: end the leg now.
            lateWithdrawals.accept(new Leg(server.name, began.destChannel()));
            return;
        }
        server.dials.put(began.destUniqueId(), new DialLeg(callId, began.destChannel(), device));
    }

    /**
     * The ringing leg of {@code seatId} for {@code callId}, taken out of the view, to be hung up: the offer was
     * withdrawn. When its Dial has not begun yet, the withdrawal is kept and the leg handed to
     * {@link #onLateWithdrawal}'s listener once its {@code DialBegin} arrives.
     */
    public synchronized Optional<Leg> withdrawOffer(String callId, String seatId) {
        for (Server server : servers.values()) {
            for (Map.Entry<String, DialLeg> dial : server.dials.entrySet()) {
                DialLeg leg = dial.getValue();
                if (leg.callId.equals(callId) && seatId.equals(seatsByDevice.get(leg.device))) {
                    server.dials.remove(dial.getKey());
                    return Optional.of(new Leg(server.name, leg.channel));
                }
            }
        }
        withdrawnBeforeDial.put(callId, seatId);
        return Optional.empty();
    }

    /**
     * {@code callId} is offered to {@code seatId} (again): a withdrawal of an earlier offer to that seat that never
     * reached a Dial (it waited in the mailbox) must not end the new one's leg.
     */
    public synchronized void offered(String callId, String seatId) {
        withdrawnBeforeDial.remove(callId, seatId);
    }

    /** Where legs of offers withdrawn before their {@code DialBegin} go (e.g. to be hung up); must not block. */
    public void onLateWithdrawal(Consumer<Leg> listener) {
        this.lateWithdrawals = Objects.requireNonNull(listener, "listener");
    }

    /** The caller's channel of {@code callId} (the channel whose uniqueid is the call's linkedid), if live. */
    public synchronized Optional<Leg> callerChannel(String callId) {
        for (Server server : servers.values()) {
            Channel channel = server.channels.get(callId);
            if (channel != null && channel.uniqueId.equals(channel.linkedId)) {
                return Optional.of(new Leg(server.name, channel.name));
            }
        }
        return Optional.empty();
    }

    private void contactChanged(Server server, AmiEvent.ContactStatusChanged contact) {
        if (contact.endpoint() == null || contact.status() == null) {
            return;
        }
        String device = "PJSIP/" + contact.endpoint();
        String status = contact.status().toLowerCase(Locale.ROOT);
        if (status.equals("unreachable") || status.equals("removed")) {
            server.unreachable.add(device);
        } else if (status.equals("reachable") || status.equals("created") || status.equals("nonqualified")) {
            server.unreachable.remove(device);
        } else {
            return;
        }
        publish(server, device);
    }

    private void reconcile(Server server, List<LiveChannel> listed) {
        Set<String> live = new HashSet<>();
        for (LiveChannel channel : listed) {
            live.add(channel.uniqueId());
            if (!server.channels.containsKey(channel.uniqueId())
                    && !server.hungUpSinceResync.contains(channel.uniqueId())) {
                server.add(channel.uniqueId(), channel.linkedId(), channel.channel());
            }
        }
        for (Channel channel : List.copyOf(server.channels.values())) {
            if (channel.epoch < server.resyncEpoch && !live.contains(channel.uniqueId)) {
                reconciledHangups++;
                hangUp(server, channel.uniqueId);
            }
        }
        Set<String> busy = new HashSet<>();
        for (Channel channel : server.channels.values()) {
            busy.add(channel.device);
        }
        // Only devices this server has reported or carries a channel of: a seat on another server is not touched.
        // A device reported after the marker is newer than the list and keeps its state.
        Set<String> devices = new HashSet<>(server.devices.keySet());
        devices.addAll(busy);
        for (String device : devices) {
            Device known = server.devices.get(device);
            if (known != null && known.epoch == server.resyncEpoch) {
                publish(server, device);
                continue;
            }
            DeviceState state = known == null ? DeviceState.UNKNOWN : known.state;
            if (busy.contains(device) && state.canTakeCall()) {
                server.report(device, DeviceState.IN_USE);
            } else if (!busy.contains(device) && (state == DeviceState.IN_USE || state == DeviceState.RINGING)) {
                server.report(device, DeviceState.NOT_IN_USE);
            }
            publish(server, device);
        }
    }

    private void hangUp(Server server, String uniqueId) {
        Channel channel = server.channels.remove(uniqueId);
        server.dials.remove(uniqueId);
        if (channel != null && channel.uniqueId.equals(channel.linkedId)) {
            withdrawnBeforeDial.remove(channel.linkedId);
            send(new RoutingEvent.CallHungUp(channel.linkedId));
        }
    }

    private void publish(Server server, String device) {
        String seatId = seatsByDevice.get(device);
        if (seatId == null) {
            return;
        }
        DeviceState state = server.unreachable.contains(device) ? DeviceState.UNAVAILABLE
                : server.stateOf(device);
        if (state == server.published.get(device)) {
            return;
        }
        if (send(new RoutingEvent.DeviceStateChanged(seatId, state))) {
            server.published.put(device, state);
        }
    }

    /**
     * Offers {@code event} to routing, as the view's own events go (telephony's AMI side reporting what an action it
     * sent came to, e.g. a callback that could not be placed); false when routing's inbox refused it (counted).
     */
    public synchronized boolean report(RoutingEvent event) {
        return send(event);
    }

    private boolean send(RoutingEvent event) {
        if (routing.test(event)) {
            return true;
        }
        refused++;
        return false;
    }

    /** The live channels Hotline knows on {@code server} (uniqueid to channel name). */
    public synchronized Map<String, String> liveChannels(String server) {
        Server view = servers.get(server);
        Map<String, String> result = new HashMap<>();
        if (view != null) {
            view.channels.values().forEach(channel -> result.put(channel.uniqueId, channel.name));
        }
        return result;
    }

    /** The effective state last handed to routing for {@code device} on {@code server}, or {@code null}. */
    public synchronized DeviceState seatDevice(String server, String device) {
        Server view = servers.get(server);
        return view == null ? null : view.published.get(normalise(device));
    }

    /** Hang-ups remembered for a resync under way on {@code server} (none once its list has been applied). */
    synchronized int rememberedHangups(String server) {
        Server view = servers.get(server);
        return view == null ? 0 : view.hungUpSinceResync.size();
    }

    /** How many known seats have each device state, as last handed to routing (every server together). */
    public synchronized Map<DeviceState, Integer> seatDevices() {
        Map<DeviceState, Integer> counts = new EnumMap<>(DeviceState.class);
        for (Server server : servers.values()) {
            server.published.forEach((device, state) -> {
                if (seatsByDevice.containsKey(device)) {
                    counts.merge(state, 1, Integer::sum);
                }
            });
        }
        return counts;
    }

    /** Channels closed by a resync because they ended while Hotline was blind, since start. */
    public synchronized long reconciledHangups() {
        return reconciledHangups;
    }

    /** Routing events the inbox refused (full), since start; the next change or resync repeats the state. */
    public synchronized long refused() {
        return refused;
    }

    /** Asterisk's device state text ({@code NOT_INUSE}, {@code INUSE}, {@code RINGING}, ...) as routing's. */
    static DeviceState deviceState(String state) {
        if (state == null) {
            return DeviceState.UNKNOWN;
        }
        return switch (state.toUpperCase(Locale.ROOT)) {
            case "NOT_INUSE" -> DeviceState.NOT_IN_USE;
            case "INUSE", "BUSY", "ONHOLD" -> DeviceState.IN_USE;
            case "RINGING", "RINGINUSE" -> DeviceState.RINGING;
            case "UNAVAILABLE", "INVALID" -> DeviceState.UNAVAILABLE;
            default -> DeviceState.UNKNOWN;
        };
    }

    /** The device a channel belongs to: {@code PJSIP/agent1002-00000001} is on {@code PJSIP/agent1002}. */
    static String deviceOf(String channel) {
        int dash = channel.lastIndexOf('-');
        return normalise(dash > channel.indexOf('/') ? channel.substring(0, dash) : channel);
    }

    private static String normalise(String device) {
        int slash = device.indexOf('/');
        return slash < 0 ? device : device.substring(0, slash).toUpperCase(Locale.ROOT) + device.substring(slash);
    }

    /** One server's channels and devices. */
    private static final class Server {
        final String name;
        final Map<String, Channel> channels = new HashMap<>();
        /** Seat legs being dialled, by their uniqueid. */
        final Map<String, DialLeg> dials = new HashMap<>();
        final Map<String, Device> devices = new HashMap<>();
        final Set<String> unreachable = new HashSet<>();
        final Map<String, DeviceState> published = new HashMap<>();
        final Set<String> hungUpSinceResync = new HashSet<>();
        long resyncEpoch;
        boolean resyncPending;

        Server(String name) {
            this.name = name;
        }

        void report(String device, DeviceState state) {
            devices.put(device, new Device(state, resyncEpoch));
        }

        DeviceState stateOf(String device) {
            Device known = devices.get(device);
            return known == null ? DeviceState.UNKNOWN : known.state;
        }

        void add(String uniqueId, String linkedId, String name) {
            channels.put(uniqueId, new Channel(uniqueId, linkedId == null ? uniqueId : linkedId, name,
                    deviceOf(name), resyncEpoch));
        }
    }

    /** A device's last reported state, with the resync epoch it was reported in. */
    private record Device(DeviceState state, long epoch) {
    }

    /** A seat leg a caller's Dial rings: the call (linkedid), the leg's channel and its device. */
    private record DialLeg(String callId, String channel, String device) {
    }

    /** A live channel, with the resync epoch it was first seen in. */
    private record Channel(String uniqueId, String linkedId, String name, String device, long epoch) {
    }
}
