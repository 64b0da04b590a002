package io.hotline.app.people;

/**
 * Where the people's side pushes messages to desktops ({@code screen_pop}, {@code seat}, {@code offer_withdrawn},
 * {@code work_order}, as docs/api.md lists them): the WebSocket push hub in production. {@code data} is a value the
 * people API's JSON writer can write (maps, lists, strings, numbers, booleans, null).
 * <p>
 * Threading: called on the engine threads and on the screen-pop executor. Implementations must not block (they
 * queue the message per connection) and are thread-safe.
 */
public interface SeatPush {

    /** Sends {@code type} with {@code data} to the agent of {@code seatId}, on every connection they have. */
    void toSeat(String seatId, String type, Object data);

    /** Sends {@code type} with {@code data} to every connected supervisor and admin. */
    void toSupervisors(String type, Object data);

    /** Sends every message to {@code first}, then to {@code second} (production's hub and a test's recorder). */
    static SeatPush both(SeatPush first, SeatPush second) {
        return new SeatPush() {
            @Override
            public void toSeat(String seatId, String type, Object data) {
                first.toSeat(seatId, type, data);
                second.toSeat(seatId, type, data);
            }

            @Override
            public void toSupervisors(String type, Object data) {
                first.toSupervisors(type, data);
                second.toSupervisors(type, data);
            }
        };
    }
}
