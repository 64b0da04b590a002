package io.hotline.app;

import io.hotline.persistence.dao.SeatDao;
import io.hotline.persistence.dao.SeatStateDao;
import io.hotline.persistence.dao.SeatStateRow;
import io.hotline.persistence.dao.SeatWithSkills;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.seat.SeatState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the routing engine about the seats in the database: one {@link RoutingEvent.SeatConfigured} per active
 * seat, identified by its staff code and rung on its SIP endpoint, then one {@link RoutingEvent.SeatRestored} per
 * seat that was logged in when Hotline last stopped (or died), so a restart or an upgrade logs nobody out: ready
 * and not ready (with the reason) come back as they were, a seat that was busy with a call comes back ready (its
 * phone's device state, which AMI resynchronises at start, keeps it from an offer while the phone is in use or
 * unreachable). Logs one line saying what was restored. Stateless; runs on the lifecycle thread (the queries
 * block), never on the routing thread.
 */
final class RoutingSeats {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingSeats.class);

    private RoutingSeats() {
    }

    /**
     * Reads every active seat and its last state and offers them to {@code routing}.
     *
     * @return each offered seat's softphone device ({@code PJSIP/1001}) and seat code, for the AMI view
     * @throws IllegalStateException if the routing inbox refuses a seat (more seats than it holds)
     */
    static Map<String, String> load(SeatDao seats, SeatStateDao states, RoutingService routing) {
        List<SeatWithSkills> active = seats.listActiveWithSkills();
        Map<String, String> devices = new LinkedHashMap<>();
        for (SeatWithSkills seat : active) {
            offer(routing, configured(seat), seat.seat().code(), active.size());
            devices.put(seat.seat().sipEndpoint(), seat.seat().code());
        }
        int ready = 0;
        int notReady = 0;
        for (SeatStateRow state : states.listActive()) {
            if (state.state() == SeatState.LOGGED_OUT) {
                continue;
            }
            offer(routing, new RoutingEvent.SeatRestored(state.seatCode(), state.state(), state.reason()),
                    state.seatCode(), active.size());
            if (state.state() == SeatState.NOT_READY) {
                notReady++;
            } else {
                ready++;
            }
        }
        LOG.info("restored {} seats: {} logged in, {} ready, {} not ready", active.size(), ready + notReady, ready,
                notReady);
        return devices;
    }

    private static void offer(RoutingService routing, RoutingEvent event, String seat, int seats) {
        if (!routing.offer(event)) {
            throw new IllegalStateException("the routing inbox refused seat " + seat + " of " + seats
                    + " while loading seats");
        }
    }

    /** The event that configures {@code seat} in the engine. */
    static RoutingEvent.SeatConfigured configured(SeatWithSkills seat) {
        return new RoutingEvent.SeatConfigured(new SeatProfile(seat.seat().code(), seat.seat().tier(), seat.skills(),
                seat.seat().sipEndpoint()));
    }
}
