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
}
