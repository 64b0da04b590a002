package io.hotline.app;

import io.hotline.persistence.dao.SeatDao;
import io.hotline.persistence.dao.SeatWithSkills;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.seat.SeatProfile;
import java.util.List;

/**
 * Tells the routing engine about the seats in the database: one {@link RoutingEvent.SeatConfigured} per active
 * seat, identified by its staff code and rung on its SIP endpoint. Seats start logged out; they log in from their
 * phones and desktops. Stateless; runs on the lifecycle thread (the query blocks), never on the routing thread.
 */
final class RoutingSeats {

    private RoutingSeats() {
    }

    /**
     * Reads every active seat and offers it to {@code routing}.
     *
     * @return how many seats were offered
     * @throws IllegalStateException if the routing inbox refuses a seat (more seats than it holds)
     */
    static int load(SeatDao seats, RoutingService routing) {
        List<SeatWithSkills> active = seats.listActiveWithSkills();
        for (SeatWithSkills seat : active) {
            if (!routing.offer(configured(seat))) {
                throw new IllegalStateException("the routing inbox refused seat " + seat.seat().code() + " of "
                        + active.size() + " while loading seats");
            }
        }
        return active.size();
    }

    /** The event that configures {@code seat} in the engine. */
    static RoutingEvent.SeatConfigured configured(SeatWithSkills seat) {
        return new RoutingEvent.SeatConfigured(new SeatProfile(seat.seat().code(), seat.seat().tier(), seat.skills(),
                seat.seat().sipEndpoint()));
    }
}
