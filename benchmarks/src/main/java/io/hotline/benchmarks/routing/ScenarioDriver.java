package io.hotline.benchmarks.routing;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.seat.SeatProfile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays the telephony side for one router: staffs the world's seats, lets callers arrive, answers every offer at
 * once and ends connected calls oldest first, on a {@link SteppedClock}. Counts the commands it receives (the
 * cheap sink) and, when asked, logs every offer as {@code call->seat} so two routers can be compared.
 * <p>
 * The benchmark's steady state is {@link #cycle}: waiting calls minus idle seats stays constant, so the queue
 * keeps its size while every seat keeps cycling. Not thread-safe: confined to the benchmark thread.
 */
final class ScenarioDriver {
    /** Decisions in one {@link #cycle}: the freed seat chooses a call; the new call looks for a seat. */
    static final int DECISIONS_PER_CYCLE = 2;

    private final RoutingWorld world;
    private final SteppedClock clock;
    private final Router router;
    private final ArrayDeque<String> connected = new ArrayDeque<>();
    private final List<RoutingCommand.OfferCall> offers = new ArrayList<>();
    private final Consumer<RoutingCommand> sink = this::receive;
    private List<String> offerLog;
    private long commands;
    private long arrivals;
    private long offersMade;

    private ScenarioDriver(RoutingWorld world, SteppedClock clock, Router router) {
        this.world = world;
        this.clock = clock;
        this.router = router;
    }

    /** The real engine over a world of {@code size}. */
    static ScenarioDriver hotline(WorldSize size, RoutingConfig config) {
        SteppedClock clock = new SteppedClock(RoutingWorld.START);
        return new ScenarioDriver(new RoutingWorld(size), clock, new RoutingEngine(config, clock)::apply);
    }

    /** The full-scan baseline over a world of {@code size}. */
    static ScenarioDriver baseline(WorldSize size, RoutingConfig config) {
        SteppedClock clock = new SteppedClock(RoutingWorld.START);
        return new ScenarioDriver(new RoutingWorld(size), clock, new NaiveRouter(config, clock));
    }

    /**
     * Configures and logs in every seat, then lets callers arrive ({@code stepMs} apart) until, with every offer
     * answered, the waiting calls outnumber the idle seats by the world's {@code waitingCalls}.
     */
    ScenarioDriver open(long stepMs) {
        for (SeatProfile profile : world.seatProfiles()) {
            apply(new RoutingEvent.SeatConfigured(profile));
            apply(new RoutingEvent.SeatLoggedIn(profile.seatId()));
        }
        int limit = 20 * (world.size().seats() + world.size().waitingCalls());
        for (int i = 0; waiting() - idleSeats() < world.size().waitingCalls(); i++) {
            if (i == limit) {
                throw new IllegalStateException("the queue did not fill after " + limit + " callers");
            }
            clock.advance(stepMs);
            arrive();
        }
        return this;
    }

    /**
     * One benchmark operation, {@value #DECISIONS_PER_CYCLE} decisions: the clock moves {@code stepMs} (timers
     * that fall due fire inside the next event), the longest connected call ends so its seat becomes ready and
     * is offered the best waiting call it may take (decision 1, answered at once), and a fresh caller arrives and
     * looks for a ready seat (decision 2). Returns the commands received so far.
     */
    long cycle(long stepMs) {
        clock.advance(stepMs);
        endOldestCall();
        arrive();
        return commands;
    }

    /** Ends the longest connected call, if any: its seat becomes ready and chooses a waiting call. */
    void endOldestCall() {
        String call = connected.pollFirst();
        if (call != null) {
            apply(new RoutingEvent.CallEnded(call));
        }
    }

    /** The next caller arrives and looks for a ready seat. */
    void arrive() {
        arrivals++;
        apply(world.nextCall());
    }

    /** Moves the clock without an event: timers that fall due fire inside the next event. */
    void advance(long byMs) {
        clock.advance(byMs);
    }

    /** Moves the clock and delivers a tick, so due timers fire (steps widen). */
    void tick(long byMs) {
        clock.advance(byMs);
        apply(new RoutingEvent.Tick());
    }

    /** Starts logging every offer as {@code call->seat}. */
    ScenarioDriver recordOffers() {
        offerLog = new ArrayList<>();
        return this;
    }

    /** The offers logged since {@link #recordOffers()}, and stops logging. */
    List<String> takeOfferLog() {
        List<String> log = offerLog;
        offerLog = null;
        return log;
    }

    int waiting() {
        return (int) (arrivals - offersMade);
    }

    int idleSeats() {
        return world.size().seats() - connected.size();
    }

    long commands() {
        return commands;
    }

    private void apply(RoutingEvent event) {
        router.apply(event, sink);
        // Answer every offer at once; an answer causes no offer, so this ends.
        for (int i = 0; i < offers.size(); i++) {
            RoutingCommand.OfferCall offer = offers.get(i);
            router.apply(new RoutingEvent.OfferAnswered(offer.callId(), offer.seatId()), sink);
            connected.addLast(offer.callId());
        }
        offers.clear();
    }

    private void receive(RoutingCommand command) {
        commands++;
        if (command instanceof RoutingCommand.OfferCall offer) {
            offers.add(offer);
            offersMade++;
            if (offerLog != null) {
                offerLog.add(offer.callId() + "->" + offer.seatId());
            }
        }
    }
}
