package io.hotline.app.people;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;
import io.hotline.web.desktop.SeatCard;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every seat as routing last told it: state, reason and since when, the call offered to it or connected to it
 * (with its work order), fed by the routing commands the dispatcher hands out. Tells its {@link Listener} of each
 * change, offer, answer, withdrawal and end, with what the call arrived with.
 * <p>
 * Written only on the {@code routing-engine} thread ({@link #accept}); read from any thread: the cards are
 * immutable values in a concurrent map. The softphone's device state is not a routing command: it stays as the
 * card was created until routing has applied a {@code DeviceStateChanged} ({@link #deviceChanged}, told on the same
 * thread right after the engine applied the event).
 */
public final class SeatBoard {
    /** The most live calls whose arrival is remembered for their screen-pop; the oldest goes first. */
    static final int REMEMBERED_CALLS = 100_000;

    private final Map<String, SeatCard> cards = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final Listener listener;
    /** Confined to the routing thread. */
    private final Map<String, CallArrival> arrivals = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CallArrival> eldest) {
            return size() > REMEMBERED_CALLS;
        }
    };

    /** Hears what changed, on the routing thread; must not block. */
    public interface Listener {
        /** The seat's card changed. */
        void seatChanged(SeatCard seat);

        /** The call is offered to the seat (its phone rings). */
        void offered(SeatCard seat, RoutingCommand.OfferCall offer, CallArrival arrival);

        /** The seat answered the call. */
        void answered(SeatCard seat, CallArrival arrival);

        /** The offer was withdrawn before the seat answered. */
        void withdrawn(String seatId, String callId, String reason);

        /** The seat's conversation of the call ended (or the call moved on). */
        void ended(String seatId, String callId);
    }

    /**
     * @param seats    the seats known at start (logged out, with their names and tiers)
     * @param clock    when changes happen
     * @param listener hears every change
     */
    public SeatBoard(Collection<SeatCard> seats, InstantSource clock, Listener listener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        seats.forEach(seat -> cards.put(seat.seat(), seat));
    }

    /** The seat's card, or empty when routing has not named the seat. */
    public Optional<SeatCard> seat(String seatId) {
        return Optional.ofNullable(cards.get(seatId));
    }

    /** Every seat's card, in no particular order. */
    public List<SeatCard> seats() {
        return new ArrayList<>(cards.values());
    }

    /** The seat whose phone is connected to {@code callId}, if any. */
    public Optional<SeatCard> connectedTo(String callId) {
        return cards.values().stream().filter(card -> card.call() != null && card.call().connected()
                && card.call().callId().equals(callId)).findFirst();
    }

    /** Takes one routing command; on the routing thread. Commands about no seat only feed the call arrivals. */
    public void accept(RoutingCommand command) {
        if (command instanceof RoutingCommand.SeatStateChanged change) {
            stateChanged(change);
        } else if (command instanceof RoutingCommand.OfferCall offer) {
            offered(offer);
        } else if (command instanceof RoutingCommand.CancelOffer cancel) {
            withdrawn(cancel);
        } else if (command instanceof RoutingCommand.CallConnected connected) {
            connected(connected);
        } else if (command instanceof RoutingCommand.ConversationEnded ended) {
            ended(ended);
        } else if (command instanceof RoutingCommand.CallJoined joined) {
            arrivals.put(joined.callId(), new CallArrival(joined.callId(), joined.queue(),
                    joined.origin().callerNumber(), joined.origin().customerId(), joined.productSkill()));
        } else if (command instanceof RoutingCommand.CallAbandoned abandoned) {
            arrivals.remove(abandoned.callId());
        } else if (command instanceof RoutingCommand.CallHandedOff handedOff) {
            arrivals.remove(handedOff.callId());
        }
    }

    /**
     * The seat's softphone is now {@code device}, as routing just applied it; on the routing thread. A seat routing
     * never named is left alone (the engine ignored the event too).
     */
    public void deviceChanged(String seatId, DeviceState device) {
        SeatCard before = cards.get(seatId);
        if (before != null && before.deviceState() != device) {
            put(before.withDevice(device));
        }
    }

    private void stateChanged(RoutingCommand.SeatStateChanged change) {
        SeatCard before = card(change.seatId());
        SeatCard after = before.withState(change.state(), change.reason(), clock.instant());
        if (change.state() == SeatState.LOGGED_OUT) {
            after = after.withCall(null);
        }
        put(after);
    }

    private void offered(RoutingCommand.OfferCall offer) {
        SeatCard after = card(offer.seatId()).withCall(new SeatCard.SeatCall(offer.callId(), offer.workOrderId(),
                clock.instant(), false));
        put(after);
        listener.offered(after, offer, arrival(offer.callId()));
    }

    private void withdrawn(RoutingCommand.CancelOffer cancel) {
        SeatCard before = cards.get(cancel.seatId());
        if (before != null && before.call() != null && !before.call().connected()
                && before.call().callId().equals(cancel.callId())) {
            put(before.withCall(null));
        }
        listener.withdrawn(cancel.seatId(), cancel.callId(), cancel.reason());
    }

    private void connected(RoutingCommand.CallConnected connected) {
        if (connected.seatId() == null) {
            return;
        }
        SeatCard before = card(connected.seatId());
        Long workOrderId = before.call() != null && before.call().callId().equals(connected.callId())
                ? before.call().workOrderId() : null;
        SeatCard after = before.withCall(new SeatCard.SeatCall(connected.callId(), workOrderId, clock.instant(),
                true));
        put(after);
        listener.answered(after, arrival(connected.callId()));
    }

    private void ended(RoutingCommand.ConversationEnded ended) {
        if (ended.seatId() == null) {
            return;
        }
        SeatCard before = cards.get(ended.seatId());
        if (before != null && before.call() != null && before.call().callId().equals(ended.callId())) {
            put(before.withCall(null));
        }
        listener.ended(ended.seatId(), ended.callId());
    }

    private CallArrival arrival(String callId) {
        CallArrival arrival = arrivals.get(callId);
        return arrival == null ? CallArrival.unknown(callId) : arrival;
    }

    private SeatCard card(String seatId) {
        SeatCard card = cards.get(seatId);
        return card == null ? SeatCard.loggedOut(seatId, null, null, clock.instant()) : card;
    }

    private void put(SeatCard card) {
        cards.put(card.seat(), card);
        listener.seatChanged(card);
    }
}
