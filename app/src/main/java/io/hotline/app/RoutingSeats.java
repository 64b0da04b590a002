package io.hotline.app;

import io.hotline.persistence.dao.SeatDao;
import io.hotline.persistence.dao.SeatWithSkills;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.seat.SeatProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * @return each offered seat's softphone device ({@code PJSIP/1001}) and seat code, for the AMI view
     * @throws IllegalStateException if the routing inbox refuses a seat (more seats than it holds)
     */
    static Map<String, String> load(SeatDao seats, RoutingService routing) {
        List<SeatWithSkills> active = seats.listActiveWithSkills();
        Map<String, String> devices = new LinkedHashMap<>();
        for (SeatWithSkills seat : active) {
            if (!routing.offer(configured(seat))) {
                throw new IllegalStateException("the routing inbox refused seat " + seat.seat().code() + " of "
                        + active.size() + " while loading seats");
            }
            devices.put(seat.seat().sipEndpoint(), seat.seat().code());
        }
        return devices;
    }

    /** The event that configures {@code seat} in the engine. */
    static RoutingEvent.SeatConfigured configured(SeatWithSkills seat) {
        return new RoutingEvent.SeatConfigured(new SeatProfile(seat.seat().code(), seat.seat().tier(), seat.skills(),
                seat.seat().sipEndpoint()));
    }
}
