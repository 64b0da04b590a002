package io.hotline.app.people;

import io.hotline.web.http.Roles;
import io.hotline.web.push.PushHub;
import java.util.Objects;

/**
 * The people's pushes over the WebSocket push hub: a seat's messages to the connections of that seat's agent, the
 * supervisors' to every connected supervisor and admin. Never blocks (the hub queues per connection); thread-safe.
 */
public final class HubSeatPush implements SeatPush {
    private final PushHub hub;

    public HubSeatPush(PushHub hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public void toSeat(String seatId, String type, Object data) {
        hub.toSeat(seatId, type, data);
    }

    @Override
    public void toSupervisors(String type, Object data) {
        hub.toRole(Roles.SUPERVISOR, type, data);
        hub.toRole(Roles.ADMIN, type, data);
    }
}
